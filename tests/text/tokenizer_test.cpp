// Tests of folding, tokenizing and stemming, on words taken from the real statutes in /work/shared.
#include <gtest/gtest.h>

#include "shared_files.hpp"

#include <map>
#include <set>

#include "text/text_test_util.hpp"
#include "text/tokenizer.hpp"

namespace palermo::text {
namespace {

using testing::read_shared;
using testing::xml_text;

// ---- fold --------------------------------------------------------------------------------------

TEST(Fold, LowerCasesAndStripsLatinDiacritics) {
  EXPECT_EQ(fold("Élément"), "element");
  EXPECT_EQ(fold("niñas NIÑOS"), "ninas ninos");
  EXPECT_EQ(fold("é è ê ë à â ç ñ ü ö ô î ï"), "e e e e a a c n u o o i i");
  EXPECT_EQ(fold("É È Ê Ë À Â Ç Ñ Ü Ö Ô Î Ï"), "e e e e a a c n u o o i i");
  EXPECT_EQ(fold("cœur ŒUVRE æther Ærø"), "coeur oeuvre aether aero");
  EXPECT_EQ(fold("Straße STRAẞE"), "strasse strasse");
  EXPECT_EQ(fold("Łódź Dvořák Ŝ ĳ İstanbul Ÿ ÿ"), "lodz dvorak s ij istanbul y y");
  EXPECT_EQ(fold("Ștefan Țară"), "stefan tara");
}

TEST(Fold, KeepsOtherScriptsLowerCased) {
  EXPECT_EQ(fold("ΣΟΦΙΑ Москва ЁЖ"), "σοφια москва ёж");
  EXPECT_EQ(fold("日本"), "日本");
}

TEST(Fold, TypographicPunctuationBecomesAscii) {
  EXPECT_EQ(fold("l’article — « texte »"), "l'article - \" texte \"");
  EXPECT_EQ(fold("“forced labour”"), "\"forced labour\"");
  EXPECT_EQ(fold("225\u20114\u20111"), "225-4-1");
  EXPECT_EQ(fold("a\u00a0b"), "a b");
  EXPECT_EQ(fold("§ 3(1)(a)"), "§ 3(1)(a)");
}

TEST(Fold, CombiningMarksAreDropped) { EXPECT_EQ(fold("e\u0301te\u0301"), "ete"); }

TEST(Fold, InvalidUtf8BecomesSpaces) {
  EXPECT_EQ(fold("a\xff"
                 "b"),
            "a b");
  EXPECT_EQ(fold("a\xc3"), "a ");  // truncated sequence
  EXPECT_EQ(fold("\xc0\xaf"
                 "x"),
            "  x");  // overlong '/'
  EXPECT_EQ(fold("\xed\xa0\x80"
                 "y"),
            "   y");  // UTF-16 surrogate
}

// ---- tokenize ----------------------------------------------------------------------------------

TEST(Tokenize, OffsetsPointIntoTheOriginalAccentedText) {
  Tokenizer tok(Language::french);
  const std::string text = "La traite d’Êtres humains — l'article 225-4-1";
  const auto tokens = tok.tokenize(text);
  std::vector<std::string> originals, folded;
  for (const auto& t : tokens) {
    originals.push_back(text.substr(t.begin, t.end - t.begin));
    folded.emplace_back(tokens.folded(t));
  }
  EXPECT_EQ(originals,
            (std::vector<std::string>{"La", "traite", "d", "Êtres", "humains", "l", "article", "225", "4", "1"}));
  EXPECT_EQ(folded,
            (std::vector<std::string>{"la", "traite", "d", "etres", "humains", "l", "article", "225", "4", "1"}));
  for (std::size_t i = 0; i < tokens.size(); ++i) EXPECT_EQ(tokens[i].position, i);
  EXPECT_EQ(tokens[3].begin, 14u);  // "La traite d" is 11 bytes, the curly apostrophe 3 more
  EXPECT_EQ(tokens[3].end, 20u);    // "Ê" is 2 bytes, "tres" 4
}

TEST(Tokenize, CombiningMarkStaysInsideItsWord) {
  Tokenizer tok(Language::other);
  const auto tokens = tok.tokenize("e\u0301te\u0301 x");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens.folded(tokens[0]), "ete");
  EXPECT_EQ(tokens[0].begin, 0u);
  EXPECT_EQ(tokens[0].end, 7u);
}

TEST(Tokenize, OtherLanguageFoldsWithoutStemming) {
  Tokenizer tok(Language::other);
  const auto tokens = tok.tokenize("Recruitment RECRUITS");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens.term(tokens[0]), "recruitment");
  EXPECT_EQ(tokens.term(tokens[1]), "recruits");
}

TEST(Tokenize, GarbageBytesNeverCrashAndOffsetsStayInside) {
  Tokenizer tok(Language::french);
  std::string garbage;
  std::uint32_t state = 12345;  // deterministic pseudo-random bytes
  for (int i = 0; i < 20000; ++i) {
    state = state * 1103515245u + 12345u;
    garbage += static_cast<char>((state >> 16) & 0xFF);
  }
  const auto tokens = tok.tokenize(garbage);
  ASSERT_FALSE(tokens.empty());
  std::uint32_t last_end = 0;
  for (const auto& t : tokens) {
    EXPECT_LT(t.begin, t.end);
    EXPECT_LE(t.end, garbage.size());
    EXPECT_GE(t.begin, last_end);
    EXPECT_FALSE(tokens.folded(t).empty());
    last_end = t.end;
  }
}

TEST(Tokenize, WholeStatuteOffsetsRoundTrip) {
  SKIP_WITHOUT_SHARED(PALERMO_SHARED_DIR);
  const std::string text = read_shared("statutes/text/fr_code-penal_traite-des-etres-humains_extract.txt");
  ASSERT_FALSE(text.empty());
  Tokenizer tok(Language::french);
  const auto tokens = tok.tokenize(text);
  ASSERT_GT(tokens.size(), 1000u);
  for (const auto& t : tokens) EXPECT_EQ(fold(text.substr(t.begin, t.end - t.begin)), tokens.folded(t));
}

TEST(Language, CodesBothWays) {
  EXPECT_EQ(language_from_code("FRA"), Language::french);
  EXPECT_EQ(language_from_code("en"), Language::english);
  EXPECT_EQ(language_from_code("es"), Language::spanish);
  EXPECT_EQ(language_from_code("pt"), Language::portuguese);
  EXPECT_EQ(language_from_code("swa"), Language::other);
  EXPECT_EQ(language_code(Language::french), "fra");
  EXPECT_EQ(language_code(Language::other), "und");
}

// ---- stemming, with words from the real statutes ----------------------------------------------

// term -> the folded forms found in `text` for each of `words`, failing if a word is absent, so the
// test proves these words really occur in the statute.
std::map<std::string, std::string> terms_in(const std::string& text, Language lang,
                                            const std::vector<std::string>& words) {
  Tokenizer tok(lang);
  std::map<std::string, std::string> term_of;
  const auto tokens = tok.tokenize(text);
  for (const auto& t : tokens) term_of.emplace(tokens.folded(t), tokens.term(t));
  std::map<std::string, std::string> out;
  for (const auto& w : words) {
    const auto it = term_of.find(fold(w));
    EXPECT_NE(it, term_of.end()) << w << " does not occur";
    if (it != term_of.end()) out[w] = it->second;
  }
  return out;
}

TEST(Stemming, EnglishRecruitFormsMeetInTheStatutes) {
  SKIP_WITHOUT_SHARED(PALERMO_SHARED_DIR);
  const std::string text = read_shared("statutes/text/na_act_2018_1_combating-of-trafficking-in-persons.txt") +
                           read_shared("statutes/text/tz_act_2008_6_anti-trafficking-in-persons.txt") +
                           read_shared("statutes/text/ug_act_2009_7_prevention-of-trafficking-in-persons.txt");
  const auto terms = terms_in(text, Language::english, {"recruits", "recruited", "recruitment", "recruiters"});
  for (const auto& [word, term] : terms) EXPECT_EQ(term, "recruit") << word;
  const auto more = terms_in(text, Language::english,
                             {"exploitation", "exploited", "exploiting", "harbouring", "harbours", "trafficking",
                              "trafficked", "vulnerability", "vulnerable"});
  EXPECT_EQ(more.at("exploitation"), more.at("exploited"));
  EXPECT_EQ(more.at("exploitation"), more.at("exploiting"));
  EXPECT_EQ(more.at("harbouring"), more.at("harbours"));
  EXPECT_EQ(more.at("trafficking"), more.at("trafficked"));
  EXPECT_EQ(more.at("vulnerability"), more.at("vulnerable"));
}

TEST(Stemming, FrenchFormsMeetInTheCodePenal) {
  SKIP_WITHOUT_SHARED(PALERMO_SHARED_DIR);
  const std::string text = read_shared("statutes/text/fr_code-penal_traite-des-etres-humains_extract.txt");
  const auto terms =
      terms_in(text, Language::french,
               {"exploitation", "vulnérabilité", "vulnérables", "êtres", "forcé", "travail", "recruter"});
  EXPECT_EQ(terms.at("vulnérabilité"), terms.at("vulnérables"));
  Tokenizer fr(Language::french);
  // Accents are seen by the stemmer, then folded away: participles meet their noun.
  EXPECT_EQ(terms.at("exploitation"), fr.stem("exploiter"));
  EXPECT_EQ(terms.at("exploitation"), fr.stem("exploités"));
  EXPECT_EQ(terms.at("exploitation"), fr.stem("exploitée"));
  EXPECT_EQ(terms.at("forcé"), fr.stem("forcés"));
  EXPECT_EQ(terms.at("recruter"), fr.stem("recrutement"));
  EXPECT_EQ(terms.at("êtres"), fr.stem("ETRES"));  // capitals without their accents still meet
  // Snowball keeps the irregular plural apart: "travaux forcés" does not meet "travail forcé".
  EXPECT_NE(terms.at("travail"), fr.stem("travaux"));
}

TEST(Stemming, SpanishFormsMeetInTheSamples) {
  SKIP_WITHOUT_SHARED(PALERMO_SHARED_DIR);
  const std::string text = xml_text(read_shared("akn/samples/examples_v2/Act_Salvador_Ley_912_2005.xml")) +
                           xml_text(read_shared("akn/samples/examples_v2/Bill_UN_2012_ES.xml"));
  const auto terms = terms_in(text, Language::spanish,
                              {"publicación", "publicado", "reformas", "reformado", "legislación", "legislativo"});
  EXPECT_EQ(terms.at("publicación"), terms.at("publicado"));
  EXPECT_EQ(terms.at("reformas"), terms.at("reformado"));
  EXPECT_EQ(terms.at("legislación"), terms.at("legislativo"));
  Tokenizer es(Language::spanish);
  EXPECT_EQ(es.stem("explotación"), es.stem("explotar"));
  EXPECT_EQ(es.stem("niñas"), es.stem("niños"));
}

TEST(Stemming, PortugueseFormsMeet) {
  Tokenizer pt(Language::portuguese);
  EXPECT_EQ(pt.stem("exploração"), pt.stem("explorar"));
  EXPECT_EQ(pt.stem("Tráfico"), pt.stem("tráfico"));
}

TEST(Stemming, StemOfSeveralWordsStemsEach) {
  Tokenizer en(Language::english);
  EXPECT_EQ(en.stem("Forced Labour"), "forc labour");
  EXPECT_EQ(en.stem("recruitment"), "recruit");
}

TEST(Tokenizer, StemCacheSurvivesManyDistinctWords) {
  // More distinct words than the stem cache holds: it starts afresh and stays correct.
  Tokenizer en(Language::english);
  std::string text;
  for (int i = 0; i < 40000; ++i) {
    std::string word = "recruit";
    for (int n = i; n > 0; n /= 26) word += static_cast<char>('a' + n % 26);
    text += word + "ings ";
  }
  const auto tokens = en.tokenize(text);
  ASSERT_EQ(tokens.size(), 40000u);
  Tokenizer fresh(Language::english);
  for (std::size_t i = 0; i < tokens.size(); i += 997)
    EXPECT_EQ(tokens.term(tokens[i]), fresh.stem(tokens.folded(tokens[i])));
  const auto one = en.tokenize("recruitment");
  EXPECT_EQ(one.term(one.at(0)), "recruit");
  const auto start = en.tokenize(text.substr(0, 100));
  EXPECT_EQ(start.term(start.at(0)), tokens.term(tokens.at(0)));
  // The same word has the same vocabulary number in every text the tokenizer reads.
  EXPECT_EQ(start.at(0).term, tokens.at(0).term);
}

TEST(Tokenizer, MovesKeepTheStemmer) {
  Tokenizer a(Language::english);
  Tokenizer b = std::move(a);
  EXPECT_EQ(b.language(), Language::english);
  const auto tokens = b.tokenize("recruited");
  EXPECT_EQ(tokens.term(tokens.at(0)), "recruit");
}

}  // namespace
}  // namespace palermo::text
