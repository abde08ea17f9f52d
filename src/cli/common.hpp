// Helpers shared by the subcommands: option parsing conventions, colour, atomic writes.
#pragma once
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace palermo::cli {

// True when colour should be used on this stream: a terminal and NO_COLOR unset.
bool use_colour(int fd);
// Prints diagnostics to stderr, one per line (Diagnostic::format).
void print_diagnostics(const std::vector<Diagnostic>& ds);
// Writes `content` to `path` atomically (temporary file in the same folder, then rename).
// Fails with a diagnostic saying what went wrong.
Result<Done> write_file_atomically(const std::string& path, std::string_view content);

}  // namespace palermo::cli
