// Command-line tests of `palermo check`, `compare` and `diff`: formats, exit codes, -o, --fail-on.
#include <gtest/gtest.h>

#include "shared_files.hpp"

#include "cli/run_palermo.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

const std::string kPalermo = PALERMO_BINARY;
const std::string kSource = PALERMO_SOURCE_DIR;
const std::string kNamibiaAct =
    std::string(PALERMO_SHARED_DIR) + "/statutes/akn/na_act_2018_1_combating-of-trafficking-in-persons.akn.xml";

std::string scratch(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("palermo_check_cli_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

using Outcome = palermo::testing::PalermoRun;

Outcome run(const std::string& args, const std::string& env = "") { return palermo::testing::run_palermo(args, env); }

TEST(CheckCli, NamibiaAsJsonFollowsTheSchema) {
  SKIP_WITHOUT_SHARED(kNamibiaAct);
  const Outcome o = run("check '" + kNamibiaAct + "' --format json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j.at("schema"), "palermo-report/1");
  EXPECT_EQ(j.at("country"), "na");
  ASSERT_EQ(j.at("documents").size(), 1u);
  EXPECT_EQ(j.at("documents")[0].at("sha256").get<std::string>().size(), 64u);
  EXPECT_FALSE(j.at("documents")[0].at("expression_date").get<std::string>().empty());
  EXPECT_FALSE(j.at("model").at("version").get<std::string>().empty());
  ASSERT_FALSE(j.at("findings").empty());
  int mandatory = 0;
  for (const auto& f : j.at("findings")) {
    EXPECT_FALSE(f.at("id").get<std::string>().empty());
    // The total counts what the documents could answer: not what is not applicable, and not what
    // usually sits in a kind of law that was not given ("not in documents").
    if (f.at("layer") == "mandatory" && f.at("status") != "not applicable" && f.at("status") != "not in documents")
      ++mandatory;
    for (const auto& el : f.at("elements"))
      for (const auto& ev : el.at("evidence")) {
        EXPECT_FALSE(ev.at("eid").get<std::string>().empty());
        for (const auto& h : ev.at("highlights"))
          EXPECT_LE(h[1].get<std::size_t>(), ev.at("passage").get<std::string>().size());
      }
  }
  EXPECT_EQ(j.at("summary").at("mandatory").at("total"), mandatory);
  // Ids are stable: the same input gives the same obligations in the same order.
  const auto again = nlohmann::json::parse(run("check '" + kNamibiaAct + "' --format json").out);
  ASSERT_EQ(again.at("findings").size(), j.at("findings").size());
  for (std::size_t i = 0; i < j["findings"].size(); ++i) EXPECT_EQ(again["findings"][i]["id"], j["findings"][i]["id"]);
}

TEST(CheckCli, BadFileExitsThreeAndNamesIt) {
  const std::string bad = scratch("broken.akn.xml");
  std::ofstream(bad) << "<akomaNtoso><act><body><section eId=\"sec_1\"></act>";
  const Outcome o = run("check '" + bad + "' --format json");
  EXPECT_EQ(o.exit_code, 3);
  EXPECT_NE(o.err.find("broken.akn.xml"), std::string::npos) << o.err;
  EXPECT_TRUE(o.out.empty());
  EXPECT_EQ(run("check /no/such/file.xml").exit_code, 3);
  std::filesystem::remove(bad);
}

TEST(CheckCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run("check '" + kNamibiaAct + "' --format pdf").exit_code, 2);
  EXPECT_EQ(run("check '" + kNamibiaAct + "' --fail-on sometimes").exit_code, 2);
  EXPECT_EQ(run("check").exit_code, 2);
  EXPECT_EQ(run("check --no-such-flag '" + kNamibiaAct + "'").exit_code, 2);
  EXPECT_EQ(run("compare corpus/xa --format xlsx").exit_code, 2);
  EXPECT_EQ(run("diff corpus/xa").exit_code, 2);
  EXPECT_EQ(run("check --help").exit_code, 0);
}

TEST(CheckCli, FailOnMandatoryExitsOneOnAGapRiddenStatute) {
  // Borvania's 1978 act is a crime of movement: most mandatory obligations are gaps (corpus/xb/PROFILE.md).
  const Outcome strict = run("check corpus/xb/*.akn.xml --format md --fail-on mandatory");
  EXPECT_EQ(strict.exit_code, 1) << strict.err;
  EXPECT_NE(strict.out.find("Mandatory obligations: "), std::string::npos);
  EXPECT_EQ(run("check corpus/xb/*.akn.xml --format md --fail-on any").exit_code, 1);
  EXPECT_EQ(run("check corpus/xb/*.akn.xml --format md").exit_code, 0);
}

TEST(CheckCli, TextOnAPipeHasNoColourAndOutputFileIsWritten) {
  const Outcome text = run("check corpus/xa/*.akn.xml");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out.find('\x1b'), std::string::npos);
  EXPECT_NE(text.out.find("not its implementation"), std::string::npos);
  const std::string html = scratch("xa.html");
  const Outcome written = run("check corpus/xa/*.akn.xml --format html -o '" + html + "'");
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_TRUE(written.out.empty());
  const std::string page = palermo::testing::read_whole_file(html);
  EXPECT_NE(page.find("</html>"), std::string::npos);
  EXPECT_NE(page.find("id=\"doc1-sec_1\""), std::string::npos);
  std::filesystem::remove(html);
}

TEST(CompareCli, CsvHasOneColumnPerCountryFolder) {
  const Outcome o = run("compare corpus/xa corpus/xb corpus/xd --format csv");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  EXPECT_EQ(o.out.substr(0, o.out.find("\r\n")), "id,instrument,article,title,class,area,xa,xb,xd");
  const auto j = nlohmann::json::parse(run("compare corpus/xa corpus/xb --format json").out);
  EXPECT_EQ(j.at("schema"), "palermo-compare/1");
  ASSERT_EQ(j.at("countries").size(), 2u);
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = o.out.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
  EXPECT_EQ(rows, j.at("obligations").size() + 1);
}

TEST(DiffCli, CorveliaBillClosesGapsOfThe2009Act) {
  // corpus/xc/PROFILE.md: the Bill closes victims restricted, means for children, transfer, the closed
  // list of purposes; both sides are read with the Penal Code's general part.
  const std::string gp = "corpus/xc/xc_act_1961_8_penal-code-general-part.akn.xml";
  const Outcome o =
      run("diff corpus/xc/xc_act_2009_14_penal-code-amendment.akn.xml "
          "corpus/xc/xc_bill_2026_7_penal-code-trafficking-in-persons-amendment.akn.xml --old-with " +
          gp + " --new-with " + gp + " --format json");
  ASSERT_EQ(o.exit_code, 0) << o.err;
  const auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j.at("schema"), "palermo-diff/1");
  EXPECT_GE(j.at("summary").at("closed").get<int>(), 1);
  bool transfer_closed = false;
  for (const auto& ob : j.at("obligations"))
    for (const auto& el : ob.at("elements"))
      if (el.at("id") == "transfer" && el.at("change") == "closed") transfer_closed = true;
  EXPECT_TRUE(transfer_closed) << "the Bill adds \"transfers\" to the acts";
}

}  // namespace
