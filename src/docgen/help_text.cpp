#include "docgen/help_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <regex>
#include <sstream>

namespace palermo::docgen {

namespace {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (start < text.size()) lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  // A help text ends with one or more newlines; trailing blank lines are not paragraphs.
  while (!lines.empty() && lines.back().find_first_not_of(' ') == std::string::npos) lines.pop_back();
  return lines;
}

std::size_t indentation(const std::string& line) {
  const std::size_t n = line.find_first_not_of(' ');
  return n == std::string::npos ? line.size() : n;
}

bool blank(const std::string& line) { return line.find_first_not_of(" \t") == std::string::npos; }

std::string trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  const std::size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

bool starts_with_word(const std::string& s, std::string_view word) {
  return s.size() >= word.size() && std::equal(word.begin(), word.end(), s.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

// "  -o, --output arg   description", "      --format arg  description", "  --model DIR   description",
// or an option too long for its column, whose description starts on the next line.
const std::regex& option_line() {
  static const std::regex re(
      R"(^ {1,8}(?:-([A-Za-z0-9]), ?)?--([a-z][a-z0-9-]*)(?:[ =](\[=[^ ]+|[^ -][^ ]*))?(?: {2,}(.*))?$)");
  return re;
}

// The description without cxxopts' " (default: ...)" note, for completions (a man page keeps it).
std::string without_default(const std::string& description) {
  const std::size_t at = description.rfind(" (default: ");
  return at != std::string::npos && description.back() == ')' ? description.substr(0, at) : description;
}

// "text | md | json", "mandatory | any: exit 1 ...", "output format: text or json", "text (default) or json",
// "act, bill or code": the values a user can give. Anything else enumerates nothing.
std::vector<std::string> enumerated_values(const std::string& description) {
  const std::string d = without_default(description);
  static const std::regex piped(R"(^(?:[a-z ]+: )?([a-z]+(?: \| [a-z]+)+)(?:$|[:,.; ]))");
  static const std::regex ored(R"(^(?:[a-z ]+: )?((?:[a-z]+(?: \(default\))?, )*[a-z]+(?: \(default\))? or [a-z]+)$)");
  std::smatch m;
  std::string list;
  if (std::regex_search(d, m, piped))
    list = m[1];
  else if (std::regex_match(d, m, ored))
    list = m[1];
  else
    return {};
  std::vector<std::string> values;
  static const std::regex word(R"([a-z]+)");
  for (auto it = std::sregex_iterator(list.begin(), list.end(), word); it != std::sregex_iterator(); ++it) {
    const std::string w = it->str();
    if (w != "or" && w != "default") values.push_back(w);
  }
  return values;
}

}  // namespace

CommandHelp parse_command_help(std::string_view name, std::string_view summary, std::string_view help) {
  CommandHelp out;
  out.name = std::string(name);
  out.summary = std::string(summary);
  const std::vector<std::string> lines = split_lines(help);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line == "Usage:") {  // cxxopts: the usage is the indented line(s) below
      while (i + 1 < lines.size() && !blank(lines[i + 1]) && indentation(lines[i + 1]) > 0)
        out.synopsis.push_back(trim(lines[++i]));
      continue;
    }
    if (starts_with_word(line,
                         "usage: ")) {  // hand-written: "usage: palermo model list", then "       palermo model show"
      out.synopsis.push_back(trim(line.substr(7)));
      while (i + 1 < lines.size() && indentation(lines[i + 1]) > 0 && trim(lines[i + 1]).rfind("palermo", 0) == 0)
        out.synopsis.push_back(trim(lines[++i]));
      continue;
    }
    std::smatch m;
    if (std::regex_match(line, m, option_line())) {
      HelpOption option;
      option.short_name = m[1];
      option.long_name = m[2];
      option.argument = m[3];
      option.description = trim(m[4].str());
      // Wrapped description: the following lines indented deeper than the option itself.
      while (i + 1 < lines.size() && !blank(lines[i + 1]) && indentation(lines[i + 1]) > indentation(line) + 2 &&
             !std::regex_match(lines[i + 1], option_line())) {
        if (!option.description.empty()) option.description += ' ';
        option.description += trim(lines[++i]);
      }
      // cxxopts notes an empty default as (default: ""), which tells a reader nothing.
      static const std::string empty_default = " (default: \"\")";
      if (option.description.size() >= empty_default.size() &&
          option.description.compare(option.description.size() - empty_default.size(), empty_default.size(),
                                     empty_default) == 0)
        option.description.erase(option.description.size() - empty_default.size());
      option.values = enumerated_values(option.description);
      out.options.push_back(std::move(option));
      continue;
    }
    // An "options:" heading over the options: the man page has its own OPTIONS section.
    if (i + 1 < lines.size() && line.size() > 1 && line.back() == ':' && line.find(' ') == std::string::npos &&
        std::regex_match(lines[i + 1], option_line()))
      continue;
    out.text.push_back(line);
  }
  // "palermo model list ...": a lowercase word after the command's name is a subcommand.
  if (!out.name.empty()) {
    const std::string prefix = "palermo " + out.name + " ";
    static const std::regex word(R"(^([a-z][a-z-]*)(?: |$))");
    for (const std::string& s : out.synopsis) {
      std::smatch m;
      const std::string rest = s.rfind(prefix, 0) == 0 ? s.substr(prefix.size()) : std::string();
      if (std::regex_search(rest, m, word) &&
          std::find(out.subcommands.begin(), out.subcommands.end(), m[1].str()) == out.subcommands.end())
        out.subcommands.push_back(m[1]);
    }
  }
  // Blank lines left at the start or end of the prose (around the options table) are not paragraphs.
  while (!out.text.empty() && blank(out.text.back())) out.text.pop_back();
  while (!out.text.empty() && blank(out.text.front())) out.text.erase(out.text.begin());
  return out;
}

ProgramHelp parse_program_help(std::string_view help) {
  // The command list ("commands:" then "  name   summary" lines) is cut out before the rest is read
  // as any other help text.
  std::string rest;
  ProgramHelp out;
  const std::vector<std::string> lines = split_lines(help);
  static const std::regex command_line(R"(^ {1,4}([a-z][a-z-]*) +(\S.*)$)");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] == "commands:") {
      std::smatch m;
      while (i + 1 < lines.size() && std::regex_match(lines[i + 1], m, command_line)) {
        CommandHelp c;
        c.name = m[1];
        c.summary = m[2];
        out.commands.push_back(std::move(c));
        ++i;
      }
      continue;
    }
    rest += lines[i] + "\n";
  }
  out.self = parse_command_help("", "", rest);
  // "palermo 0.1.0: checks ..." -- the summary is the first paragraph without the version prefix.
  // That paragraph is the man page's NAME, so DESCRIPTION starts after it.
  std::string first;
  std::size_t taken = 0;
  for (; taken < out.self.text.size() && !blank(out.self.text[taken]); ++taken)
    first += (first.empty() ? "" : " ") + trim(out.self.text[taken]);
  while (taken < out.self.text.size() && blank(out.self.text[taken])) ++taken;
  out.self.text.erase(out.self.text.begin(), out.self.text.begin() + static_cast<std::ptrdiff_t>(taken));
  static const std::regex version_prefix(R"(^palermo [^ :]*: )");
  out.self.summary = std::regex_replace(first, version_prefix, "");
  return out;
}

// ---- roff -----------------------------------------------------------------------------------------

std::string roff_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  // A line starting with a control character would be read as a request.
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string th_line(const std::string& page, std::string_view version) {
  // No date: the page is the same for the same help text, whenever it is built.
  return ".TH \"" + roff_escape(upper(page)) + "\" 1 \"\" \"" + roff_escape(version) + "\" \"palermo manual\"\n";
}

// Prose in paragraphs (filled), indented lines (tables, examples) as they stand (no fill).
std::string render_text(const std::vector<std::string>& text) {
  std::string out;
  bool in_paragraph = false, in_verbatim = false;
  for (const std::string& line : text) {
    if (blank(line)) {
      if (in_verbatim) out += ".fi\n";
      in_paragraph = in_verbatim = false;
      continue;
    }
    const bool indented = indentation(line) > 0;
    if (indented && !in_verbatim) {
      if (!in_paragraph) out += ".PP\n";
      out += ".nf\n";
      in_verbatim = true;
    } else if (!indented && in_verbatim) {
      out += ".fi\n";
      in_verbatim = false;
      in_paragraph = true;
    } else if (!indented && !in_paragraph) {
      out += ".PP\n";
      in_paragraph = true;
    }
    out += roff_escape(indented ? line : trim(line)) + "\n";
  }
  if (in_verbatim) out += ".fi\n";
  return out;
}

std::string render_synopsis(const std::vector<std::string>& synopsis) {
  std::string out = ".SH SYNOPSIS\n.nf\n";
  for (const std::string& s : synopsis) out += roff_escape(s) + "\n";
  return out + ".fi\n";
}

std::string render_options(const std::vector<HelpOption>& options) {
  if (options.empty()) return {};
  std::string out = ".SH OPTIONS\n";
  for (const HelpOption& o : options) {
    out += ".TP\n";
    if (!o.short_name.empty()) out += "\\fB\\-" + roff_escape(o.short_name) + "\\fR, ";
    out += "\\fB\\-\\-" + roff_escape(o.long_name) + "\\fR";
    if (!o.argument.empty()) out += " \\fI" + roff_escape(o.argument) + "\\fR";
    out += "\n" + roff_escape(o.description) + "\n";
  }
  return out;
}

}  // namespace

std::string render_command_man(const CommandHelp& command, std::string_view version) {
  const std::string page = "palermo-" + command.name;
  std::string out = ".\\\" Generated by palermo_docgen from `palermo " + command.name + " --help`. Do not edit.\n";
  out += th_line(page, version);
  out += ".SH NAME\n" + roff_escape(page) + " \\- " + roff_escape(command.summary) + "\n";
  out += render_synopsis(command.synopsis);
  if (!command.text.empty()) out += ".SH DESCRIPTION\n" + render_text(command.text);
  out += render_options(command.options);
  out += ".SH SEE ALSO\n\\fBpalermo\\fR(1)\n";
  return out;
}

std::string render_program_man(const ProgramHelp& program, std::string_view version) {
  std::string out = ".\\\" Generated by palermo_docgen from `palermo --help`. Do not edit.\n";
  out += th_line("palermo", version);
  out += ".SH NAME\npalermo \\- " + roff_escape(program.self.summary) + "\n";
  out += render_synopsis(program.self.synopsis);
  if (!program.self.text.empty()) out += ".SH DESCRIPTION\n" + render_text(program.self.text);
  out += ".SH COMMANDS\n";
  for (const CommandHelp& c : program.commands)
    out += ".TP\n\\fBpalermo\\-" + roff_escape(c.name) + "\\fR(1)\n" + roff_escape(c.summary) + "\n";
  out += render_options(program.self.options);
  out += ".SH SEE ALSO\n";
  for (std::size_t i = 0; i < program.commands.size(); ++i)
    out += "\\fBpalermo\\-" + roff_escape(program.commands[i].name) + "\\fR(1)" +
           (i + 1 < program.commands.size() ? ",\n" : "\n");
  return out;
}

// ---- completions -----------------------------------------------------------------------------------

namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

std::vector<std::string> option_words(const std::vector<HelpOption>& options, bool only_with_argument) {
  std::vector<std::string> words;
  for (const HelpOption& o : options) {
    if (only_with_argument && o.argument.empty()) continue;
    if (!o.short_name.empty()) words.push_back("-" + o.short_name);
    words.push_back("--" + o.long_name);
  }
  return words;
}

// Inside '...' in zsh and fish: close the quote, add an escaped quote, reopen.
std::string single_quoted_zsh(std::string_view s) {
  std::string out;
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out;
}

// An _arguments description: ']' ends it and '[' / ':' / '\' have meanings, so escape them.
std::string zsh_bracketed(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    out += c;
  }
  return single_quoted_zsh(out);
}

std::string fish_quoted(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

std::string render_bash_completion(const ProgramHelp& program) {
  std::vector<std::string> names;
  for (const CommandHelp& c : program.commands) names.push_back(c.name);
  std::ostringstream out;
  out << "# bash completion for palermo(1). Generated by palermo_docgen from palermo's --help; do not edit.\n"
         "_palermo() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
         "  COMPREPLY=()\n"
         "  if [[ $COMP_CWORD -eq 1 ]]; then\n"
         "    COMPREPLY=($(compgen -W \""
      << join(names, " ") << " " << join(option_words(program.self.options, false), " ")
      << "\" -- \"$cur\"))\n"
         "    return\n"
         "  fi\n"
         "  local options=\"\" with_value=\"\" subcommands=\"\"\n"
         "  case ${COMP_WORDS[1]} in\n";
  for (const CommandHelp& c : program.commands) {
    out << "    " << c.name << ")\n"
        << "      options=\"" << join(option_words(c.options, false), " ") << "\"\n"
        << "      with_value=\"" << join(option_words(c.options, true), " ") << "\"\n";
    if (!c.subcommands.empty()) out << "      subcommands=\"" << join(c.subcommands, " ") << "\"\n";
    bool any_values = false;
    for (const HelpOption& o : c.options) any_values = any_values || !o.values.empty();
    if (any_values) {
      out << "      case $prev in\n";
      for (const HelpOption& o : c.options) {
        if (o.values.empty()) continue;
        out << "        " << (o.short_name.empty() ? "" : "-" + o.short_name + "|") << "--" << o.long_name
            << ") COMPREPLY=($(compgen -W \"" << join(o.values, " ") << "\" -- \"$cur\")); return ;;\n";
      }
      out << "      esac\n";
    }
    out << "      ;;\n";
  }
  out << "    *) return ;;\n"
         "  esac\n"
         "  # The value of an option: an empty reply lets bash complete file names (complete -o default).\n"
         "  if [[ \" $with_value \" == *\" $prev \"* ]]; then return; fi\n"
         "  if [[ $cur == -* ]]; then\n"
         "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
         "  elif [[ -n $subcommands && $COMP_CWORD -eq 2 ]]; then\n"
         "    COMPREPLY=($(compgen -W \"$subcommands\" -- \"$cur\"))\n"
         "  fi\n"
         "}\n"
         "complete -o default -F _palermo palermo\n";
  return out.str();
}

std::string render_zsh_completion(const ProgramHelp& program) {
  auto option_specs = [](const std::vector<HelpOption>& options, const std::string& indent) {
    std::string out;
    for (const HelpOption& o : options) {
      const std::string desc = "[" + zsh_bracketed(without_default(o.description)) + "]";
      std::string action;
      // The message zsh shows over the values: cxxopts calls every value "arg", so name the option instead.
      const std::string message = o.argument == "arg" ? o.long_name : o.argument;
      if (!o.argument.empty())
        action = ":" + zsh_bracketed(message) + ":" + (o.values.empty() ? "_files" : "(" + join(o.values, " ") + ")");
      if (o.short_name.empty())
        out += indent + "'--" + o.long_name + desc + action + "' \\\n";
      else
        out += indent + "'(-" + o.short_name + " --" + o.long_name + ")'{-" + o.short_name + ",--" + o.long_name +
               "}'" + desc + action + "' \\\n";
    }
    return out;
  };
  std::string out =
      "#compdef palermo\n"
      "# zsh completion for palermo(1). Generated by palermo_docgen from palermo's --help; do not edit.\n\n"
      "_palermo() {\n"
      "  local curcontext=$curcontext state line\n"
      "  _arguments -C \\\n" +
      option_specs(program.self.options, "    ") +
      "    '1:command:->command' \\\n"
      "    '*::argument:->argument'\n"
      "  case $state in\n"
      "    command)\n"
      "      local -a commands\n"
      "      commands=(\n";
  for (const CommandHelp& c : program.commands)
    out += "        '" + c.name + ":" + single_quoted_zsh(c.summary) + "'\n";
  out +=
      "      )\n"
      "      _describe -t commands 'palermo command' commands\n"
      "      ;;\n"
      "    argument)\n"
      "      case $words[1] in\n";
  for (const CommandHelp& c : program.commands) {
    out += "        " + c.name + ")\n          _arguments -s \\\n" + option_specs(c.options, "            ");
    if (!c.subcommands.empty()) out += "            '1:subcommand:(" + join(c.subcommands, " ") + ")' \\\n";
    out += "            '*:file:_files'\n          ;;\n";
  }
  out +=
      "      esac\n"
      "      ;;\n"
      "  esac\n"
      "}\n\n"
      "_palermo \"$@\"\n";
  return out;
}

std::string render_fish_completion(const ProgramHelp& program) {
  std::string out =
      "# fish completion for palermo(1). Generated by palermo_docgen from palermo's --help; do not edit.\n"
      "# No file names until a command is given; each command's operands are files.\n"
      "complete -c palermo -f\n";
  auto option_lines = [](const std::vector<HelpOption>& options, const std::string& condition) {
    std::string out;
    for (const HelpOption& o : options) {
      out += "complete -c palermo -n " + condition;
      if (!o.short_name.empty()) out += " -s " + o.short_name;
      out += " -l " + o.long_name;
      if (!o.values.empty())
        out += " -x -a " + fish_quoted(join(o.values, " "));
      else if (!o.argument.empty())
        out += " -r -F";
      out += " -d " + fish_quoted(without_default(o.description)) + "\n";
    }
    return out;
  };
  out += option_lines(program.self.options, "__fish_use_subcommand");
  for (const CommandHelp& c : program.commands)
    out += "complete -c palermo -n __fish_use_subcommand -a " + c.name + " -d " + fish_quoted(c.summary) + "\n";
  for (const CommandHelp& c : program.commands) {
    const std::string seen = fish_quoted("__fish_seen_subcommand_from " + c.name);
    if (c.subcommands.empty()) {
      out += "complete -c palermo -n " + seen + " -F\n";
    } else {
      const std::string none_yet = fish_quoted("__fish_seen_subcommand_from " + c.name +
                                               "; and not __fish_seen_subcommand_from " + join(c.subcommands, " "));
      out += "complete -c palermo -n " + none_yet + " -a " + fish_quoted(join(c.subcommands, " ")) + "\n";
      out += "complete -c palermo -n " +
             fish_quoted("__fish_seen_subcommand_from " + c.name + "; and __fish_seen_subcommand_from " +
                         join(c.subcommands, " ")) +
             " -F\n";
    }
    out += option_lines(c.options, seen);
  }
  return out;
}

}  // namespace palermo::docgen
