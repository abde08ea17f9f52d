// Looking up ISO 3166-1 names (the table itself is generated: cmake/country_names.cmake).
#include "report/countries.hpp"

#include <cctype>

namespace palermo::report {

std::string country_name(std::string_view code) {
  std::string lower;
  for (char c : code) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.size() != 2 && lower.size() != 3) return {};
  for (const CountryName& c : country_names())
    if (lower == c.alpha2 || lower == c.alpha3) return c.name;
  return {};
}

std::string country_label(std::string_view code) {
  if (code.empty()) return "(country not stated)";
  // A subdivision ("GB-UKM", "za-cpt") is named by its country.
  const std::string_view country = code.substr(0, code.find('-'));
  const std::string name = country_name(country);
  if (name.empty()) return std::string(code);
  return name + " (" + std::string(code) + ")";
}

}  // namespace palermo::report
