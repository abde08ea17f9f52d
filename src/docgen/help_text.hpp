// Reading palermo's own `--help` text, and writing from it the man pages and the shell completions
// that are installed with the binary. They are generated at build time from the built binary's help
// (tools/palermo_docgen.cpp), so a man page or a completion cannot say anything --help does not.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace palermo::docgen {

// One option as --help lists it: "  -o, --output arg   write to PATH (default: \"\")".
struct HelpOption {
  std::string short_name;   // "o", or empty
  std::string long_name;    // "output" (without the dashes)
  std::string argument;     // "arg", "DIR", ...; empty for a flag
  std::string description;  // continuation lines joined with single spaces
  // Values the option takes when its description enumerates them ("text | md | json", "text or json").
  std::vector<std::string> values;
};

// A command's --help, cut into the parts a man page has.
struct CommandHelp {
  std::string name;                   // "check"; empty for palermo itself
  std::string summary;                // one line, from the command list of `palermo --help`
  std::vector<std::string> synopsis;  // usage lines, without "usage:" ("palermo check [OPTION...] FILE|DIR...")
  // Every other line of the help, in order, blank lines kept (paragraph breaks). Indented lines
  // (tables, examples) are kept with their indentation.
  std::vector<std::string> text;
  std::vector<HelpOption> options;
  std::vector<std::string> subcommands;  // "list", "show", "lint" for `palermo model`
};

// The top-level `palermo --help`: its own parts and the command list ("  check     summary").
struct ProgramHelp {
  CommandHelp self;
  std::vector<CommandHelp> commands;  // name and summary only; parse_command_help fills the rest
};

// Both --help styles palermo has are read: cxxopts' ("Usage:" then an indented line; options as
// "  -o, --output arg  description" with wrapped continuation lines) and the hand-written ones
// ("usage: palermo model list ..." followed by more "       palermo model ..." lines).
CommandHelp parse_command_help(std::string_view name, std::string_view summary, std::string_view help);
ProgramHelp parse_program_help(std::string_view help);

// roff (man(7) macros). `version` is the first line of `palermo --version`, e.g. "palermo 0.1.0".
std::string render_program_man(const ProgramHelp& program, std::string_view version);
std::string render_command_man(const CommandHelp& command, std::string_view version);

// Completion scripts for the three shells, completing commands, each command's options (and the
// values an option enumerates), `palermo model`'s subcommands, and files for operands.
std::string render_bash_completion(const ProgramHelp& program);
std::string render_zsh_completion(const ProgramHelp& program);
std::string render_fish_completion(const ProgramHelp& program);

// Escapes text for roff: backslashes, hyphen-minus as \-, a leading '.' or '\''.
std::string roff_escape(std::string_view text);

}  // namespace palermo::docgen
