// Turning command-line operands into input files: a FILE stands for itself, a DIR for every *.xml
// file below it (sorted, so runs are repeatable).
#pragma once
#include <string>
#include <vector>

namespace palermo::cli {

// An operand, or a folder below one, that could not be read, and why.
struct InputProblem {
  std::string path;
  std::string reason;              // "no such file or directory", "cannot open the folder: Permission denied"
  bool unreadable_folder = false;  // a folder below a DIR operand (--skip-unreadable may skip it)
};

// Expands operands. A missing path, or a folder below a DIR that cannot be listed, is reported in
// `problems` and skipped: the caller fails rather than assess a country's law with a file left out.
std::vector<std::string> expand_inputs(const std::vector<std::string>& operands, std::vector<InputProblem>* problems);
// Prints the problems ("PATH: error: REASON" on stderr, one line each, with what to do) and says whether the run must fail. With `skip_unreadable` (the commands'
// --skip-unreadable), folders that cannot be listed are warnings ("skipped"), not failures; a
// missing operand always fails.
bool input_problems_fail(const std::vector<InputProblem>& problems, bool skip_unreadable);
// The help text of --skip-unreadable, the same for every command that reads folders.
inline constexpr const char* kSkipUnreadableHelp =
    "skip folders that cannot be read (named on stderr) instead of failing";

// The index database: --db if given, else $PALERMO_DB, else "palermo.db" in the current directory.
std::string default_db_path(const std::string& flag_value);

}  // namespace palermo::cli
