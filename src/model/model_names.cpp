#include "model/model.hpp"

namespace palermo::model {

const Obligation* Model::find(std::string_view id) const {
  for (const auto& o : obligations)
    if (o.id == id) return &o;
  return nullptr;
}

std::string_view to_string(ObligationClass c) {
  switch (c) {
    case ObligationClass::mandatory:
      return "mandatory";
    case ObligationClass::qualified:
      return "qualified";
    case ObligationClass::endeavour:
      return "endeavour";
    case ObligationClass::consider:
      return "consider";
    case ObligationClass::good_practice:
      return "good-practice";
  }
  return "?";
}

std::string_view to_string(Area a) {
  switch (a) {
    case Area::definition:
      return "definition";
    case Area::criminalization:
      return "criminalization";
    case Area::sanctions:
      return "sanctions";
    case Area::jurisdiction:
      return "jurisdiction";
    case Area::victims:
      return "victims";
    case Area::prevention:
      return "prevention";
    case Area::cooperation:
      return "cooperation";
  }
  return "?";
}

std::string_view to_string(Scope s) {
  switch (s) {
    case Scope::offence:
      return "offence";
    case Scope::offence_terms:
      return "offence-terms";
    case Scope::anywhere:
      return "anywhere";
  }
  return "?";
}

}  // namespace palermo::model
