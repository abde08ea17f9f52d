// libFuzzer target: the importer on plain text — its structure recognition (grammars/structure,
// numbering in sequence, inline subdivisions) and the Akoma Ntoso it writes, which must read back.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "akn/reader.hpp"
#include "import/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  palermo::import::Options options;
  options.language = size > 0 && (data[0] & 1) ? "fra" : "eng";  // both meanings of "Section"
  auto imported = palermo::import::import_bytes(bytes, "fuzz.txt", options);
  if (!imported.ok()) return 0;
  // What import writes, palermo must read.
  auto doc = palermo::akn::read_document_from_memory(imported->xml, "fuzz.akn.xml");
  if (!doc.ok()) __builtin_trap();
  return 0;
}
