// Reading --help text into man pages and completions (src/docgen). The samples are written the way
// cxxopts lays help out and the way `palermo model` writes its own, the two styles palermo has.
#include <gtest/gtest.h>

#include "docgen/help_text.hpp"

namespace palermo::docgen {
namespace {

// As cxxopts 3.1 prints it: description, "Usage:", options with a wrapped description, then a tail.
constexpr const char* kCxxoptsHelp = R"(Compare countries obligation by obligation.
Usage:
  palermo compare [OPTION...] FILE|DIR...

      --format arg  text | csv | md | html | json (default: text)
  -o, --output arg  write to PATH (atomically) instead of stdout (default:
                    "")
      --explain     list every provision weighed
  -h, --help        show this help

Each country is a folder.
A second line of the same paragraph.

  mandatory  exit 1 when a mandatory obligation is not met
)";

constexpr const char* kHandWrittenHelp =
    "usage: palermo model list [--format text|json] [--model DIR]\n"
    "       palermo model show ID [--format text|json] [--model DIR]\n"
    "       palermo model lint [DIR] [--quiet]\n"
    "\n"
    "  list   one line per obligation\n"
    "  lint   parse and check a folder of *.pal files;\n"
    "         exit 0 when clean, 3 on errors\n"
    "\n"
    "  --model DIR   use the *.pal files in DIR instead of the built-in model\n"
    "  --format F    text (default) or json\n"
    "  -q, --quiet   lint: print errors only, not warnings\n";

constexpr const char* kProgramHelp =
    "palermo 9.8.7: checks legislation against the Protocol\n"
    "and the UNTOC articles.\n"
    "\n"
    "usage: palermo COMMAND [ARGS...]\n"
    "       palermo --version\n"
    "\n"
    "commands:\n"
    "  check     check one country's statutes\n"
    "  model     list, show or lint the Protocol model\n"
    "\n"
    "options:\n"
    "  -h, --help     show this help\n"
    "  -V, --version  show the versions\n";

const HelpOption* find(const CommandHelp& c, const std::string& long_name) {
  for (const HelpOption& o : c.options)
    if (o.long_name == long_name) return &o;
  return nullptr;
}

TEST(HelpText, ReadsCxxoptsOptionsWithWrappedDescriptionsAndValues) {
  const CommandHelp c = parse_command_help("compare", "compare countries", kCxxoptsHelp);
  ASSERT_EQ(c.options.size(), 4u);
  ASSERT_EQ(c.synopsis, std::vector<std::string>{"palermo compare [OPTION...] FILE|DIR..."});
  const HelpOption* format = find(c, "format");
  ASSERT_NE(format, nullptr);
  EXPECT_EQ(format->argument, "arg");
  EXPECT_EQ(format->values, (std::vector<std::string>{"text", "csv", "md", "html", "json"}));
  const HelpOption* output = find(c, "output");
  ASSERT_NE(output, nullptr);
  EXPECT_EQ(output->short_name, "o");
  // An empty default says nothing and is dropped; a real one is kept (the man page shows it).
  EXPECT_EQ(output->description, "write to PATH (atomically) instead of stdout");
  EXPECT_EQ(format->description, "text | csv | md | html | json (default: text)");
  EXPECT_TRUE(output->values.empty());
  const HelpOption* explain = find(c, "explain");
  ASSERT_NE(explain, nullptr);
  EXPECT_TRUE(explain->argument.empty());
  EXPECT_TRUE(c.subcommands.empty());
  // The prose around the options is kept in order, the indented table with its indentation.
  ASSERT_FALSE(c.text.empty());
  EXPECT_EQ(c.text.front(), "Compare countries obligation by obligation.");
  EXPECT_EQ(c.text.back(), "  mandatory  exit 1 when a mandatory obligation is not met");
}

TEST(HelpText, ReadsHandWrittenUsageSubcommandsAndOptions) {
  const CommandHelp c = parse_command_help("model", "the model", kHandWrittenHelp);
  EXPECT_EQ(c.synopsis.size(), 3u);
  EXPECT_EQ(c.subcommands, (std::vector<std::string>{"list", "show", "lint"}));
  ASSERT_EQ(c.options.size(), 3u);
  EXPECT_EQ(c.options[0].long_name, "model");
  EXPECT_EQ(c.options[0].argument, "DIR");
  EXPECT_EQ(c.options[1].values, (std::vector<std::string>{"text", "json"}));
  EXPECT_EQ(c.options[2].short_name, "q");
  EXPECT_TRUE(c.options[2].argument.empty());
  // The subcommand table is prose, not options: its continuation line stays with it.
  EXPECT_NE(std::find(c.text.begin(), c.text.end(), "         exit 0 when clean, 3 on errors"), c.text.end());
}

TEST(HelpText, EnumeratedValuesInTheWaysPalermoWritesThem) {
  auto values_of = [](const std::string& description) {
    const std::string help = "Usage:\n  palermo x\n\n      --opt arg  " + description + "\n";
    return parse_command_help("x", "", help).options.at(0).values;
  };
  EXPECT_EQ(values_of("mandatory | any: exit 1 when obligations are not met"),
            (std::vector<std::string>{"mandatory", "any"}));
  EXPECT_EQ(values_of("output format: text or json (default: text)"), (std::vector<std::string>{"text", "json"}));
  EXPECT_EQ(values_of("act, bill or code (default: act)"), (std::vector<std::string>{"act", "bill", "code"}));
  EXPECT_TRUE(values_of("country code for the report (default: the documents' FRBRcountry)").empty());
  EXPECT_TRUE(values_of("read the model from DIR or from the binary").empty());
}

TEST(HelpText, ReadsTheCommandListAndProgramOptions) {
  const ProgramHelp p = parse_program_help(kProgramHelp);
  ASSERT_EQ(p.commands.size(), 2u);
  EXPECT_EQ(p.commands[0].name, "check");
  EXPECT_EQ(p.commands[0].summary, "check one country's statutes");
  EXPECT_EQ(p.commands[1].name, "model");
  EXPECT_EQ(p.self.summary, "checks legislation against the Protocol and the UNTOC articles.");
  ASSERT_EQ(p.self.options.size(), 2u);
  EXPECT_EQ(p.self.options[1].short_name, "V");
  EXPECT_EQ(p.self.options[1].long_name, "version");
  EXPECT_EQ(p.self.synopsis, (std::vector<std::string>{"palermo COMMAND [ARGS...]", "palermo --version"}));
}

TEST(Roff, EscapesWhatRoffWouldReadAsMarkup) {
  EXPECT_EQ(roff_escape("--format a-b"), "\\-\\-format a\\-b");
  EXPECT_EQ(roff_escape("C:\\path"), "C:\\epath");
  EXPECT_EQ(roff_escape(".hidden request"), "\\&.hidden request");
  EXPECT_EQ(roff_escape("'quoted"), "\\&'quoted");
}

TEST(Roff, CommandPageHasEveryPartAndEveryOption) {
  const CommandHelp c = parse_command_help("compare", "compare countries", kCxxoptsHelp);
  const std::string man = render_command_man(c, "palermo 9.8.7");
  EXPECT_NE(man.find(".TH \"PALERMO\\-COMPARE\" 1 \"\" \"palermo 9.8.7\""), std::string::npos) << man;
  EXPECT_NE(man.find(".SH NAME\npalermo\\-compare \\- compare countries\n"), std::string::npos) << man;
  EXPECT_NE(man.find(".SH SYNOPSIS\n.nf\npalermo compare [OPTION...] FILE|DIR...\n.fi\n"), std::string::npos) << man;
  EXPECT_NE(man.find("\\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fIarg\\fR\n"), std::string::npos) << man;
  EXPECT_NE(man.find("\\fB\\-\\-explain\\fR\nlist every provision weighed\n"), std::string::npos) << man;
  // Two prose lines of one paragraph are filled together; the indented table is not filled.
  EXPECT_NE(man.find(".PP\nEach country is a folder.\nA second line"), std::string::npos) << man;
  EXPECT_NE(man.find(".nf\n  mandatory  exit 1"), std::string::npos) << man;
  EXPECT_NE(man.find(".SH SEE ALSO\n\\fBpalermo\\fR(1)"), std::string::npos) << man;
}

TEST(Roff, ProgramPageListsEveryCommandsPage) {
  const ProgramHelp p = parse_program_help(kProgramHelp);
  const std::string man = render_program_man(p, "palermo 9.8.7");
  EXPECT_NE(man.find(".SH NAME\npalermo \\- checks legislation"), std::string::npos) << man;
  EXPECT_NE(man.find(".TP\n\\fBpalermo\\-check\\fR(1)\ncheck one country's statutes\n"), std::string::npos) << man;
  EXPECT_NE(man.find("\\fB\\-V\\fR, \\fB\\-\\-version\\fR"), std::string::npos) << man;
  // The first paragraph is the NAME line; the command list is in COMMANDS and the options in OPTIONS;
  // none of them is repeated as prose.
  EXPECT_EQ(man.find("9.8.7: checks"), std::string::npos) << man;
  EXPECT_EQ(man.find("commands:"), std::string::npos) << man;
  EXPECT_EQ(man.find("options:"), std::string::npos) << man;
}

ProgramHelp sample_program() {
  ProgramHelp p = parse_program_help(kProgramHelp);
  p.commands[0] = parse_command_help("check", p.commands[0].summary, kCxxoptsHelp);
  p.commands[1] = parse_command_help("model", p.commands[1].summary, kHandWrittenHelp);
  return p;
}

TEST(Completion, BashNamesCommandsOptionsValuesAndSubcommands) {
  const std::string bash = render_bash_completion(sample_program());
  EXPECT_NE(bash.find("compgen -W \"check model -h --help -V --version\""), std::string::npos) << bash;
  EXPECT_NE(bash.find("options=\"--format -o --output --explain -h --help\""), std::string::npos) << bash;
  EXPECT_NE(bash.find("with_value=\"--format -o --output\""), std::string::npos) << bash;
  EXPECT_NE(bash.find("--format) COMPREPLY=($(compgen -W \"text csv md html json\""), std::string::npos) << bash;
  EXPECT_NE(bash.find("subcommands=\"list show lint\""), std::string::npos) << bash;
  EXPECT_NE(bash.find("complete -o default -F _palermo palermo"), std::string::npos) << bash;
}

TEST(Completion, ZshEscapesDescriptionsAndOffersValues) {
  const std::string zsh = render_zsh_completion(sample_program());
  EXPECT_EQ(zsh.rfind("#compdef palermo\n", 0), 0u);
  EXPECT_NE(zsh.find("'check:check one country'\\''s statutes'"), std::string::npos) << zsh;
  EXPECT_NE(zsh.find("'--format[text | csv | md | html | json]:format:(text csv md html json)'"), std::string::npos)
      << zsh;
  EXPECT_NE(zsh.find("'(-o --output)'{-o,--output}'[write to PATH (atomically) instead of stdout]:output:_files'"),
            std::string::npos)
      << zsh;
  EXPECT_NE(zsh.find("'1:subcommand:(list show lint)'"), std::string::npos) << zsh;
  // "lint: print errors only" -- the colon inside a description is escaped.
  EXPECT_NE(zsh.find("[lint\\: print errors only, not warnings]"), std::string::npos) << zsh;
}

TEST(Completion, FishGivesEachCommandItsOptions) {
  const std::string fish = render_fish_completion(sample_program());
  EXPECT_NE(fish.find("complete -c palermo -n __fish_use_subcommand -a check -d 'check one country\\'s statutes'"),
            std::string::npos)
      << fish;
  EXPECT_NE(
      fish.find("complete -c palermo -n '__fish_seen_subcommand_from check' -l format -x -a 'text csv md html json'"),
      std::string::npos)
      << fish;
  EXPECT_NE(fish.find("complete -c palermo -n '__fish_seen_subcommand_from check' -s o -l output -r -F"),
            std::string::npos)
      << fish;
  EXPECT_NE(fish.find("-a 'list show lint'"), std::string::npos) << fish;
}

}  // namespace
}  // namespace palermo::docgen
