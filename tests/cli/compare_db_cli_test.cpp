// `palermo index` storing each country's findings and `palermo compare --db` reading them: the same
// output as comparing the folders, in every format, and findings that no longer hold refused.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "cli/run_palermo.hpp"

namespace {

namespace fs = std::filesystem;
using palermo::testing::run_palermo;
using palermo::testing::shell_quote;

// A fresh folder under the temporary directory, removed with the test.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name)
      : path_(fs::temp_directory_path() / ("palermo-db-" + std::to_string(getpid()) + "-" + name)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() { fs::remove_all(path_); }
  std::string operator/(const std::string& child) const { return (path_ / child).string(); }

 private:
  fs::path path_;
};

// The corpus' country folders, sorted (as the shell expands corpus/*/).
std::vector<std::string> corpus_folders() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(std::string(PALERMO_SOURCE_DIR) + "/corpus"))
    if (e.is_directory()) out.push_back("corpus/" + e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// The time a report was made is the only thing that may differ between findings made when the index
// was built and findings made now.
std::string without_times(const std::string& s) {
  static const std::regex time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  return std::regex_replace(s, time, "TIME");
}

void exec_sql(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST(CompareDb, SameOutputAsComparingTheCorpusFoldersInEveryFormat) {
  ScratchDir dir("corpus");
  const std::string db = dir / "index.db";
  const auto index = run_palermo("index --quiet --db " + shell_quote(db) + " corpus");
  ASSERT_EQ(index.exit_code, 0) << index.err;
  std::string folders;
  for (const std::string& f : corpus_folders()) folders += " " + f;
  for (const std::string format : {"text", "csv", "md", "json", "html"}) {
    SCOPED_TRACE(format);
    const auto analysed = run_palermo("compare" + folders + " --format " + format);
    const auto stored = run_palermo("compare --db " + shell_quote(db) + " --format " + format);
    ASSERT_EQ(analysed.exit_code, 0) << analysed.err;
    ASSERT_EQ(stored.exit_code, 0) << stored.err;
    EXPECT_GT(stored.out.size(), 1000u);
    if (format == "json" || format == "html")
      EXPECT_EQ(without_times(stored.out), without_times(analysed.out));
    else
      EXPECT_EQ(stored.out, analysed.out);  // nothing time-dependent in these
  }
  const auto linked = run_palermo("compare --db " + shell_quote(db) + " --format html --link-reports '{country}.html'");
  const auto linked_analysed = run_palermo("compare" + folders + " --format html --link-reports '{country}.html'");
  EXPECT_EQ(without_times(linked.out), without_times(linked_analysed.out));
}

TEST(CompareDb, NamedCountriesComeInTheOrderGiven) {
  ScratchDir dir("named");
  const std::string db = dir / "index.db";
  ASSERT_EQ(run_palermo("index --quiet --db " + shell_quote(db) + " corpus/xa corpus/xb corpus/xc").exit_code, 0);
  const auto stored = run_palermo("compare --db " + shell_quote(db) + " xc xa --format csv");
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  EXPECT_EQ(stored.out, run_palermo("compare corpus/xc corpus/xa --format csv").out);
  const auto unknown = run_palermo("compare --db " + shell_quote(db) + " xa zz --format csv");
  EXPECT_EQ(unknown.exit_code, 3);
  EXPECT_NE(unknown.err.find("holds no findings for 'zz'"), std::string::npos) << unknown.err;
  EXPECT_TRUE(unknown.out.empty());
}

// A copy of corpus/ca (two documents) and corpus/xa, indexed, for tests that then change something.
struct IndexedCopy {
  ScratchDir dir;
  std::string db, ca_act, ca_code, xa;
  explicit IndexedCopy(const std::string& name) : dir(name), db(dir / "index.db") {
    for (const std::string country : {"ca", "xa"}) {
      fs::create_directories(dir / country);
      for (const auto& e : fs::directory_iterator(std::string(PALERMO_SOURCE_DIR) + "/corpus/" + country))
        if (e.path().extension() == ".xml")
          fs::copy_file(e.path(), dir / (country + "/" + e.path().filename().string()));
    }
    ca_act = dir / "ca/ca_act-extract_2001_27_immigration-refugee-protection-act-trafficking.akn.xml";
    ca_code = dir / "ca/ca_code-extract_1985_C-46_criminal-code-trafficking.akn.xml";
    xa = dir / "xa/xa_act_2021_5_prevention-and-suppression-of-trafficking-in-persons.akn.xml";
  }
  palermo::testing::PalermoRun index(const std::string& args) {
    return run_palermo("index --quiet --db " + shell_quote(db) + " " + args);
  }
  palermo::testing::PalermoRun compare(const std::string& args = "") {
    return run_palermo("compare --db " + shell_quote(db) + " --format csv " + args);
  }
};

void append(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::app) << text; }

void expect_refused(const palermo::testing::PalermoRun& r, const std::string& country, const std::string& why) {
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("the findings of " + country + " no longer hold"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(why), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("hint: index the documents of " + country), std::string::npos) << r.err;
}

TEST(CompareDb, ADocumentChangedOrGoneOnDiskIsRefusedUntilIndexedAgain) {
  IndexedCopy copy("changed");
  ASSERT_EQ(copy.index(shell_quote(copy.dir / "ca") + " " + shell_quote(copy.dir / "xa")).exit_code, 0);
  ASSERT_EQ(copy.compare().exit_code, 0);
  append(copy.ca_code, "\n<!-- amended -->\n");
  expect_refused(copy.compare(), "ca", "has changed since it was indexed");
  EXPECT_EQ(copy.compare("xa").exit_code, 0);  // the other country still holds
  ASSERT_EQ(copy.index(shell_quote(copy.dir / "ca")).exit_code, 0);
  EXPECT_EQ(copy.compare().exit_code, 0);

  fs::remove(copy.xa);
  expect_refused(copy.compare(), "xa", "is gone from disk");
}

TEST(CompareDb, FindingsMadeFromPartOfACountrysDocumentsAreRefused) {
  IndexedCopy copy("partial");
  ASSERT_EQ(copy.index(shell_quote(copy.dir / "ca")).exit_code, 0);
  // The act changes and is indexed on its own: the findings are then made without the code.
  append(copy.ca_act, "\n<!-- amended -->\n");
  ASSERT_EQ(copy.index(shell_quote(copy.ca_act)).exit_code, 0);
  expect_refused(copy.compare(), "ca", "made without it");
  ASSERT_EQ(copy.index(shell_quote(copy.dir / "ca")).exit_code, 0);
  EXPECT_EQ(copy.compare().exit_code, 0);
  // A document removed from the country's folder is left out when the folder is indexed again.
  fs::remove(copy.ca_code);
  ASSERT_EQ(copy.index(shell_quote(copy.dir / "ca")).exit_code, 0);
  const auto after = copy.compare();
  EXPECT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(after.out, run_palermo("compare " + shell_quote(copy.dir / "ca") + " --format csv").out);
}

// Relative paths are as good as absolute ones, from whichever folder compare --db runs.
TEST(CompareDb, FindingsIndexedWithRelativePathsAreCheckedFromAnyFolder) {
  IndexedCopy copy("relative");
  const std::string ca = fs::relative(copy.dir / "ca", PALERMO_SOURCE_DIR).string();
  const std::string act = fs::relative(copy.ca_act, PALERMO_SOURCE_DIR).string();
  ASSERT_EQ(copy.index(shell_quote(ca)).exit_code, 0);
  const std::string elsewhere = "cd " + shell_quote(fs::temp_directory_path().string()) + " &&";
  const std::string compare = "compare --db " + shell_quote(copy.db) + " --format csv";
  EXPECT_EQ(run_palermo(compare, elsewhere).exit_code, 0);
  append(copy.ca_act, "\n<!-- amended -->\n");
  ASSERT_EQ(copy.index(shell_quote(act)).exit_code, 0);
  expect_refused(run_palermo(compare, elsewhere), "ca", "made without it");
}

TEST(CompareDb, AnotherModelOrAnotherCompleteIsRefused) {
  IndexedCopy copy("model");
  const std::string model = copy.dir / "model";
  fs::copy(std::string(PALERMO_SOURCE_DIR) + "/protocol-model", model, fs::copy_options::recursive);
  {
    std::ifstream in(model + "/00-model.pal");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto at = text.find("version \"");
    ASSERT_NE(at, std::string::npos);
    text.insert(at + 9, "0-test.");
    std::ofstream(model + "/00-model.pal", std::ios::trunc) << text;
  }
  ASSERT_EQ(copy.index("--model " + shell_quote(model) + " " + shell_quote(copy.dir / "xa")).exit_code, 0);
  EXPECT_EQ(copy.compare("--model " + shell_quote(model)).exit_code, 0);
  expect_refused(copy.compare(), "xa", "they were made with model 0-test.");

  ASSERT_EQ(copy.index(shell_quote(copy.dir / "xa")).exit_code, 0);
  expect_refused(copy.compare("--complete"), "xa", "made without --complete");
  // Findings made by another palermo (its analysis may read the same law differently).
  exec_sql(copy.db, "UPDATE findings SET palermo_build = 'palermo 0.0.1 (commit 0123456789ab)'");
  expect_refused(copy.compare(), "xa", "they were made by palermo 0.0.1 (commit 0123456789ab); this is palermo ");
  ASSERT_EQ(copy.index(shell_quote(copy.dir / "xa")).exit_code, 0);
  ASSERT_EQ(copy.index("--complete " + shell_quote(copy.dir / "xa")).exit_code, 0);
  const auto complete = copy.compare("--complete");
  EXPECT_EQ(complete.exit_code, 0) << complete.err;
  EXPECT_EQ(complete.out, run_palermo("compare --complete " + shell_quote(copy.dir / "xa") + " --format csv").out);
}

TEST(CompareDb, ACorruptOrHandEditedRowNamesTheIndexAndTheCountry) {
  IndexedCopy copy("corrupt");
  ASSERT_EQ(copy.index(shell_quote(copy.dir / "xa")).exit_code, 0);
  for (const std::string sql : {"UPDATE findings SET report = substr(report, 1, length(report) / 2)",
                                "UPDATE findings SET report = replace(report, '\"class\":\"mandatory\"', "
                                "'\"class\":\"obligatory\"')",
                                "UPDATE findings SET report = json_remove(report, '$.findings')"}) {
    SCOPED_TRACE(sql);
    ASSERT_EQ(copy.index(shell_quote(copy.dir / "xa")).exit_code, 0);
    exec_sql(copy.db, sql);
    const auto r = copy.compare();
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_TRUE(r.out.empty());
    EXPECT_NE(r.err.find(copy.db + ": error: the stored findings of xa are unreadable"), std::string::npos) << r.err;
  }
}

TEST(CompareDb, AnIndexWithoutFindingsSaysSo) {
  IndexedCopy copy("none");
  ASSERT_EQ(copy.index("--no-findings " + shell_quote(copy.dir / "xa")).exit_code, 0);
  const auto r = copy.compare();
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("holds no findings"), std::string::npos) << r.err;
  const auto search = run_palermo("search trafficking --db " + shell_quote(copy.db));
  EXPECT_EQ(search.exit_code, 0) << search.err;
}

}  // namespace
