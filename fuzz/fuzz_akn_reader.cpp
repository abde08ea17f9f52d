// libFuzzer target: the Akoma Ntoso reader on arbitrary bytes. Every input must give a document or
// diagnostics with a position; nothing may crash, leak or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "akn/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto doc = palermo::akn::read_document_from_memory(bytes, "fuzz.xml");
  if (!doc.ok()) {
    for (const auto& d : doc.errors()) (void)d.format();  // formatting escapes whatever bytes came in
    return 0;
  }
  // Every provision's parent comes before it.
  const auto& provisions = doc->provisions;
  for (std::size_t i = 0; i < provisions.size(); ++i)
    if (provisions[i].parent >= static_cast<int>(i)) __builtin_trap();
  return 0;
}
