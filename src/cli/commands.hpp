// The subcommands of `palermo`. Each lives in its own cmd_*.cpp: it turns flags into a request,
// calls the library, prints, and returns an exit code (exit_codes below). Nothing else prints.
#pragma once
#include <string>
#include <vector>

namespace palermo::cli {

// Documented in README.md ("Exit codes").
enum ExitCode : int {
  exit_ok = 0,
  exit_gaps = 1,      // check --fail-on: gaps of the chosen kind were found
  exit_usage = 2,     // bad usage: unknown command or flag, missing argument
  exit_input = 3,     // an input file is unreadable or invalid (XML, model, query)
  exit_internal = 4,  // an unexpected failure inside palermo (a bug: please report it)
  exit_output = 5,    // the output could not be written (standard output full or closed)
};

// argv[0] is the subcommand's name ("show"); the rest are its arguments.
using CommandFn = int (*)(int argc, char** argv);

struct Command {
  const char* name;
  const char* summary;
  CommandFn run;
};

int cmd_show(int argc, char** argv);
int cmd_validate(int argc, char** argv);
int cmd_model(int argc, char** argv);
int cmd_check(int argc, char** argv);
int cmd_compare(int argc, char** argv);
int cmd_diff(int argc, char** argv);
int cmd_index(int argc, char** argv);
int cmd_search(int argc, char** argv);
int cmd_import(int argc, char** argv);

const std::vector<Command>& commands();

}  // namespace palermo::cli
