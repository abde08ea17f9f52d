// libFuzzer target: penalty clauses ("imprisonment for a term not exceeding 20 years or a fine").
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "grammars/penalty/penalty.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto mentions = palermo::penalty::find_penalties(text);
  (void)palermo::penalty::summarize(mentions);
  return 0;
}
