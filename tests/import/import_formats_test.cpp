// Word and PDF files built here from real statutes of ../shared/statutes/text (English, French and
// Spanish): each imports without loss, validates against the schema and has the provisions of the
// plain-text import. Also encrypted PDFs (the Standard security handler written by hand) and the
// text of a statute as noisy OCR gives it. (check's verdicts on these files: tests/cli.)
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "akn/validate.hpp"
#include "import/akn_text.hpp"
#include "import/fixtures.hpp"
#include "import/import.hpp"

namespace palermo::import {
namespace {

namespace fs = std::filesystem;
using fixtures::source_words;
using testing::ParsedAkn;
using testing::without_whitespace;

const std::string kText = std::string(PALERMO_SHARED_DIR) + "/statutes/text/";
const std::string kSchema = std::string(PALERMO_SHARED_DIR) + "/akn/schema/akomantoso30.xsd";

// Three statutes in three languages (Rwanda's law in two), whole acts with numbered subdivisions.
const char* const kStatutes[] = {
    "na_act_2018_1_combating-of-trafficking-in-persons",                 // English, "(1)" "(a)" "(i)"
    "rw_act_2018_51_trafficking-in-persons-and-exploitation-of-others",  // English, "1º" "a)"
    "rw_act_2018_51_traite-des-personnes-et-exploitation-d-autrui_fr",   // French, "1°" "a)"
    "co_act_2005_985_ley-985-trata-de-personas",                         // Spanish, "Artículo 1°." "1."
};

void expect_valid(const std::string& xml, const std::string& name) {
  fs::path out = fixtures::temp_path(name + ".akn.xml");
  { std::ofstream(out) << xml; }
  auto problems = akn::validate_against_schema(out.string(), kSchema);
  ASSERT_TRUE(problems.ok()) << problems.errors().front().format();
  for (const auto& p : problems.value()) ADD_FAILURE() << name << ": schema: line " << p.line << ": " << p.message;
  fs::remove(out);
}

// Imports `bytes` as FILE and checks it against the import of the statute's plain text: every
// non-whitespace character of the text in order, valid AKN, the same numbered units.
void expect_same_as_text(const std::string& stem, const std::string& bytes, const std::string& extension) {
  SCOPED_TRACE(stem + extension);
  const std::string text = fixtures::slurp(kText + stem + ".txt");
  auto from_text = import_bytes(text, stem + ".txt", {});
  ASSERT_TRUE(from_text.ok());
  auto imported = import_bytes(bytes, stem + extension, {});
  ASSERT_TRUE(imported.ok()) << imported.errors().front().format();
  EXPECT_EQ(imported->metadata.language, from_text->metadata.language);
  ParsedAkn akn(imported->xml);
  ASSERT_NE(akn.doc, nullptr);
  EXPECT_EQ(source_words(text), without_whitespace(akn.statute_text()));
  EXPECT_EQ(imported->structure.counts, from_text->structure.counts);
  ParsedAkn plain(from_text->xml);
  auto mine = akn.units(), theirs = plain.units();
  ASSERT_EQ(mine.size(), theirs.size());
  for (std::size_t i = 0; i < mine.size(); ++i) {
    EXPECT_EQ(mine[i].num, theirs[i].num);
    EXPECT_EQ(without_whitespace(mine[i].text), without_whitespace(theirs[i].text)) << "unit " << mine[i].num;
  }
  expect_valid(imported->xml, stem + extension);
}

TEST(ImportFormats, WordListParagraphsFromSharedStatutesInThreeLanguages) {
  if (!fs::is_directory(kText)) GTEST_SKIP() << kText << " is absent (../shared not present)";
  for (const char* stem : kStatutes) {
    const std::string text = fixtures::slurp(kText + stem + ".txt");
    ASSERT_FALSE(text.empty()) << stem;
    int numbered = 0;
    const std::string docx = fixtures::statute_docx(text, &numbered);
    // The numbers are Word's, not typed: the subdivisions really are list paragraphs.
    EXPECT_GE(numbered, 40) << stem;
    expect_same_as_text(stem, docx, ".docx");
  }
}

TEST(ImportFormats, TwoColumnHyphenatedPdfFromSharedStatutesInThreeLanguages) {
  if (!fs::is_directory(kText)) GTEST_SKIP() << kText << " is absent (../shared not present)";
  for (const char* stem : kStatutes) {
    const std::string text = fixtures::slurp(kText + stem + ".txt");
    fixtures::PdfLayout layout;
    layout.columns = 2;
    layout.running_head = "OFFICIAL GAZETTE OF THE REPUBLIC";
    auto pages = fixtures::lay_out_statute(text, layout);
    ASSERT_GE(pages.size(), 3u) << stem;  // running heads are told apart on three pages or more
    // Words really are hyphenated across lines.
    int hyphenated = 0;
    for (const auto& page : pages)
      for (const auto& t : page)
        if (t.text.size() > 3 && t.text.back() == '-' && std::islower(static_cast<unsigned char>(t.text[0])))
          ++hyphenated;
    EXPECT_GE(hyphenated, 20) << stem;
    expect_same_as_text(stem, fixtures::make_pdf(pages, "Courier", layout.font_size), ".pdf");
  }
}

TEST(ImportFormats, OneColumnJustifiedPdfIsNotReadAsTwoColumns) {
  if (!fs::is_directory(kText)) GTEST_SKIP() << kText << " is absent (../shared not present)";
  // A single justified column leaves, somewhere in the middle, a place no word crosses on most
  // lines; it must not be taken for a gutter (it was, before gutters counted lines).
  for (const char* stem : {kStatutes[0], kStatutes[3]}) {
    const std::string text = fixtures::slurp(kText + stem + ".txt");
    fixtures::PdfLayout layout;
    layout.columns = 1;
    layout.running_head = "GACETA OFICIAL";
    expect_same_as_text(stem, fixtures::statute_pdf(text, layout), ".pdf");
  }
}

// ---- encrypted PDF -----------------------------------------------------------------------------

std::string small_act_pdf(const std::optional<fixtures::PdfSecurity>& security) {
  return fixtures::make_pdf({{{50, 700, "1. Short title"}, {50, 686, "This Act is the Trafficking in Persons Act."}}},
                            "Helvetica", 10, security);
}

// poppler reads the fixture with its password: the file is a real encrypted PDF, not garbage.
std::string text_with_password(const std::string& pdf, const std::string& password) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size()), "", password));
  if (!doc || doc->is_locked()) return "(locked)";
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  auto bytes = page->text().to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

TEST(ImportPdf, RefusesAPdfThatNeedsAPasswordNamingTheFileAndWhatToDo) {
  for (int revision : {2, 3}) {
    SCOPED_TRACE("R=" + std::to_string(revision));
    const std::string pdf = small_act_pdf(fixtures::PdfSecurity{"secret", "owner", revision});
    EXPECT_NE(text_with_password(pdf, "secret").find("Short title"), std::string::npos);
    EXPECT_EQ(text_with_password(pdf, "wrong"), "(locked)");
    auto imported = import_bytes(pdf, "locked_bill.pdf", {});
    ASSERT_FALSE(imported.ok());
    const Diagnostic& d = imported.errors().front();
    EXPECT_EQ(d.file, "locked_bill.pdf");
    EXPECT_NE(d.message.find("encrypted"), std::string::npos) << d.message;
    EXPECT_NE(d.hint.find("unprotected"), std::string::npos) << d.hint;
  }
}

TEST(ImportPdf, ReadsAnEncryptedPdfThatOpensWithoutAPassword) {
  // Only an owner password (restrictions on editing): every reader opens it, and so does palermo.
  const std::string pdf = small_act_pdf(fixtures::PdfSecurity{"", "owner", 3});
  EXPECT_NE(pdf.find("/Encrypt"), std::string::npos);
  auto imported = import_bytes(pdf, "restricted.pdf", Options{"eng", "xx", "act", "", "2020-01-01"});
  ASSERT_TRUE(imported.ok()) << imported.errors().front().format();
  EXPECT_NE(imported->text.find("This Act is the Trafficking in Persons Act."), std::string::npos);
}

// ---- noisy OCR ---------------------------------------------------------------------------------

// The issue asks for the OCR of Pakistan's Prevention of Trafficking in Persons Act 2018, which is
// not in ../shared; Uganda's act of 2009 (same title, same drafting tradition) is made as noisy here.
TEST(ImportOcr, NoisyOcrOfAnActImportsWithoutCrashOrLoss) {
  const std::string stem = "ug_act_2009_7_prevention-of-trafficking-in-persons";
  const std::string text = fixtures::slurp(kText + stem + ".txt");
  if (text.empty()) GTEST_SKIP() << kText << stem << ".txt is absent (../shared not present)";
  const std::string noisy = fixtures::ocr_noise(text, "PREVENTION OF TRAFFICKING IN PERSONS ACT, 2009");
  // The noise is there: misread numbers, page numbers, running heads, lines cut short.
  EXPECT_NE(noisy.find("(l)"), std::string::npos);
  EXPECT_NE(noisy.find("\nS. "), std::string::npos);
  EXPECT_NE(noisy.find("\n\n9\n\n"), std::string::npos);
  EXPECT_GT(fixtures::lines_of(noisy).size(), 3 * fixtures::lines_of(text).size());
  EXPECT_EQ(fixtures::ocr_noise(text, "X", 7), fixtures::ocr_noise(text, "X", 7));  // deterministic
  for (std::uint32_t seed : {2018u, 1u, 99u}) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const std::string input = fixtures::ocr_noise(text, "PREVENTION OF TRAFFICKING IN PERSONS ACT, 2009", seed);
    auto imported = import_bytes(input, "pk_act_2018_ocr.txt", {});
    ASSERT_TRUE(imported.ok()) << imported.errors().front().format();
    EXPECT_EQ(imported->metadata.language, "eng");
    ParsedAkn akn(imported->xml);
    ASSERT_NE(akn.doc, nullptr);
    EXPECT_EQ(source_words(input), without_whitespace(akn.statute_text()));
    // To survive, not to be perfect: some sections are still found.
    EXPECT_GE(imported->structure.counts["section"], 5);
    expect_valid(imported->xml, "ocr");
  }
}

}  // namespace
}  // namespace palermo::import
