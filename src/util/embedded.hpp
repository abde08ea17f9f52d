// Files compiled into the binary (protocol-model/*.pal, reports/templates/*): see cmake/embed.cmake.
#pragma once
#include <string_view>
#include <vector>

namespace palermo {

struct EmbeddedFile {
  std::string_view path;  // relative to the source root, e.g. "protocol-model/definition.pal"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();

}  // namespace palermo
