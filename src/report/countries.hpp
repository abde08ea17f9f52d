// Country names for report headlines: "na" reads as n/a; "Namibia" does not.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace palermo::report {

struct CountryName {
  const char* alpha2;  // "na"
  const char* alpha3;  // "nam"
  const char* name;    // "Namibia"
};

// Every ISO 3166-1 country (generated at build time from Debian's iso-codes).
const std::vector<CountryName>& country_names();

// The short name for an ISO 3166-1 alpha-2 or alpha-3 code in any case; "" when the code is not one.
std::string country_name(std::string_view code);

// "Namibia (na)"; the code alone when it is not an ISO code; "(country not stated)" when empty.
std::string country_label(std::string_view code);

}  // namespace palermo::report
