// Command-line tests of `palermo show` and `palermo validate`: exit codes, stdout and stderr.
#include <gtest/gtest.h>

#include "shared_files.hpp"

#include "cli/run_palermo.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

const std::string kBinary = PALERMO_BINARY;
const std::string kShared = PALERMO_SHARED_DIR;
const std::string kNamibia = kShared + "/statutes/akn/na_act_2018_1_combating-of-trafficking-in-persons.akn.xml";
const std::string kHostile = std::string(PALERMO_SOURCE_DIR) + "/tests/data/hostile";

using palermo::testing::PalermoRun;

PalermoRun palermo(const std::string& args) { return palermo::testing::run_palermo(args); }

std::string quoted(const std::string& s) { return "'" + s + "'"; }

TEST(ShowCli, HelpExitsZero) {
  PalermoRun r = palermo("show --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--format"), std::string::npos);
}

TEST(ShowCli, IdentityAndContents) {
  SKIP_WITHOUT_SHARED(kNamibia);
  PalermoRun r = palermo("show " + quoted(kNamibia));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Combating of Trafficking in Persons Act, 2018"), std::string::npos);
  EXPECT_NE(r.out.find("akn-3.0"), std::string::npos);
  EXPECT_NE(r.out.find("/akn/na/act/2018/1"), std::string::npos);
  EXPECT_NE(r.out.find("29 section"), std::string::npos);
  EXPECT_NE(r.out.find("[sec_3]"), std::string::npos);
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(ShowCli, OneProvisionInFull) {
  SKIP_WITHOUT_SHARED(kNamibia);
  PalermoRun r = palermo("show " + quoted(kNamibia) + " sec_3__subsec_1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("s 3(1)  [sec_3__subsec_1]", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("recruits"), std::string::npos);
  EXPECT_NE(r.out.find("(a) "), std::string::npos);  // children shown with their nums
}

TEST(ShowCli, DefinitionsAndReferrersOfSection1) {
  SKIP_WITHOUT_SHARED(kNamibia);
  PalermoRun r = palermo("show " + quoted(kNamibia) + " sec_1 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"citation\": \"s 1\""), std::string::npos);
  EXPECT_NE(r.out.find("\"refers_to\": \"term-child\""), std::string::npos);
}

TEST(ShowCli, UnknownEidSuggestsCloseMatches) {
  SKIP_WITHOUT_SHARED(kNamibia);
  PalermoRun r = palermo("show " + quoted(kNamibia) + " sec_3__subsec_9");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no provision has the eId 'sec_3__subsec_9'"), std::string::npos);
  EXPECT_NE(r.err.find("sec_3__subsec_1"), std::string::npos);
  EXPECT_TRUE(r.out.empty());
}

TEST(ShowCli, BadFileGivesLocatedErrorAndExit3) {
  PalermoRun r = palermo("show " + quoted(kHostile + "/truncated.xml"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("truncated.xml:4:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("error: XML is not well-formed"), std::string::npos);
}

TEST(ShowCli, UsageErrorsExit2) {
  EXPECT_EQ(palermo("show").exit_code, 2);
  EXPECT_EQ(palermo("show " + quoted(kNamibia) + " --format yaml").exit_code, 2);
  EXPECT_EQ(palermo("show " + quoted(kNamibia) + " --no-such-flag").exit_code, 2);
}

TEST(ValidateCli, DuplicateIdsExit3) {
  SKIP_WITHOUT_SHARED(kShared);
  const std::string file = kShared + "/akn/samples/examples_v3/sameXmlId.xml";
  PalermoRun r = palermo("validate " + quoted(file));
  EXPECT_EQ(r.exit_code, 3);
  // Line and column of the attribute (issue 11: every XML diagnostic is FILE:LINE:COL).
  EXPECT_NE(r.out.find(file + ":100:29: duplicate-eid:"), std::string::npos) << r.out;
}

TEST(ValidateCli, CleanSamplePassesTheSchema) {
  SKIP_WITHOUT_SHARED(kShared);
  // Schema-valid per xmllint, and free of eId, reference and term problems (one note on its eId scheme).
  const std::string file = kShared + "/akn/samples/uk/ukpga-2026-2-section-22.akn.xml";
  PalermoRun r = palermo("validate " + quoted(file) + " --schema " + quoted(kShared + "/akn/schema/akomantoso30.xsd"));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("schema:"), std::string::npos);
  EXPECT_NE(r.err.find("no problems found (schema valid)"), std::string::npos);
}

TEST(ValidateCli, JsonListsProblems) {
  SKIP_WITHOUT_SHARED(kShared);
  const std::string file = kShared + "/akn/samples/examples_v3/sameXmlId.xml";
  PalermoRun r = palermo("validate " + quoted(file) + " --format json");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.out.find("\"kind\": \"duplicate-eid\""), std::string::npos);
}

TEST(ValidateCli, HostileFilesExit3) {
  for (const char* name :
       {"billion_laughs.xml", "external_entity.xml", "empty.xml", "invalid_utf8.xml", "not_akn.xml"}) {
    PalermoRun r = palermo("validate " + quoted(kHostile + "/" + name));
    EXPECT_EQ(r.exit_code, 3) << name;
    EXPECT_NE(r.err.find("error:"), std::string::npos) << name << ": " << r.err;
  }
}

}  // namespace
