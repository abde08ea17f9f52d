// End-to-end evidence matching: patterns parsed by the grammar, compiled with the statute's
// language and matched against provisions of the real statutes in /work/shared/statutes/text.
#include <gtest/gtest.h>

#include "shared_files.hpp"

#include <fstream>
#include <sstream>

#include "grammars/pattern/pattern.hpp"
#include "text/matcher.hpp"

namespace palermo {
namespace {

const std::string kStatuteTexts = std::string(PALERMO_SHARED_DIR) + "/statutes/text";

std::string read_statute(const std::string& name) {
  std::ifstream in(std::string(PALERMO_SHARED_DIR) + "/statutes/text/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The statute split at blank lines: one indexed text per paragraph, as the analysis indexes one
// per provision.
struct Statute {
  Statute(const std::string& file, text::Language lang) : text(read_statute(file)), tokenizer(lang) {
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find("\n\n", start);
      if (end == std::string::npos) end = text.size();
      paragraphs.push_back(text.substr(start, end - start));
      indexed.emplace_back(tokenizer.tokenize(paragraphs.back()));
      start = end + 2;
    }
  }
  // The paragraphs the pattern matches, each with the highlighted words joined by " | ".
  std::vector<std::string> evidence(std::string_view pattern_text) const {
    auto parsed = pattern::parse(pattern_text);
    EXPECT_TRUE(parsed.ok()) << pattern_text;
    if (!parsed.ok()) return {};
    const auto compiled = text::compile(*parsed, tokenizer);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < indexed.size(); ++i) {
      const text::Match m = text::match(compiled, indexed[i]);
      EXPECT_EQ(m.matched, text::matches(compiled, indexed[i]));
      if (!m.matched) continue;
      std::string words;
      for (const auto& [b, e] : m.spans) words += (words.empty() ? "" : " | ") + paragraphs[i].substr(b, e - b);
      out.push_back(words);
    }
    return out;
  }
  std::string text;
  text::Tokenizer tokenizer;
  std::vector<std::string> paragraphs;
  std::vector<text::IndexedText> indexed;
};

TEST(Matching, NamibiaAbuseOfVulnerability) {
  SKIP_WITHOUT_SHARED(kStatuteTexts);
  Statute na("na_act_2018_1_combating-of-trafficking-in-persons.txt", text::Language::english);
  ASSERT_GT(na.paragraphs.size(), 30u);  // one paragraph per section
  const auto found = na.evidence("abuse NEAR/5 vulnerab*");
  ASSERT_FALSE(found.empty());
  for (const auto& words : found) {
    EXPECT_NE(words.find("abuse"), std::string::npos) << words;
    EXPECT_NE(text::fold(words).find("vulnerab"), std::string::npos) << words;
  }
  EXPECT_EQ(na.evidence("\"abuse of a position of vulnerability\"").size() +
                na.evidence("\"abuse of position of vulnerability\"").size(),
            na.evidence("\"abuse of\" NEAR/2 \"position of vulnerability\"").size());
}

TEST(Matching, UgandaActsOfTrafficking) {
  SKIP_WITHOUT_SHARED(kStatuteTexts);
  Statute ug("ug_act_2009_7_prevention-of-trafficking-in-persons.txt", text::Language::english);
  const auto acts = ug.evidence("recruit* AND (transport* OR transfer*) AND harbour*");
  ASSERT_FALSE(acts.empty());
  // Stemming: the plain word "recruitment" finds the paragraphs that say "recruits" too.
  const auto by_stem = ug.evidence("recruitment");
  const auto by_prefix = ug.evidence("recruit*");
  EXPECT_EQ(by_stem.size(), by_prefix.size());
  EXPECT_TRUE(ug.evidence("recruitment NOT recruit*").empty());
}

TEST(Matching, FrenchCodePenal) {
  SKIP_WITHOUT_SHARED(kStatuteTexts);
  Statute fr("fr_code-penal_traite-des-etres-humains_extract.txt", text::Language::french);
  EXPECT_FALSE(fr.evidence("\"traite des êtres humains\"").empty());
  EXPECT_EQ(fr.evidence("\"traite des etres humains\"").size(), fr.evidence("\"Traite des Êtres humains\"").size());
  EXPECT_FALSE(fr.evidence("\"travail forcé\"").empty());
  EXPECT_FALSE(fr.evidence("\"réduction en esclavage\"").empty());
  EXPECT_FALSE(fr.evidence("exploitée").empty());  // meets "exploitation" through the stemmer
  const auto vulnerability = fr.evidence("abus NEAR/5 vulnérabilité");
  ASSERT_FALSE(vulnerability.empty());
  EXPECT_NE(vulnerability.front().find("vulnérabilité"), std::string::npos);
}

TEST(Matching, ToFts5KeepsTheMeaningForTheStore) {
  // The store runs to_fts5() through SQLite; here we only check it parses back to the same tree.
  for (const char* p : {"recruit* OR \"forced lab*\"", "a NOT (b OR c)", "abuse NEAR/5 vulnerab*"}) {
    auto n = pattern::parse(p);
    ASSERT_TRUE(n.ok());
    auto again = pattern::parse(pattern::to_fts5(*n));
    ASSERT_TRUE(again.ok()) << pattern::to_fts5(*n);
    EXPECT_EQ(*again, *n) << p;
  }
}

}  // namespace
}  // namespace palermo
