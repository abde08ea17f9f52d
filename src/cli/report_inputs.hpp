// What check, compare and diff share: reading every statute (all diagnostics shown before giving up),
// loading the model, and writing the rendered report to stdout or atomically to -o PATH.
#pragma once
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akn/reader.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "import/import.hpp"
#include "model/model.hpp"

namespace palermo::cli {

// Reads every file; on any failure prints each file's diagnostics and returns nothing (exit 3).
inline std::optional<std::vector<akn::Document>> read_statutes(const std::vector<std::string>& paths) {
  std::vector<akn::Document> docs;
  bool failed = false;
  for (const auto& path : paths) {
    auto doc = import::load_document(path);
    if (!doc) {
      print_diagnostics(doc.errors());
      failed = true;
      continue;
    }
    docs.push_back(std::move(doc).value());
  }
  if (failed) return std::nullopt;
  return docs;
}

// The model from --model DIR, or the one built into the binary when `dir` is empty.
inline std::optional<model::Model> load_model_for(const char* command, const std::string& dir) {
  auto m = model::load_model(dir);
  if (!m) {
    std::fprintf(stderr, "palermo %s: the Protocol model%s%s could not be loaded:\n", command,
                 dir.empty() ? "" : " in ", dir.c_str());
    print_diagnostics(m.errors());
    return std::nullopt;
  }
  return std::move(m).value();
}

// stdout, or PATH written atomically. Output that cannot be written (an unwritable -o PATH, a full
// disk, /dev/full) is exit 5, as for standard output.
inline int emit(const char* command, const std::string& output_path, const std::string& content) {
  if (output_path.empty() || output_path == "-") {
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
    return exit_ok;
  }
  const Result<Done> written = write_file_atomically(output_path, content);
  if (!written) {
    std::fprintf(stderr, "palermo %s: %s\n", command, written.errors().front().message.c_str());
    return exit_output;
  }
  return exit_ok;
}

inline bool one_of(std::string_view value, std::initializer_list<std::string_view> allowed) {
  for (auto a : allowed)
    if (value == a) return true;
  return false;
}

}  // namespace palermo::cli
