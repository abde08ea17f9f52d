#include "analysis/finding.hpp"

namespace palermo::analysis {

std::string_view to_string(Status s) {
  switch (s) {
    case Status::met:
      return "met";
    case Status::partial:
      return "partial";
    case Status::gap:
      return "gap";
    case Status::conflict:
      return "conflict";
    case Status::not_applicable:
      return "not applicable";
    case Status::not_assessed:
      return "not assessed";
    case Status::not_in_documents:
      return "not in documents";
  }
  return "?";
}

}  // namespace palermo::analysis
