// `cmake --install` into a temporary prefix, then what landed there: the binary, a man page for
// palermo and for each command carrying every option that command's --help lists, the bash, zsh and
// fish completions in the places those shells look, and the documentation. The commands and options
// are read here from --help with a pattern of this test's own, not with src/docgen, so a mistake in
// the generator cannot hide itself.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status = -1;
  std::string out;  // standard output and standard error together
};

Outcome run(const std::string& command) {
  Outcome r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return r;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// An option as roff writes it in bold: "--fail-on" is \fB\-\-fail\-on\fR (roff's minus, not a hyphen).
std::string roff_bold_option(const std::string& dashes, const std::string& name) {
  std::string out = "\\fB";
  for (char c : dashes + name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out + "\\fR";
}

struct Option {
  std::string short_name, long_name;
};

// "  -o, --output arg   ..." or "      --format arg  ..." or "  --model DIR   ...": an option line.
std::vector<Option> options_in_help(const std::string& help) {
  static const std::regex line(R"((?:^|\n) +(?:-([A-Za-z0-9]), )?--([a-z][a-z0-9-]*))");
  std::vector<Option> out;
  for (auto it = std::sregex_iterator(help.begin(), help.end(), line); it != std::sregex_iterator(); ++it)
    out.push_back({(*it)[1], (*it)[2]});
  return out;
}

class Installed : public ::testing::Test {
 protected:
  static inline fs::path prefix;
  static inline std::vector<std::string> commands;  // from `palermo --help`, as installed

  static void SetUpTestSuite() {
    char tmpl[] = "/tmp/palermo_install_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    prefix = tmpl;
    const Outcome install = run(quote(CMAKE_COMMAND_PATH) + " --install " + quote(PALERMO_BUILD_DIR) + " --prefix " +
                                quote(prefix.string()));
    ASSERT_EQ(install.status, 0) << install.out;
    const Outcome help = run(quote(palermo()) + " --help");
    ASSERT_EQ(help.status, 0) << help.out;
    static const std::regex command_line(R"(\n  ([a-z]+) +[a-z])");
    const std::string list = help.out.substr(help.out.find("commands:"));
    for (auto it = std::sregex_iterator(list.begin(), list.end(), command_line); it != std::sregex_iterator(); ++it)
      commands.push_back((*it)[1]);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(prefix, ec);
  }
  static std::string palermo() { return (prefix / "bin" / "palermo").string(); }
  static fs::path man_page(const std::string& name) { return prefix / "share" / "man" / "man1" / (name + ".1"); }
};

TEST_F(Installed, BinaryReportsVersionModelAndCommit) {
  const Outcome v = run(quote(palermo()) + " --version");
  ASSERT_EQ(v.status, 0) << v.out;
  // The first line's form is what scripts read (scripts/dev.sh puts it in the reports' index).
  EXPECT_TRUE(std::regex_search(v.out, std::regex(R"(^palermo [0-9]+\.[0-9]+\.[0-9]+\n)"))) << v.out;
  EXPECT_TRUE(std::regex_search(v.out, std::regex(R"(\nmodel [0-9]{4}\.[0-9]+ \(.+\)\n)"))) << v.out;
  EXPECT_TRUE(std::regex_search(v.out, std::regex(R"(\ncommit ([0-9a-f]{12}(-modified)?|unknown)\n$)"))) << v.out;
}

TEST_F(Installed, EveryCommandListedByHelp) {
  // Nine commands today; the man pages and completions below are checked for each one listed.
  EXPECT_EQ(commands, (std::vector<std::string>{"check", "compare", "diff", "show", "validate", "index", "search",
                                                "import", "model"}));
}

TEST_F(Installed, ManPageForPalermoListsEveryCommandAndOption) {
  const std::string man = read(man_page("palermo"));
  ASSERT_FALSE(man.empty()) << man_page("palermo") << " is missing";
  EXPECT_TRUE(contains(man, ".TH \"PALERMO\" 1")) << man;
  for (const std::string& c : commands) EXPECT_TRUE(contains(man, "\\fBpalermo\\-" + c + "\\fR(1)")) << c;
  const Outcome help = run(quote(palermo()) + " --help");
  for (const Option& o : options_in_help(help.out))
    EXPECT_TRUE(contains(man, roff_bold_option("--", o.long_name))) << o.long_name;
}

TEST_F(Installed, ManPageForEachCommandHasEachOptionOfItsHelp) {
  for (const std::string& c : commands) {
    SCOPED_TRACE("palermo " + c);
    const std::string man = read(man_page("palermo-" + c));
    ASSERT_FALSE(man.empty()) << man_page("palermo-" + c) << " is missing";
    const Outcome help = run(quote(palermo()) + " " + c + " --help");
    ASSERT_EQ(help.status, 0) << help.out;
    const std::vector<Option> options = options_in_help(help.out);
    EXPECT_GE(options.size(), 2u) << help.out;  // at least --help and one more
    for (const Option& o : options) {
      EXPECT_TRUE(contains(man, roff_bold_option("--", o.long_name))) << "--" << o.long_name;
      if (!o.short_name.empty())
        EXPECT_TRUE(contains(man, roff_bold_option("-", o.short_name) + ", ")) << "-" << o.short_name;
    }
    EXPECT_TRUE(contains(man, ".SH NAME\npalermo\\-" + c + " \\- ")) << man;
  }
}

TEST_F(Installed, ManPagesFormatWithoutWarnings) {
  if (run("command -v groff").status != 0) GTEST_SKIP() << "groff is not installed; the pages' syntax is not checked";
  for (const std::string& name : std::vector<std::string>{"palermo", "palermo-check", "palermo-model"}) {
    const Outcome r = run("groff -man -Tutf8 -ww -z " + quote(man_page(name).string()));
    EXPECT_EQ(r.status, 0) << name;
    EXPECT_EQ(r.out, "") << name;
  }
  const Outcome text = run("groff -man -Tascii -P-c " + quote(man_page("palermo-check").string()));
  EXPECT_TRUE(contains(text.out, "--fail-on")) << text.out;
}

TEST_F(Installed, CompletionsInTheStandardPlacesNameEveryCommandAndOption) {
  const fs::path share = prefix / "share";
  const std::vector<fs::path> scripts = {share / "bash-completion" / "completions" / "palermo",
                                         share / "zsh" / "vendor-completions" / "_palermo",
                                         share / "fish" / "vendor_completions.d" / "palermo.fish"};
  for (const fs::path& script : scripts) {
    SCOPED_TRACE(script.string());
    const std::string text = read(script);
    ASSERT_FALSE(text.empty()) << "missing";
    for (const std::string& c : commands) {
      EXPECT_TRUE(contains(text, c)) << c;
      const Outcome help = run(quote(palermo()) + " " + c + " --help");
      // fish writes "-l format", bash and zsh "--format".
      for (const Option& o : options_in_help(help.out))
        EXPECT_TRUE(contains(text, "--" + o.long_name) || contains(text, "-l " + o.long_name))
            << c << " --" << o.long_name;
    }
  }
}

// What bash offers after `palermo WORDS...` (the last word being completed), with the installed script.
std::string bash_offers(const fs::path& script, const std::string& words) {
  const std::string program =
      "source " + quote(script.string()) + "; COMP_WORDS=(" + words +
      "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); _palermo; printf '%s\\n' \"${COMPREPLY[@]}\"";
  return run("bash --norc --noprofile -c " + quote(program)).out;
}

TEST_F(Installed, BashCompletesCommandsOptionsValuesAndSubcommands) {
  const fs::path script = prefix / "share" / "bash-completion" / "completions" / "palermo";
  EXPECT_EQ(bash_offers(script, "palermo co"), "compare\n");
  EXPECT_EQ(bash_offers(script, "palermo check --fa"), "--fail-on\n");
  EXPECT_EQ(bash_offers(script, "palermo check --format ''"), "text\nmd\njson\nhtml\n");
  EXPECT_EQ(bash_offers(script, "palermo compare --format c"), "csv\n");
  EXPECT_EQ(bash_offers(script, "palermo model ''"), "list\nshow\nlint\n");
  EXPECT_EQ(bash_offers(script, "palermo import --type ''"), "act\nbill\ncode\n");
  // A file operand or an option's file value: nothing offered, so bash falls back to file names.
  EXPECT_EQ(bash_offers(script, "palermo check -o ''"), "\n");
}

TEST_F(Installed, ZshAndFishScriptsParse) {
  int checked = 0;
  if (run("command -v zsh").status == 0) {
    const Outcome r = run("zsh -n " + quote((prefix / "share" / "zsh" / "vendor-completions" / "_palermo").string()));
    EXPECT_EQ(r.status, 0) << r.out;
    ++checked;
  }
  if (run("command -v fish").status == 0) {
    const Outcome r =
        run("fish -n " + quote((prefix / "share" / "fish" / "vendor_completions.d" / "palermo.fish").string()));
    EXPECT_EQ(r.status, 0) << r.out;
    ++checked;
  }
  if (checked == 0) GTEST_SKIP() << "neither zsh nor fish is installed; their scripts' syntax is not checked";
}

TEST_F(Installed, ReadmeAndChangelogUnderShareDoc) {
  const fs::path doc = prefix / "share" / "doc" / "palermo";
  EXPECT_EQ(read(doc / "README.md"), read(fs::path(PALERMO_SOURCE_DIR) / "README.md"));
  const std::string changelog = read(doc / "CHANGELOG.md");
  EXPECT_TRUE(contains(changelog, "## [0.1.0]")) << changelog;
}

}  // namespace
