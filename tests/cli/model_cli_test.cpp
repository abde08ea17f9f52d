// `palermo model list | show | lint` as a user runs them: output, diagnostics and exit codes.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include "cli/run_palermo.hpp"

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

namespace {

struct ModelRun {
  int status = -1;
  std::string out;
};

// Runs palermo with `args`; stdout only, or stdout then stderr when `with_stderr`.
ModelRun palermo(const std::string& args, bool with_stderr = false) {
  palermo::testing::PalermoRun r = palermo::testing::run_palermo(args);
  return {r.exit_code, with_stderr ? r.out + r.err : r.out};
}

const std::string kModelDir = std::string(PALERMO_SOURCE_DIR) + "/protocol-model";
const std::string kBrokenDir = std::string(PALERMO_SOURCE_DIR) + "/tests/data/model/broken";

TEST(ModelCli, LintOfTheBuiltInModelIsClean) {
  auto r = palermo("model lint");
  EXPECT_EQ(r.status, 0) << palermo("model lint", true).out;
  EXPECT_NE(r.out.find("obligations,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(": OK"), std::string::npos) << r.out;
}

TEST(ModelCli, LintOfTheSourceFolderAgreesWithTheBuiltInModel) {
  auto folder = palermo("model lint " + kModelDir);
  auto built_in = palermo("model lint");
  EXPECT_EQ(folder.status, 0);
  EXPECT_EQ(folder.out, built_in.out);
}

TEST(ModelCli, LintOfABrokenModelPrintsFileLineColumnAndExits3) {
  auto r = palermo("model lint " + kBrokenDir, true);
  EXPECT_EQ(r.status, 3) << r.out;
  EXPECT_NE(r.out.find("broken.pal:8:9: error: unknown class 'manditory'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("broken.pal:13:5: error: unknown language 'de'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  class manditory\n          ^"), std::string::npos) << r.out;  // excerpt and caret
  EXPECT_NE(r.out.find("did you mean 'mandatory'?"), std::string::npos) << r.out;
}

TEST(ModelCli, LintOfAMissingFolderExits3) { EXPECT_EQ(palermo("model lint /nonexistent/model").status, 3); }

TEST(ModelCli, ListHasOneAlignedLinePerObligation) {
  auto r = palermo("model list");
  ASSERT_EQ(r.status, 0);
  auto json = palermo("model list --format json");
  ASSERT_EQ(json.status, 0);
  auto parsed = nlohmann::json::parse(json.out);
  const auto& obligations = parsed.at("obligations");
  ASSERT_FALSE(obligations.empty());
  std::size_t lines = 0;
  std::size_t title_column = std::string::npos;
  for (std::size_t start = 0; start < r.out.size();) {
    std::size_t end = r.out.find('\n', start);
    std::string line = r.out.substr(start, end - start);
    if (lines == 0) title_column = line.find("TITLE");
    ++lines;
    start = end + 1;
  }
  EXPECT_EQ(lines, obligations.size() + 1);  // header line + one per obligation
  ASSERT_NE(title_column, std::string::npos);
  const auto& first = obligations.at(0);
  EXPECT_FALSE(first.at("id").get<std::string>().empty());
  EXPECT_FALSE(first.at("languages").empty());
  // The first obligation's line starts with its id and has its title in the TITLE column.
  std::string second_line = r.out.substr(r.out.find('\n') + 1);
  EXPECT_EQ(second_line.rfind(first.at("id").get<std::string>(), 0), 0u);
  EXPECT_EQ(second_line.find(first.at("title").get<std::string>()), title_column);
}

TEST(ModelCli, ShowPrintsEverythingAboutOneObligation) {
  auto list = nlohmann::json::parse(palermo("model list --format json").out);
  std::string id = list.at("obligations").at(0).at("id");
  auto r = palermo("model show " + id);
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("statement"), std::string::npos);
  EXPECT_NE(r.out.find("elements ("), std::string::npos);
  EXPECT_NE(r.out.find(".pal:"), std::string::npos);  // source file:line
  auto json = nlohmann::json::parse(palermo("model show " + id + " --format json").out);
  EXPECT_EQ(json.at("id"), id);
  ASSERT_FALSE(json.at("elements").empty());
  EXPECT_TRUE(json.at("elements").at(0).contains("scope"));
}

TEST(ModelCli, ShowOfAnUnknownIdSuggestsTheClosestAndExits3) {
  auto list = nlohmann::json::parse(palermo("model list --format json").out);
  std::string id = list.at("obligations").at(0).at("id");
  std::string typo = id.substr(0, id.size() - 1) + "x";
  auto r = palermo("model show " + typo, true);
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.out.find("did you mean"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(id), std::string::npos) << r.out;
}

TEST(ModelCli, ModelOptionSelectsAnotherFolder) {
  auto r = palermo("model list --model " + std::string(PALERMO_SOURCE_DIR) + "/tests/data/model/duplicate-id", true);
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.out.find("duplicate obligation id 'def.acts'"), std::string::npos) << r.out;
}

TEST(ModelCli, BadUsageExits2) {
  EXPECT_EQ(palermo("model").status, 2);
  EXPECT_EQ(palermo("model frobnicate").status, 2);
  EXPECT_EQ(palermo("model show").status, 2);
  EXPECT_EQ(palermo("model list --format xml").status, 2);
  EXPECT_EQ(palermo("model --help").status, 0);
}

}  // namespace
