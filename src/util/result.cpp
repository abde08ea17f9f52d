#include "util/result.hpp"

#include <fmt/format.h>

namespace palermo {

std::string Diagnostic::format() const {
  std::string where;
  if (!file.empty()) where = file;
  if (line > 0) where += fmt::format(":{}", line);
  if (line > 0 && column > 0) where += fmt::format(":{}", column);
  const char* sev = severity == Severity::error ? "error" : severity == Severity::warning ? "warning" : "note";
  std::string out = where.empty() ? fmt::format("{}: {}", sev, message) : fmt::format("{}: {}: {}", where, sev, message);
  if (!excerpt.empty()) {
    out += "\n  " + excerpt;
    if (column > 0) out += "\n  " + std::string(static_cast<size_t>(column - 1), ' ') + "^";
  }
  if (!hint.empty()) out += "\n  hint: " + hint;
  return out;
}

}  // namespace palermo
