// Turning command-line operands into input files: a FILE stands for itself, a DIR for every *.xml
// file below it (sorted, so runs are repeatable).
#pragma once
#include <string>
#include <vector>

namespace palermo::cli {

// Expands operands; a missing path is reported in `missing` and skipped.
std::vector<std::string> expand_inputs(const std::vector<std::string>& operands, std::vector<std::string>* missing);

// The index database: --db if given, else $PALERMO_DB, else "palermo.db" in the current directory.
std::string default_db_path(const std::string& flag_value);

}  // namespace palermo::cli
