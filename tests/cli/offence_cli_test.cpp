// Command-line tests of how `palermo check` finds the trafficking offence and says so: --explain,
// --offence, and documents in languages the model cannot read. The drafted statutes are in
// tests/data/drafted (written for the project); the Greek code extract comes from ../shared.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/run_palermo.hpp"

namespace {

using palermo::testing::run_palermo;
using palermo::testing::shell_quote;

const std::string kDrafted = std::string(PALERMO_SOURCE_DIR) + "/tests/data/drafted/";
const std::string kGreek = std::string(PALERMO_SHARED_DIR) +
                           "/statutes/akn/gr_code-extract_2019_4619_poinikos-kodikas-emporia-anthropon.akn.xml";

}  // namespace

// The French split offence: "Constitue la traite ... le fait de" (art 333 bis) and "La traite des
// personnes est punie de ..." (art 333 ter). --explain shows both and how they were assembled.
TEST(OffenceCli, ExplainShowsTheAssembledOffence) {
  const auto o = run_palermo("check --explain " + shell_quote(kDrafted + "fr_split_style.akn.xml"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("art 333 bis"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("defines the crime"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("art 333 ter"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("punishes the crime by its name, which art 333 bis defines"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("assessed as the trafficking offence: art 333 ter + art 333 bis (definition)"),
            std::string::npos)
      << o.out;
}

// The smuggling offence of a law that creates both is weighed and set apart.
TEST(OffenceCli, ExplainKeepsSmugglingApart) {
  const auto o = run_palermo("check --explain " + shell_quote(kDrafted + "smuggling_trafficking_style.akn.xml"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_NE(o.out.find("names the smuggling of migrants"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("assessed as the trafficking offence: art 8"), std::string::npos) << o.out;
}

// --offence names the trafficking offence; the report says it was named by the user.
TEST(OffenceCli, OffenceNamedByTheUser) {
  const auto o =
      run_palermo("check --format json --offence 's 8' " + shell_quote(kDrafted + "schedule_penalty_style.akn.xml"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  int trafficking = 0;
  for (const auto& off : j.at("offences"))
    if (off.at("trafficking").get<bool>()) {
      ++trafficking;
      EXPECT_EQ(off.at("citation"), "s 8");
      EXPECT_NE(off.at("found_by").get<std::string>().find("named by the user"), std::string::npos);
    }
  EXPECT_EQ(trafficking, 1);
}

TEST(OffenceCli, UnknownOffenceCitationIsAUsageError) {
  const auto o = run_palermo("check --offence 'art 999' " + shell_quote(kDrafted + "fr_split_style.akn.xml"));
  EXPECT_EQ(o.exit_code, 2);
  EXPECT_NE(o.err.find("--offence 'art 999' matches no provision"), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("art 333 ter"), std::string::npos) << "the hint lists the offences found: " << o.err;
}

// A statute in a language without patterns gets no verdict, naming its language.
TEST(OffenceCli, GreekCodeIsNotAssessed) {
  if (!std::filesystem::exists(kGreek)) GTEST_SKIP() << kGreek << " is absent (../shared not present)";
  const auto o = run_palermo("check --format json " + shell_quote(kGreek));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j.at("not_assessed").size(), 1u);
  EXPECT_NE(j.at("not_assessed")[0].get<std::string>().find("Greek (ell)"), std::string::npos);
  for (const auto& f : j.at("findings")) EXPECT_EQ(f.at("status"), "not assessed") << f.at("id");
  const auto text = run_palermo("check " + shell_quote(kGreek), "NO_COLOR=1");
  EXPECT_NE(text.out.find("not assessed"), std::string::npos) << text.out.substr(0, 600);
}

// Issue 11: output lost on a full device used to exit 0. Now it says so and exits 5.
TEST(OutputCli, FullStandardOutputIsAnError) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "/dev/full is absent on this machine";
  const std::string err =
      (std::filesystem::temp_directory_path() / ("palermo_full_" + std::to_string(::getpid()))).string();
  const std::string command = shell_quote(PALERMO_BINARY) + " check " +
                              shell_quote(kDrafted + "fr_split_style.akn.xml") + " >/dev/full 2>" + shell_quote(err);
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 5);
  const std::string message = palermo::testing::read_whole_file(err);
  EXPECT_NE(message.find("cannot write to standard output"), std::string::npos) << message;
  std::filesystem::remove(err);
}

// Issue 11: a folder below a DIR operand that could not be read was skipped, and `check` assessed
// the country's law without it, exiting 0. Now it names the folder and fails. Root reads every
// folder, so as root the run drops to the "nobody" user with setpriv.
TEST(InputsCli, AnUnreadableSubfolderIsAnErrorNotASilentGap) {
  namespace fs = std::filesystem;
  const bool root = ::geteuid() == 0;
  if (root && !fs::exists("/usr/bin/setpriv"))
    GTEST_SKIP() << "running as root without setpriv: cannot make a folder unreadable";
  if (root && std::system(("/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " +
                           shell_quote(PALERMO_BINARY) + " --version >/dev/null 2>&1")
                              .c_str()) != 0)
    GTEST_SKIP() << "the nobody user cannot run " << PALERMO_BINARY << " from this checkout's location";
  const fs::path dir = fs::temp_directory_path() / ("palermo_unreadable_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "penal-code");
  fs::copy_file(kDrafted + "fr_split_style.akn.xml", dir / "act.akn.xml");
  fs::copy_file(kDrafted + "fr_split_style.akn.xml", dir / "penal-code" / "code.akn.xml");
  fs::permissions(dir, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                           fs::perms::others_exec);
  fs::permissions(dir / "act.akn.xml",
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(dir / "penal-code", fs::perms::none);
  const std::string err = (dir / "stderr.txt").string();
  const std::string as_user = root ? "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const std::string command = as_user + shell_quote(PALERMO_BINARY) + " check " + shell_quote(dir.string()) +
                              " --format json >/dev/null 2>" + shell_quote(err);
  // The shell opens stderr's file before dropping privileges (setpriv runs inside the redirection).
  std::ofstream(err).close();
  fs::permissions(err, fs::perms::all);
  const int status = std::system(command.c_str());
  fs::permissions(dir / "penal-code", fs::perms::owner_all);
  const std::string message = palermo::testing::read_whole_file(err);
  fs::remove_all(dir);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 3) << message;
  EXPECT_NE(message.find("penal-code: error: cannot open the folder"), std::string::npos) << message;
}

// Issue 11: -o PATH renamed a temporary file over whatever stood at PATH. A symlink is now written
// through (it stays a link), and a regular file keeps its mode.
TEST(OutputCli, OutputThroughASymlinkAndKeepingTheMode) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("palermo_o_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path target = dir / "target.md", link = dir / "link.md", kept = dir / "kept.md";
  { std::ofstream(target) << "old"; }
  fs::create_symlink(target, link);
  auto o = run_palermo("check --format md -o " + shell_quote(link.string()) + " " +
                       shell_quote(kDrafted + "fr_split_style.akn.xml"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_TRUE(fs::is_symlink(fs::symlink_status(link)));
  EXPECT_NE(palermo::testing::read_whole_file(target.string()).find("art 333 ter"), std::string::npos);

  { std::ofstream(kept) << "old"; }
  fs::permissions(kept, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  o = run_palermo("check --format md -o " + shell_quote(kept.string()) + " " +
                  shell_quote(kDrafted + "fr_split_style.akn.xml"));
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(fs::status(kept).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  fs::remove_all(dir);
}
