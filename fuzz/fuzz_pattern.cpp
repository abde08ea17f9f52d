// libFuzzer target: the pattern grammar, as a model pattern and as a search query. Oracle: a
// parsed pattern prints back to text that parses to the same tree (pattern.hpp promises it).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "grammars/pattern/pattern.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  auto parsed = palermo::pattern::parse(source, "fuzz");
  (void)palermo::pattern::parse_query(source);
  if (!parsed.ok()) {
    for (const auto& d : parsed.errors()) (void)d.format();
    return 0;
  }
  const std::string text = palermo::pattern::to_string(*parsed);
  auto again = palermo::pattern::parse(text, "fuzz");
  if (!again.ok() || !(*again == *parsed)) __builtin_trap();
  (void)palermo::pattern::to_fts5(*parsed);
  return 0;
}
