// libFuzzer target: citations in running text ("section 3(1)(a) of the Act", "art. 225-4-1").
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "grammars/citation/citation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& c : palermo::citation::find_citations(text)) (void)c;
  return 0;
}
