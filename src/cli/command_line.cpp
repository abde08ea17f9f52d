// The shared command-line declarations and parsing (see command_line.hpp).
#include "cli/command_line.hpp"

#include <cstdio>

#include "cli/commands.hpp"
#include "cli/inputs.hpp"

namespace palermo::cli {

CommandLine::CommandLine(std::string command, std::string summary)
    : command_(std::move(command)), options_("palermo " + command_, std::move(summary)) {}

cxxopts::OptionAdder CommandLine::add() { return options_.add_options(); }

CommandLine& CommandLine::formats(const std::vector<std::string_view>& names) {
  std::string help;
  for (std::string_view n : names) {
    format_names_.emplace_back(n);
    help += (help.empty() ? "" : " | ") + std::string(n);
  }
  options_.add_options()("format", help, cxxopts::value<std::string>()->default_value(format_names_.front()));
  return *this;
}

CommandLine& CommandLine::output() {
  options_.add_options()("o,output", "write to PATH (atomically) instead of stdout",
                         cxxopts::value<std::string>()->default_value(""));
  return *this;
}

CommandLine& CommandLine::model() {
  options_.add_options()("model", "read the Protocol model from DIR instead of the built-in one",
                         cxxopts::value<std::string>()->default_value(""));
  return *this;
}

CommandLine& CommandLine::country(const std::string& help) {
  options_.add_options()("country", help, cxxopts::value<std::string>()->default_value(""));
  return *this;
}

CommandLine& CommandLine::skip_unreadable() {
  options_.add_options()("skip-unreadable", kSkipUnreadableHelp);
  return *this;
}

CommandLine& CommandLine::operand(const std::string& name, const std::string& help, bool many) {
  if (many)
    options_.add_options()(name, help, cxxopts::value<std::vector<std::string>>());
  else
    options_.add_options()(name, help, cxxopts::value<std::string>());
  operands_.push_back(name);
  return *this;
}

CommandLine& CommandLine::operands_usage(const std::string& usage) {
  options_.positional_help(usage);
  return *this;
}

std::optional<int> CommandLine::parse(int argc, char** argv, const char* help_tail) {
  options_.add_options()("h,help", "show this help");
  if (!operands_.empty()) options_.parse_positional(operands_);
  try {
    args_ = options_.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& e) {
    std::fprintf(stderr, "palermo %s: %s\nrun 'palermo %s --help' for usage\n", command_.c_str(), e.what(),
                 command_.c_str());
    return exit_usage;
  }
  if (has("help")) {
    if (!help_text_.empty())
      std::printf("%s", help_text_.c_str());
    else
      std::printf("%s%s", options_.help({""}).c_str(), help_tail);
    return exit_ok;
  }
  if (!format_names_.empty()) {
    const std::string chosen = format();
    bool known = false;
    std::string list;
    for (const std::string& n : format_names_) {
      known = known || n == chosen;
      list += (list.empty() ? "" : ", ") + n;
    }
    if (!known) {
      std::fprintf(stderr, "palermo %s: unknown format '%s' (use %s)\n", command_.c_str(), chosen.c_str(),
                   list.c_str());
      return exit_usage;
    }
  }
  return std::nullopt;
}

std::string CommandLine::text(const char* name) const {
  if (!args_.count(name)) {
    try {
      return args_[name].as<std::string>();  // a default value
    } catch (const cxxopts::exceptions::exception&) {
      return {};
    }
  }
  return args_[name].as<std::string>();
}

std::vector<std::string> CommandLine::texts(const char* name) const {
  if (!args_.count(name)) return {};
  return args_[name].as<std::vector<std::string>>();
}

}  // namespace palermo::cli
