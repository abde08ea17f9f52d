// The stored form of a CountryReport (report/findings_json.hpp): every real report reads back equal to
// itself, and a corrupt or hand-edited row is a diagnostic naming the index and the country.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "akn/reader.hpp"
#include "analysis/analyze.hpp"
#include "report/findings_json.hpp"
#include "report/fixture.hpp"
#include "report/report.hpp"
#include "shared_files.hpp"

namespace palermo::report {
namespace {

const model::Model& built_in_model() {
  static const model::Model model = [] {
    auto m = model::load_model("");
    if (!m) throw std::runtime_error(m.errors().front().format());
    return std::move(m).value();
  }();
  return model;
}

// Every corpus country's report, as `palermo compare corpus/*/` makes them (a folder's bills left out).
const std::map<std::string, analysis::CountryReport>& corpus_reports() {
  static const std::map<std::string, analysis::CountryReport> reports = [] {
    std::map<std::string, std::vector<akn::Document>> by_folder;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::string(PALERMO_SOURCE_DIR) + "/corpus")) {
      if (!entry.is_regular_file() || entry.path().extension() != ".xml") continue;
      auto doc = akn::read_document(entry.path().string());
      if (!doc) throw std::runtime_error(doc.errors().front().format());
      if (doc->doc_type != "bill")
        by_folder[entry.path().parent_path().filename().string()].push_back(std::move(doc).value());
    }
    std::map<std::string, analysis::CountryReport> out;
    for (const auto& [folder, docs] : by_folder) out[folder] = analysis::analyze(docs, built_in_model());
    return out;
  }();
  return reports;
}

Result<analysis::CountryReport> read_back(const std::string& json) {
  return read_findings_json(json, "index.db", "xz");
}

TEST(FindingsJson, EveryCorpusReportReadsBackEqual) {
  ASSERT_GE(corpus_reports().size(), 15u);
  for (const auto& [folder, report] : corpus_reports()) {
    SCOPED_TRACE(folder);
    ASSERT_FALSE(report.findings.empty());
    auto json = write_findings_json(report);
    ASSERT_TRUE(json.ok());
    auto back = read_back(*json);
    ASSERT_TRUE(back.ok()) << back.errors().front().format();
    EXPECT_TRUE(*back == report);
    // And the renderers, which the comparison is made of, say the same of both.
    EXPECT_EQ(render_json(*back), render_json(report));
  }
}

// The real statutes beside the repository, one report per FRBRcountry (as `palermo index` groups them).
TEST(FindingsJson, EverySharedStatuteReportReadsBackEqual) {
  const std::string folder = std::string(PALERMO_SHARED_DIR) + "/statutes/akn";
  SKIP_WITHOUT_SHARED(folder);
  std::map<std::string, std::vector<akn::Document>> by_country;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".xml") continue;
    auto doc = akn::read_document(entry.path().string());
    ASSERT_TRUE(doc.ok()) << doc.errors().front().format();
    by_country[doc->frbr.country].push_back(std::move(doc).value());
  }
  ASSERT_GE(by_country.size(), 10u);
  for (const auto& [country, docs] : by_country) {
    SCOPED_TRACE(country);
    const analysis::CountryReport report = analysis::analyze(docs, built_in_model());
    auto json = write_findings_json(report);
    ASSERT_TRUE(json.ok()) << json.errors().front().format();
    auto back = read_back(*json);
    ASSERT_TRUE(back.ok()) << back.errors().front().format();
    EXPECT_TRUE(*back == report);
  }
}

TEST(FindingsJson, HandBuiltReportWithEveryStatusReadsBackEqual) {
  const analysis::CountryReport report = fixture::report();
  auto json = write_findings_json(report);
  ASSERT_TRUE(json.ok());
  auto back = read_back(*json);
  ASSERT_TRUE(back.ok()) << back.errors().front().format();
  EXPECT_TRUE(*back == report);
}

// A stored row as someone might have edited it: `edit` changes the JSON of a real report.
std::string edited(const std::function<void(nlohmann::json&)>& edit) {
  const analysis::CountryReport& report = corpus_reports().at("na");
  nlohmann::json j = nlohmann::json::parse(*write_findings_json(report));
  edit(j);
  return j.dump();
}

void expect_clear_error(const std::string& stored, const std::string& words) {
  Result<analysis::CountryReport> back = analysis::CountryReport{};
  ASSERT_NO_THROW(back = read_back(stored));
  ASSERT_FALSE(back.ok());
  const Diagnostic& d = back.errors().front();
  EXPECT_EQ(d.file, "index.db");
  EXPECT_NE(d.message.find("findings of xz"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find(words), std::string::npos) << d.message;
  EXPECT_FALSE(d.hint.empty());
}

TEST(FindingsJson, CorruptOrHandEditedRowsAreClearErrorsNotCrashes) {
  const std::string whole = *write_findings_json(corpus_reports().at("na"));
  expect_clear_error(whole.substr(0, whole.size() / 2), "parse error");
  expect_clear_error("", "parse error");
  expect_clear_error("[]", "cannot use at()");
  expect_clear_error(edited([](nlohmann::json& j) { j.erase("findings"); }), "findings");
  expect_clear_error(edited([](nlohmann::json& j) { j["findings"][0]["status"] = "excellent"; }),
                     "unknown status \"excellent\"");
  expect_clear_error(edited([](nlohmann::json& j) { j["findings"][0]["class"] = 7; }), "type must be string");
  expect_clear_error(edited([](nlohmann::json& j) { j["schema"] = "palermo-findings/0"; }), "palermo-findings/0");
  expect_clear_error(edited([](nlohmann::json& j) {
                       for (auto& f : j["findings"])
                         for (auto& e : f["elements"])
                           for (auto& ev : e["evidence"]) ev["highlights"] = {{0, 1u << 30}};
                     }),
                     "highlight lies outside its passage");
}

}  // namespace
}  // namespace palermo::report
