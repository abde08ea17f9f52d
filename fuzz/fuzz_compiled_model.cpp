// libFuzzer target: reading the compiled form of the model (model/compiled.hpp). The built-in one is
// written at build time, but the reader must still end every input in a model or an error: never a
// crash, an endless loop or an allocation larger than the input warrants.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/compiled.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto model = palermo::model::read_compiled_model(bytes, "fuzz");
  if (model.ok()) {
    // What was read writes out and reads back as the same model.
    auto again = palermo::model::read_compiled_model(palermo::model::compile_model(model.value()), "again");
    if (!again.ok() || !(again.value() == model.value())) __builtin_trap();
  } else if (model.errors().front().file != "fuzz") {
    __builtin_trap();
  }
  return 0;
}
