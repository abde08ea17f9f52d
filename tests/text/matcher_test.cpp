// Tests of the matcher's FTS5 semantics with hand-built pattern trees (the grammar is not linked
// here; tests/matching/ covers parse() + match end to end).
#include <gtest/gtest.h>

#include "shared_files.hpp"

#include <sstream>

#include "text/matcher.hpp"
#include "text/text_test_util.hpp"

namespace palermo::text {
namespace {

using Kind = pattern::Node::Kind;
using pattern::Node;

// "forced lab*" -> a phrase node of those words, as the grammar would build it.
Node phrase(const std::string& words) {
  Node n;
  std::istringstream in(words);
  for (std::string w; in >> w;) n.words.push_back(w);
  return n;
}
Node op(Kind kind, std::vector<Node> children, int distance = 10) {
  Node n;
  n.kind = kind;
  n.children = std::move(children);
  n.distance = distance;
  return n;
}

struct Doc {
  Doc(std::string t, Language lang) : text(std::move(t)), tokenizer(lang), indexed(tokenizer.tokenize(text)) {}
  Match find(const Node& n) const { return match(compile(n, tokenizer), indexed); }
  bool found(const Node& n) const {
    const bool fast = matches(compile(n, tokenizer), indexed);
    EXPECT_EQ(fast, find(n).matched) << "matches() and match() disagree";
    return fast;
  }
  std::vector<std::string> highlighted(const Node& n) const {
    std::vector<std::string> out;
    for (const auto& [b, e] : find(n).spans) out.push_back(text.substr(b, e - b));
    return out;
  }
  std::string text;
  Tokenizer tokenizer;
  IndexedText indexed;
};

using Strings = std::vector<std::string>;

TEST(Matcher, PhraseIsConsecutiveStems) {
  Doc d("A person who subjects another to forced labour, or to labour forced upon them.", Language::english);
  EXPECT_TRUE(d.found(phrase("forced labour")));
  EXPECT_TRUE(d.found(phrase("force labours")));  // stems meet
  EXPECT_TRUE(d.found(phrase("labour forced")));
  EXPECT_FALSE(d.found(phrase("forced upon labour")));
  EXPECT_EQ(d.highlighted(phrase("forced labour")), (Strings{"forced labour"}));
}

// Provisions are flattened with a line break between them; a phrase never runs from one list item
// into the next ("(c) slavery ...;\n(d) servitude" is not "slavery servitude"), while NEAR may.
TEST(Matcher, PhrasesStopAtALineBreakNearDoesNot) {
  Doc d("(c) slavery or practices similar to slavery;\n(d) servitude, including domestic servitude;",
        Language::english);
  EXPECT_FALSE(d.found(phrase("slavery servitude")));
  EXPECT_TRUE(d.found(phrase("domestic servitude")));
  EXPECT_TRUE(d.found(op(Kind::near, {phrase("slavery"), phrase("servitude")}, 2)));
  Doc heading("Trafficking in persons\nA person who recruits another", Language::english);
  EXPECT_FALSE(heading.found(phrase("persons a person")));
  EXPECT_TRUE(heading.found(phrase("a person who recruits")));
}

TEST(Matcher, PrefixMatchesFoldedFormOrStem) {
  Doc d("Trafficking in persons; the VULNERABILITY of victims; exploitation.", Language::english);
  EXPECT_TRUE(d.found(phrase("traffick*")));
  EXPECT_TRUE(d.found(phrase("vulnerab*")));  // folded "vulnerability" (the stem is "vulner")
  EXPECT_TRUE(d.found(phrase("exploit*")));
  EXPECT_FALSE(d.found(phrase("exploitative*")));
  EXPECT_TRUE(d.found(phrase("in pers*")));
  EXPECT_EQ(d.highlighted(phrase("vulnérab*")), (Strings{"VULNERABILITY"}));
}

// The document of FTS5's own NEAR examples: A B C D x x x E F x.
class Near : public ::testing::Test {
 protected:
  Doc d{"alpha bravo charlie delta x x x echo foxtrot x", Language::other};
};

TEST_F(Near, DistanceCountsTokensBetweenTheOccurrences) {
  EXPECT_TRUE(d.found(op(Kind::near, {phrase("echo"), phrase("delta")}, 4)));
  EXPECT_TRUE(d.found(op(Kind::near, {phrase("echo"), phrase("delta")}, 3)));
  EXPECT_FALSE(d.found(op(Kind::near, {phrase("echo"), phrase("delta")}, 2)));
  EXPECT_TRUE(d.found(op(Kind::near, {phrase("delta"), phrase("echo")}, 3)));  // any order
}

TEST_F(Near, PhrasesCountByTheirEnds) {
  EXPECT_TRUE(d.found(op(Kind::near, {phrase("charlie delta"), phrase("echo foxtrot")}, 3)));
  EXPECT_FALSE(d.found(op(Kind::near, {phrase("charlie"), phrase("echo foxtrot")}, 3)));
}

TEST_F(Near, MiddlePhrasesCountAsInterveningTokens) {
  EXPECT_TRUE(d.found(op(Kind::near, {phrase("alpha"), phrase("delta"), phrase("echo")}, 6)));
  EXPECT_FALSE(d.found(op(Kind::near, {phrase("alpha"), phrase("delta"), phrase("echo")}, 5)));
}

TEST_F(Near, AdjacentIsDistanceZeroAndAbsentPhraseFails) {
  EXPECT_TRUE(d.found(op(Kind::near, {phrase("bravo"), phrase("charlie")}, 0)));
  EXPECT_FALSE(d.found(op(Kind::near, {phrase("bravo"), phrase("delta")}, 0)));
  EXPECT_FALSE(d.found(op(Kind::near, {phrase("bravo"), phrase("golf")}, 100)));
  EXPECT_EQ(d.highlighted(op(Kind::near, {phrase("echo"), phrase("delta")}, 3)), (Strings{"delta", "echo"}));
}

TEST_F(Near, ChoosesTheOccurrenceThatFits) {
  Doc many{"x a x x x x x x x x x x b x x a", Language::other};
  EXPECT_TRUE(many.found(op(Kind::near, {phrase("a"), phrase("b")}, 2)));
  EXPECT_FALSE(many.found(op(Kind::near, {phrase("a"), phrase("b")}, 1)));
}

TEST(Matcher, BooleanOperators) {
  Doc d("The consent of a victim is irrelevant where any of the means has been used.", Language::english);
  const Node consent = phrase("consent");
  const Node irrelevant = phrase("irrelevant");
  const Node child = phrase("child");
  EXPECT_TRUE(d.found(op(Kind::all_of, {consent, irrelevant})));
  EXPECT_FALSE(d.found(op(Kind::all_of, {consent, child})));
  EXPECT_TRUE(d.found(op(Kind::any_of, {child, irrelevant})));
  EXPECT_FALSE(d.found(op(Kind::any_of, {child, phrase("minor")})));
  EXPECT_TRUE(d.found(op(Kind::except, {consent, child})));
  EXPECT_FALSE(d.found(op(Kind::except, {consent, irrelevant})));
  // "consent of a victim is irrelevant": four words between.
  EXPECT_TRUE(
      d.found(op(Kind::all_of, {op(Kind::except, {consent, child}), op(Kind::near, {consent, irrelevant}, 4)})));
  EXPECT_FALSE(
      d.found(op(Kind::all_of, {op(Kind::except, {consent, child}), op(Kind::near, {consent, irrelevant}, 3)})));
}

TEST(Matcher, SpansFollowWhatContributed) {
  Doc d("abuse of power, abuse of trust and a further abuse of power", Language::english);
  // A phrase: every occurrence. An all_of: the first occurrence of each child.
  EXPECT_EQ(d.highlighted(phrase("abuse of power")), (Strings{"abuse of power", "abuse of power"}));
  EXPECT_EQ(d.highlighted(op(Kind::all_of, {phrase("abuse"), phrase("trust")})), (Strings{"abuse", "trust"}));
  // An any_of: every child that matched; NOT contributes nothing; overlapping ranges merge.
  EXPECT_EQ(d.highlighted(op(Kind::any_of, {phrase("trust"), phrase("fraud")})), (Strings{"trust"}));
  EXPECT_EQ(d.highlighted(op(Kind::except, {phrase("trust"), phrase("fraud")})), (Strings{"trust"}));
  EXPECT_EQ(d.highlighted(op(Kind::any_of, {phrase("abuse of"), phrase("of trust")})),
            (Strings{"abuse of", "abuse of trust", "abuse of"}));
  EXPECT_TRUE(d.highlighted(op(Kind::all_of, {phrase("abuse"), phrase("fraud")})).empty());
}

TEST(Matcher, SpansAreBounded) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "victim and ";
  Doc d(text, Language::english);
  const Match m = d.find(phrase("victim"));
  EXPECT_TRUE(m.matched);
  EXPECT_EQ(m.spans.size(), Match::kMaxOccurrences);
}

TEST(Matcher, FrenchPhraseFoldsAccentsButKeepsWords) {
  Doc d("La traite des etres humains est punie. TRAITE D'ÊTRES HUMAINS.", Language::french);
  EXPECT_TRUE(d.found(phrase("traite des êtres humains")));
  // "des" and "d" are different words: the elided form is not the same phrase.
  Doc elided("Traite d’êtres humains aggravée.", Language::french);
  EXPECT_FALSE(elided.found(phrase("traite des êtres humains")));
  EXPECT_TRUE(elided.found(phrase("traite d'êtres humains")));
  EXPECT_TRUE(elided.found(phrase("traite d êtres humains")));
}

TEST(Matcher, WrittenWordsThatSplitBecomePhrases) {
  Doc d("mutual legal assistance and co-operation between States", Language::english);
  EXPECT_TRUE(d.found(phrase("co-operation")));
  EXPECT_TRUE(d.found(phrase("co operation")));
  EXPECT_FALSE(d.found(phrase("cooperation")));
}

TEST(Matcher, EmptyPhraseNeverMatches) {
  Doc d("anything at all", Language::english);
  EXPECT_FALSE(d.found(phrase("—")));
  EXPECT_FALSE(d.found(op(Kind::any_of, {})));
}

TEST(IndexedText, PositionsByTermAndPrefix) {
  Tokenizer tok(Language::english);
  IndexedText t(tok.tokenize("recruits recruitment transport recruited"));
  const auto recruit = t.positions_of("recruit");
  EXPECT_EQ(std::vector<std::uint32_t>(recruit.begin(), recruit.end()), (std::vector<std::uint32_t>{0, 1, 3}));
  EXPECT_TRUE(t.positions_of("harbour").empty());
  EXPECT_EQ(t.positions_with_prefix("recruitm"), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(t.positions_with_prefix("r"), (std::vector<std::uint32_t>{0, 1, 3}));
  IndexedText moved = std::move(t);  // the index refers into the tokens: it must survive a move
  EXPECT_EQ(moved.positions_of("transport").size(), 1u);
  EXPECT_EQ(moved.positions_with_prefix("recruitm"), (std::vector<std::uint32_t>{1}));
}

TEST(Matcher, AbuseNearVulnerabilityInNamibiasAct) {
  SKIP_WITHOUT_SHARED(PALERMO_SHARED_DIR);
  const std::string text = testing::read_shared("statutes/text/na_act_2018_1_combating-of-trafficking-in-persons.txt");
  ASSERT_FALSE(text.empty());
  Doc d(text, Language::english);
  const Node pattern = op(Kind::near, {phrase("abuse"), phrase("vulnerability")}, 5);
  const Match m = d.find(pattern);
  ASSERT_TRUE(m.matched);
  ASSERT_EQ(m.spans.size(), 2u);
  EXPECT_EQ(fold(text.substr(m.spans[0].first, m.spans[0].second - m.spans[0].first)), "abuse");
  EXPECT_EQ(fold(text.substr(m.spans[1].first, m.spans[1].second - m.spans[1].first)), "vulnerability");
  // Its closest pair is "abuse of position of vulnerability": three words between.
  EXPECT_TRUE(d.found(op(Kind::near, {phrase("abuse"), phrase("vulnerability")}, 3)));
  EXPECT_FALSE(d.found(op(Kind::near, {phrase("abuse"), phrase("vulnerability")}, 2)));
}

}  // namespace
}  // namespace palermo::text
