// Helpers for the text tests: reading the shared statutes and samples in place.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

namespace palermo::text::testing {

inline std::string read_shared(const std::string& relative) {
  std::ifstream in(std::string(PALERMO_SHARED_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The character data of an XML file, tags replaced by spaces: enough to get at the words of an AKN
// sample without linking the AKN reader into the text module's tests.
inline std::string xml_text(const std::string& xml) {
  std::string out;
  out.reserve(xml.size());
  bool in_tag = false;
  for (char c : xml) {
    if (c == '<') in_tag = true;
    if (!in_tag) out += c;
    if (c == '>') {
      in_tag = false;
      out += ' ';
    }
  }
  return out;
}

}  // namespace palermo::text::testing
