// palermo check on Word and PDF files built from real statutes of ../shared/statutes/text gives the
// element verdicts it gives on the Akoma Ntoso published beside them; an encrypted PDF is refused
// by import and check; validate imports what is not Akoma Ntoso and validates the result.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/run_palermo.hpp"
#include "import/fixtures.hpp"

namespace {

namespace fs = std::filesystem;
using palermo::testing::run_palermo;
using palermo::testing::shell_quote;
namespace fixtures = palermo::import::fixtures;

const std::string kStatutes = std::string(PALERMO_SHARED_DIR) + "/statutes/";
const std::string kSchema = std::string(PALERMO_SHARED_DIR) + "/akn/schema/akomantoso30.xsd";

// A folder of its own for the files of one test, removed at the end.
struct Folder {
  fs::path path = fixtures::temp_path("cli");
  Folder() { fs::create_directories(path); }
  ~Folder() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return (path / name).string();
  }
};

// Every obligation's status and every element's, from check's JSON.
std::map<std::string, std::string> verdicts(const std::string& file) {
  auto run = run_palermo("check " + shell_quote(file) + " --format json");
  EXPECT_LE(run.exit_code, 1) << file << "\n" << run.err;
  std::map<std::string, std::string> out;
  if (run.exit_code > 1) return out;
  auto j = nlohmann::json::parse(run.out);
  for (const auto& f : j.at("findings")) {
    const std::string id = f.at("id");
    out[id] = f.at("status");
    for (const char* list : {"elements", "red_flags"})
      if (f.contains(list))
        for (const auto& e : f.at(list)) out[id + "/" + e.at("id").get<std::string>()] = e.at("status");
  }
  return out;
}

void expect_same_verdicts(const std::map<std::string, std::string>& published,
                          const std::map<std::string, std::string>& imported, const std::string& what) {
  EXPECT_GT(published.size(), 100u);
  EXPECT_EQ(published.size(), imported.size()) << what;
  int differences = 0;
  for (const auto& [id, status] : published) {
    auto it = imported.find(id);
    std::string got = it == imported.end() ? "(absent)" : it->second;
    if (got != status && ++differences <= 10)
      ADD_FAILURE() << what << ": " << id << " is '" << got << "', on the published AKN '" << status << "'";
  }
}

// English (Namibia, Rwanda), French (Rwanda) and Spanish (Colombia): whole acts.
const char* const kSame[] = {
    "na_act_2018_1_combating-of-trafficking-in-persons",
    "rw_act_2018_51_trafficking-in-persons-and-exploitation-of-others",
    "rw_act_2018_51_traite-des-personnes-et-exploitation-d-autrui_fr",
    "co_act_2005_985_ley-985-trata-de-personas",
};

TEST(ImportFormatsCli, CheckOnWordAndPdfGivesThePublishedAknsElementVerdicts) {
  if (!fs::is_directory(kStatutes + "text")) GTEST_SKIP() << kStatutes << "text is absent (../shared not present)";
  Folder folder;
  for (const char* stem : kSame) {
    SCOPED_TRACE(stem);
    const std::string text = fixtures::slurp(kStatutes + "text/" + stem + ".txt");
    ASSERT_FALSE(text.empty());
    const auto published = verdicts(kStatutes + "akn/" + stem + ".akn.xml");
    // Named as the statute is (the country comes from the name, as for the text).
    const std::string docx = folder.write(std::string(stem) + ".docx", fixtures::statute_docx(text));
    fixtures::PdfLayout layout;
    layout.running_head = "OFFICIAL GAZETTE";
    const std::string pdf = folder.write(std::string(stem) + ".pdf", fixtures::statute_pdf(text, layout));
    expect_same_verdicts(published, verdicts(docx), std::string(stem) + ".docx");
    expect_same_verdicts(published, verdicts(pdf), std::string(stem) + ".pdf");
  }
}

TEST(ImportFormatsCli, EncryptedPdfIsRefusedByImportAndCheckWithExit3) {
  Folder folder;
  const std::string pdf = folder.write(
      "bill.pdf", fixtures::make_pdf({{{50, 700, "1. Short title"}, {50, 686, "This Act is the Protection Act."}}},
                                     "Helvetica", 10, fixtures::PdfSecurity{"secret", "owner", 3}));
  for (const std::string command : {"import", "check"}) {
    SCOPED_TRACE(command);
    auto run = run_palermo(command + " " + shell_quote(pdf));
    EXPECT_EQ(run.exit_code, 3) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_NE(run.err.find(pdf + ": error:"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("encrypted"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("export an unprotected copy"), std::string::npos) << run.err;
  }
}

TEST(ImportFormatsCli, ValidateImportsWhatIsNotAknAndValidatesTheResult) {
  const std::string stem = "rw_act_2018_51_traite-des-personnes-et-exploitation-d-autrui_fr";
  const std::string text = fixtures::slurp(kStatutes + "text/" + stem + ".txt");
  if (text.empty() || !fs::exists(kSchema)) GTEST_SKIP() << kStatutes << " is absent (../shared not present)";
  Folder folder;
  const std::string docx = folder.write(stem + ".docx", fixtures::statute_docx(text));
  const std::string txt = folder.write(stem + ".txt", text);
  for (const std::string& file : {docx, txt}) {
    SCOPED_TRACE(file);
    auto run = run_palermo("validate " + shell_quote(file) + " --schema " + shell_quote(kSchema));
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    EXPECT_NE(run.err.find("imported in memory"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("no problems found in the import (schema valid)"), std::string::npos) << run.err;
    auto json = run_palermo("validate " + shell_quote(file) + " --format json");
    ASSERT_EQ(json.exit_code, 0) << json.err;
    auto j = nlohmann::json::parse(json.out);
    EXPECT_EQ(j.at("imported_from"), file == docx ? "docx" : "txt");
    EXPECT_EQ(j.at("errors"), 0);
  }
  // What cannot be imported is refused as by import: named, exit 3.
  const std::string broken = folder.write("broken.pdf", "%PDF-1.4\n1 0 obj\n<<");
  auto run = run_palermo("validate " + shell_quote(broken));
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find(broken + ": error:"), std::string::npos) << run.err;
  // Akoma Ntoso is read as it is, not imported.
  const std::string akn = kStatutes + "akn/" + stem + ".akn.xml";
  auto plain = run_palermo("validate " + shell_quote(akn));
  EXPECT_EQ(plain.err.find("imported in memory"), std::string::npos) << plain.err;
}

}  // namespace
