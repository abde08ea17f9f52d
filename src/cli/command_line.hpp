// One way every command declares and reads its command line. The options several commands share
// (--format, -o, --model, --country, --skip-unreadable) are declared here once; --help and usage
// errors read the same everywhere; and a command's output formats come from one table, from which
// both the --format check and the rendering are taken, so the two cannot disagree.
#pragma once
#include <cxxopts.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace palermo::cli {

// One output format of a command: its --format name and how it renders the command's result.
template <class Result>
struct Format {
  std::string_view name;
  std::function<std::string(const Result&)> render;
};

template <class Result>
std::vector<std::string_view> format_names(const std::vector<Format<Result>>& formats) {
  std::vector<std::string_view> names;
  for (const auto& f : formats) names.push_back(f.name);
  return names;
}

// The rendering for `name`, which CommandLine::parse has checked is one of `formats`.
template <class Result>
std::string render(const std::vector<Format<Result>>& formats, std::string_view name, const Result& result) {
  for (const auto& f : formats)
    if (f.name == name) return f.render(result);
  return formats.front().render(result);
}

class CommandLine {
 public:
  CommandLine(std::string command, std::string summary);

  // The command's own options, declared as with cxxopts: add()("name", "help", value)...
  cxxopts::OptionAdder add();

  // The shared options. `formats`: the --format names, the first being the default.
  CommandLine& formats(const std::vector<std::string_view>& names);
  CommandLine& output();                          // -o, --output PATH (atomic; "-" is stdout)
  CommandLine& model();                           // --model DIR
  CommandLine& country(const std::string& help);  // --country CC
  CommandLine& skip_unreadable();                 // --skip-unreadable
  // Operands, in order: each positional argument is collected under the next name (the last may be a
  // list: `many`). `usage` is what --help shows for them ("FILE|DIR...").
  CommandLine& operand(const std::string& name, const std::string& help, bool many = false);
  CommandLine& operands_usage(const std::string& usage);
  // A command whose --help is written by hand (model: subcommands) prints this instead.
  CommandLine& help_text(std::string text) {
    help_text_ = std::move(text);
    return *this;
  }

  // Parses argv. Returns the exit code to return now (0 after printing --help with `help_tail`;
  // exit_usage after saying what is wrong), or nothing when the command should go on.
  std::optional<int> parse(int argc, char** argv, const char* help_tail = "");

  const cxxopts::ParseResult& args() const { return args_; }
  bool has(const char* name) const { return args_.count(name) > 0; }
  std::string text(const char* name) const;                // "" when the option has no value
  std::vector<std::string> texts(const char* name) const;  // every value of a repeatable option or operand

  std::string format() const { return text("format"); }
  std::string output_path() const { return text("output"); }
  std::string model_dir() const { return text("model"); }
  bool skip_unreadable_given() const { return has("skip-unreadable"); }

  const std::string& command() const { return command_; }

 private:
  std::string command_;
  cxxopts::Options options_;
  std::vector<std::string> format_names_;
  std::vector<std::string> operands_;
  std::string help_text_;
  cxxopts::ParseResult args_;
};

}  // namespace palermo::cli
