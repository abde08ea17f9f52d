// libFuzzer target: the model language (grammars/model, then the loader: synonyms, patterns,
// lexicons). A model file is a lawyer's text, but a broken one must give FILE:LINE:COL, not a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<palermo::Diagnostic> warnings;
  auto model = palermo::model::load_model_sources({palermo::model::ModelSource{"fuzz.pal", text}}, &warnings);
  if (!model.ok()) {
    for (const auto& d : model.errors()) {
      if (d.file != "fuzz.pal") __builtin_trap();  // every error names the file
      (void)d.format();
    }
  }
  return 0;
}
