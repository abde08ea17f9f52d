// The Protocol model in compiled form: the parsed model written as compact binary data, so that the
// built-in model is parsed once, when palermo is built, and each run only reads it back (parsing the
// *.pal files cost about a tenth of a check of a 4 MB act; reading the compiled form costs a small
// fraction of that). tools/palermo_model_compiler.cpp writes it; the palermo executable embeds it.
#pragma once
#include <string>
#include <string_view>

#include "model/model.hpp"
#include "util/result.hpp"

namespace palermo::model {

// The whole model (obligations, elements, parsed patterns, lexicons, synonyms, source locations)
// as bytes. read_compiled_model(compile_model(m)) == m.
std::string compile_model(const Model& model);

// Reads what compile_model wrote. Every length and tag is checked against the bytes that remain:
// truncated, corrupt or foreign bytes give an error naming `origin`, never a crash.
Result<Model> read_compiled_model(std::string_view bytes, std::string_view origin);

// The compiled built-in model the executable carries, or empty when the program was linked without
// one (the library's tests, the model compiler itself): load_model("") then parses the embedded
// *.pal files instead. Defined weak here; the generated compiled_model.cpp gives the real one.
std::string_view builtin_compiled_model();

}  // namespace palermo::model
