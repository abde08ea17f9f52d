// Turning command-line operands into input files: a FILE stands for itself, a DIR for every *.xml
// file below it (sorted, so runs are repeatable).
#pragma once
#include <string>
#include <vector>

namespace palermo::cli {

// An operand, or a folder below one, that could not be read, and why.
struct InputProblem {
  std::string path;
  std::string reason;  // "no such file or directory", "cannot open the folder: Permission denied"
};

// Expands operands. A missing path, or a folder below a DIR that cannot be listed, is reported in
// `problems` and skipped: the caller fails rather than assess a country's law with a file left out.
std::vector<std::string> expand_inputs(const std::vector<std::string>& operands, std::vector<InputProblem>* problems);
// "PATH: error: REASON" on stderr, one line each, with what to do.
void print_input_problems(const std::vector<InputProblem>& problems);

// The index database: --db if given, else $PALERMO_DB, else "palermo.db" in the current directory.
std::string default_db_path(const std::string& flag_value);

}  // namespace palermo::cli
