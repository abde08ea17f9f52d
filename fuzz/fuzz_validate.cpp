// libFuzzer target: validate's checks (and their column finding) on whatever the reader accepts.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "akn/reader.hpp"
#include "akn/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto doc = palermo::akn::read_document_from_memory(bytes, "fuzz.xml");
  if (!doc.ok()) return 0;
  auto problems = palermo::akn::validate(doc.value());
  palermo::akn::locate_columns(problems, bytes);
  for (const auto& p : problems) (void)p.format("fuzz.xml");
  return 0;
}
