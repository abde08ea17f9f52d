// Broken model files: each error names the exact line and column, says what was expected, and
// quotes the line. Positions are 1-based; columns count characters.
#include <gtest/gtest.h>

#include <filesystem>

#include "model/model.hpp"
#include "model_test_support.hpp"

namespace palermo::model {
namespace {

using testing::first_error;
using testing::kHeader;
using testing::load_text;

// A valid obligation whose line `marker` is replaced by `replacement`; line 1 is the header, the
// obligation opens on line 2.
std::string obligation_with(const std::string& marker, const std::string& replacement) {
  std::string text = std::string(kHeader) +
                     "obligation tip.acts {\n"                    // 2
                     "  instrument Protocol\n"                    // 3
                     "  article \"3(a)\"\n"                       // 4
                     "  title \"Acts\"\n"                         // 5
                     "  class mandatory\n"                        // 6
                     "  area definition\n"                        // 7
                     "  statement \"All five acts.\"\n"           // 8
                     "  element recruitment \"Recruitment\" {\n"  // 9
                     "    scope offence-terms\n"                  // 10
                     "    en `recruit* OR enlist*`\n"             // 11
                     "    fr `recrut*`\n"                         // 12
                     "    es `reclut*`\n"                         // 13
                     "  }\n"                                      // 14
                     "}\n";                                       // 15
  if (marker.empty()) return text;
  auto at = text.find(marker);
  EXPECT_NE(at, std::string::npos) << marker;
  return text.replace(at, marker.size(), replacement);
}

void expect_error_at(const std::string& text, int line, int column, const std::string& message_part) {
  Diagnostic d = first_error(text);
  EXPECT_EQ(d.file, "test.pal");
  EXPECT_EQ(d.line, line) << d.format();
  EXPECT_EQ(d.column, column) << d.format();
  EXPECT_NE(d.message.find(message_part), std::string::npos) << d.format();
  EXPECT_FALSE(d.excerpt.empty()) << d.format();
  EXPECT_EQ(d.severity, Diagnostic::Severity::error);
}

TEST(ModelErrors, TheBaseFixtureIsValid) {
  std::vector<Diagnostic> warnings;
  auto loaded = load_text(obligation_with("", ""), &warnings);
  ASSERT_TRUE(loaded.ok()) << loaded.errors().front().format();
  EXPECT_TRUE(warnings.empty());
}

TEST(ModelErrors, MissingClosingBraceAtEndOfFile) {
  std::string text = obligation_with("", "");
  text.pop_back();  // "}\n" -> "}"
  text.pop_back();  // -> obligation never closed; the file ends after line 14's "  }\n"
  Diagnostic d = first_error(text);
  EXPECT_EQ(d.line, 15);
  EXPECT_EQ(d.column, 1);
  EXPECT_EQ(d.message, "expected a field, 'element', 'red-flag' or the closing '}' here");
  EXPECT_NE(d.hint.find("every '{' needs a matching '}'"), std::string::npos);
}

TEST(ModelErrors, MissingClosingBraceOfAnElementBeforeTheNextElement) {
  std::string text =
      obligation_with("  }\n}\n", "  element other \"Other\" { scope anywhere check general-part }\n}\n");
  expect_error_at(text, 14, 3, "expected a field or the closing '}'");
}

TEST(ModelErrors, UnknownClassIsReportedAtTheValueWithASuggestion) {
  Diagnostic d = first_error(obligation_with("class mandatory", "class manditory"));
  EXPECT_EQ(d.line, 6);
  EXPECT_EQ(d.column, 9);
  EXPECT_EQ(d.message, "unknown class 'manditory'");
  EXPECT_NE(d.hint.find("did you mean 'mandatory'?"), std::string::npos) << d.hint;
  EXPECT_EQ(d.excerpt, "  class manditory");
}

TEST(ModelErrors, UnknownArea) {
  expect_error_at(obligation_with("area definition", "area definitions"), 7, 8, "unknown area 'definitions'");
}

TEST(ModelErrors, UnknownScope) {
  expect_error_at(obligation_with("scope offence-terms", "scope offense"), 10, 11, "unknown scope 'offense'");
}

TEST(ModelErrors, UnknownInstrument) {
  expect_error_at(obligation_with("instrument Protocol", "instrument Palermo"), 3, 14, "unknown instrument 'Palermo'");
}

TEST(ModelErrors, UnknownLanguage) {
  expect_error_at(obligation_with("fr `recrut*`", "de `rekrut*`"), 12, 5, "unknown language 'de'");
}

TEST(ModelErrors, UnknownCheck) {
  expect_error_at(obligation_with("es `reclut*`\n", "es `reclut*`\n    check penalty-treshold\n"), 14, 11,
                  "unknown check 'penalty-treshold'");
}

TEST(ModelErrors, UnterminatedStringIsReportedWhereItOpens) {
  std::string text = std::string(kHeader) + "obligation a.b {\n  title \"never closed\n}\n";
  expect_error_at(text, 3, 9, "unterminated string");
}

TEST(ModelErrors, UnterminatedPatternIsReportedWhereItOpens) {
  std::string text = obligation_with("es `reclut*`", "es `reclut*");
  expect_error_at(text, 13, 8, "unterminated pattern");
}

TEST(ModelErrors, BadEscapeInAString) {
  expect_error_at(obligation_with("\"All five acts.\"", "\"All \\five\""), 8, 19,
                  "expected '\"' or '\\' after the backslash");
}

TEST(ModelErrors, ElementWithoutPatternOrCheck) {
  std::string text = obligation_with("    en `recruit* OR enlist*`\n    fr `recrut*`\n    es `reclut*`\n", "");
  expect_error_at(text, 9, 11, "element 'recruitment' has neither a pattern nor a check");
}

TEST(ModelErrors, DuplicateElementId) {
  std::string text =
      obligation_with("  }\n}\n", "  }\n  red-flag recruitment \"Again\" { scope offence check fine-in-lieu }\n}\n");
  expect_error_at(text, 15, 12, "duplicate red-flag id 'recruitment'");
}

TEST(ModelErrors, FieldGivenTwice) {
  Diagnostic d = first_error(obligation_with("  area definition\n", "  area definition\n  area victims\n"));
  EXPECT_EQ(d.line, 8);
  EXPECT_EQ(d.column, 3);
  EXPECT_EQ(d.message, "'area' given twice");
  EXPECT_NE(d.hint.find("line 7"), std::string::npos);
}

TEST(ModelErrors, MissingRequiredFieldIsReportedAtTheObligation) {
  expect_error_at(obligation_with("  statement \"All five acts.\"\n", ""), 2, 12,
                  "obligation 'tip.acts' has no statement");
}

// Issue 11: synonyms that use each other twice at each of nine levels expanded to 10^9 words
// (8 GB, or bad_alloc and exit 4). The expansion is bounded by its size, with the file and line.
TEST(ModelErrors, ExponentialSynonymsAreRefusedBySize) {
  std::string synonyms;
  for (int level = 0; level < 8; ++level)
    synonyms += "synonyms s" + std::to_string(level) + " `$s" + std::to_string(level + 1) + " OR $s" +
                std::to_string(level + 1) + " OR $s" + std::to_string(level + 1) + "`\n";
  synonyms += "synonyms s8 `exploitation of the prostitution of others`\n";
  const std::string text = std::string(kHeader) + synonyms;
  Diagnostic d = first_error(text);
  EXPECT_EQ(d.file, "test.pal");
  EXPECT_GT(d.line, 0) << d.format();
  EXPECT_NE(d.message.find("synonyms expand to more than 256 KB"), std::string::npos) << d.format();
}

// Issue 11 hole 3: 10,000 nested parentheses in a model pattern overflowed the grammar's stack
// (SIGSEGV). The model's error names the file, line and column of the parenthesis too deep.
TEST(ModelErrors, DeeplyNestedPatternIsAnErrorAtTheParenthesis) {
  const std::string deep = std::string(10000, '(') + "recruit*" + std::string(10000, ')');
  // `    en \`` is 8 characters: the 65th '(' is at column 8 + 65.
  expect_error_at(obligation_with("en `recruit* OR enlist*`", "en `" + deep + "`"), 11, 8 + 65,
                  "parentheses nest more than 64 deep");
}

// Hole 6: the size bound on synonym expansion points at the reference that crosses it: here the
// third '$s1' of `synonyms s0`, on line 2 (the header is line 1), at column 13 + 1 + 14.
TEST(ModelErrors, ExponentialSynonymsAreRefusedAtTheReferenceThatCrossesTheBound) {
  std::string synonyms;
  for (int level = 0; level < 8; ++level)
    synonyms += "synonyms s" + std::to_string(level) + " `$s" + std::to_string(level + 1) + " OR $s" +
                std::to_string(level + 1) + " OR $s" + std::to_string(level + 1) + "`\n";
  synonyms += "synonyms s8 `exploitation of the prostitution of others`\n";
  expect_error_at(std::string(kHeader) + synonyms, 2, 28, "synonyms expand to more than 256 KB");
}

TEST(ModelErrors, UnknownSynonymsNameAtTheDollarSign) {
  expect_error_at(obligation_with("en `recruit* OR enlist*`", "en `recruit* OR $enlisting`"), 11, 21,
                  "unknown synonyms '$enlisting'");
}

TEST(ModelErrors, EmptyPattern) {
  expect_error_at(obligation_with("fr `recrut*`", "fr `   `"), 12, 8, "empty pattern");
}

TEST(ModelErrors, PatternThatDoesNotParsePointsInsideThePattern) {
  Diagnostic d = first_error(obligation_with("en `recruit* OR enlist*`", "en `recruit* OR (enlist*`"));
  EXPECT_EQ(d.file, "test.pal");
  EXPECT_EQ(d.line, 11);
  // The pattern starts at column 9 (after the backtick at 8); the error is inside it.
  EXPECT_GT(d.column, 8) << d.format();
  EXPECT_EQ(d.excerpt, "    en `recruit* OR (enlist*`");
}

TEST(ModelErrors, StringWhereANameBelongs) {
  expect_error_at(obligation_with("class mandatory", "class \"mandatory\""), 6, 9, "'class' takes a name");
}

TEST(ModelErrors, UnknownObligationField) {
  expect_error_at(obligation_with("  title \"Acts\"", "  titel \"Acts\""), 5, 3, "unknown field 'titel'");
}

TEST(ModelErrors, MissingOpeningBrace) {
  expect_error_at(obligation_with("obligation tip.acts {", "obligation tip.acts"), 3, 3, "expected '{'");
}

TEST(ModelErrors, ElementWithoutTitle) {
  expect_error_at(obligation_with("recruitment \"Recruitment\" {", "recruitment {"), 9, 23, "expected a \"string\"");
}

TEST(ModelErrors, GarbageAtTopLevel) {
  expect_error_at(std::string(kHeader) + "\n  obligations x {}\n", 3, 3,
                  "expected 'model', 'synonyms', 'lexicon' or 'obligation'");
}

TEST(ModelErrors, MalformedArticleCitation) {
  expect_error_at(obligation_with("\"3(a)\"", "\"Article 3(a)\""), 4, 11, "is not a pinpoint citation");
}

TEST(ModelErrors, NoHeaderAtAll) {
  std::string text = obligation_with("", "").substr(std::string(kHeader).size());
  Diagnostic d = first_error(text);
  EXPECT_EQ(d.message, "the model has no header");
}

TEST(ModelErrors, TwoHeaders) {
  expect_error_at(obligation_with("", "") + "model \"Again\" version \"2\"\n", 16, 1, "a second model header");
}

TEST(ModelErrors, AllErrorsOfAFileAreReportedNotOnlyTheFirst) {
  std::string text = obligation_with("class mandatory", "class manditory");
  text = text.replace(text.find("area definition"), 15, "area defintion");
  auto loaded = load_text(text);
  ASSERT_FALSE(loaded.ok());
  ASSERT_EQ(loaded.errors().size(), 2u);
  EXPECT_EQ(loaded.errors()[1].line, 7);
}

TEST(ModelWarnings, MissingLanguageAndNonexistentArticleAreWarnings) {
  std::vector<Diagnostic> warnings;
  std::string text = obligation_with("    es `reclut*`\n", "");
  text = text.replace(text.find("\"3(a)\""), 6, "\"3(f)\"");
  auto loaded = load_text(text, &warnings);
  ASSERT_TRUE(loaded.ok()) << loaded.errors().front().format();
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].severity, Diagnostic::Severity::warning);
  EXPECT_EQ(warnings[0].line, 9);
  EXPECT_NE(warnings[0].message.find("has no pattern in es"), std::string::npos) << warnings[0].message;
  EXPECT_EQ(warnings[1].line, 4);
  EXPECT_EQ(warnings[1].column, 11);
  EXPECT_NE(warnings[1].message.find("has no subparagraph (f)"), std::string::npos) << warnings[1].message;
}

// The broken folders under tests/data/model: errors across files, as `palermo model lint` sees them.
TEST(ModelErrors, DuplicateObligationIdAcrossFiles) {
  auto loaded = load_model(PALERMO_SOURCE_DIR "/tests/data/model/duplicate-id");
  ASSERT_FALSE(loaded.ok());
  const Diagnostic& d = loaded.errors().front();
  EXPECT_EQ(std::filesystem::path(d.file).filename(), "b.pal");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 12);
  EXPECT_EQ(d.message, "duplicate obligation id 'def.acts'");
  EXPECT_NE(d.hint.find("a.pal:2"), std::string::npos) << d.hint;
}

TEST(ModelErrors, FolderWithoutModelFiles) {
  auto loaded = load_model(PALERMO_SOURCE_DIR "/tests/data/model");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.errors().front().message, "no *.pal files in this folder");
  EXPECT_FALSE(load_model("/nonexistent/model").ok());
}

}  // namespace
}  // namespace palermo::model
