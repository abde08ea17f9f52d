// Every construct of the model language (protocol-model/LANGUAGE.md) parses into the model it means.
#include <gtest/gtest.h>

#include "grammars/model/parse.hpp"
#include "model/model.hpp"
#include "model_test_support.hpp"

namespace palermo::model {
namespace {

using testing::kHeader;
using testing::load_text;

const char* const kFullObligation = R"PAL(# A comment before everything.
model "Palermo Protocol with UNTOC" version "2026.11"   # trailing comment

synonyms child_en `child* OR minor*
                   OR juvenile*`

obligation tip.3a.acts {
  instrument Protocol
  article    "3(a)"
  title      "Acts: recruitment, transportation"   # comment after a string with a # inside? no
  class      mandatory
  area       definition
  statement  "The offence must cover
              each of the five acts, \"quoted\" and a back\\slash."
  advice     "List all five acts."

  element recruitment "Recruitment" {
    scope offence-terms
    en `recruit* OR enlist* OR hire*`
    fr `recrut* OR enrol*`
    es `capt* OR reclut* OR enganch*`
    pt `recrut*`
    note "Hiring and enlisting are recruitment in substance."
  }

  red-flag movement-required "Movement across a border required" {
    scope offence
    en `across NEAR/4 border* OR "outside the country"`
    explain "The offence is complete without any crossing of a border."
  }

  element children "Children" {
    scope anywhere
    en `$child_en AND recruit*`
    fr `enfant*`
    es `nino*`
  }

  element threshold "Maximum penalty of at least four years" {
    scope anywhere
    check penalty-threshold
  }
}
)PAL";

TEST(ModelGrammar, EveryConstructParses) {
  std::vector<Diagnostic> warnings;
  auto loaded = load_text(kFullObligation, &warnings);
  ASSERT_TRUE(loaded.ok()) << loaded.errors().front().format();
  const Model& m = *loaded;
  EXPECT_EQ(m.name, "Palermo Protocol with UNTOC");
  EXPECT_EQ(m.version, "2026.11");
  EXPECT_EQ(m.synonyms.at("child_en"), "child* OR minor* OR juvenile*");
  ASSERT_EQ(m.obligations.size(), 1u);
  const Obligation& o = m.obligations[0];
  EXPECT_EQ(o.id, "tip.3a.acts");
  EXPECT_EQ(o.instrument, "Protocol");
  EXPECT_EQ(o.article, "3(a)");
  EXPECT_EQ(o.title, "Acts: recruitment, transportation");
  EXPECT_EQ(o.klass, ObligationClass::mandatory);
  EXPECT_EQ(o.area, Area::definition);
  // Line breaks (and the indentation around them) fold to one space; escapes are resolved.
  EXPECT_EQ(o.statement, "The offence must cover each of the five acts, \"quoted\" and a back\\slash.");
  EXPECT_EQ(o.advice, "List all five acts.");
  EXPECT_EQ(o.where.file, "test.pal");
  EXPECT_EQ(o.where.line, 7);
  EXPECT_EQ(o.where.column, 12);

  ASSERT_EQ(o.elements.size(), 3u);
  const Element& recruitment = o.elements[0];
  EXPECT_EQ(recruitment.id, "recruitment");
  EXPECT_EQ(recruitment.title, "Recruitment");
  EXPECT_EQ(recruitment.scope, Scope::offence_terms);
  ASSERT_EQ(recruitment.patterns.size(), 4u);
  EXPECT_EQ(recruitment.patterns[0].language, "en");
  EXPECT_EQ(recruitment.patterns[0].source, "recruit* OR enlist* OR hire*");
  EXPECT_EQ(recruitment.patterns[0].node.kind, pattern::Node::Kind::any_of);
  EXPECT_EQ(recruitment.patterns[0].node.children.size(), 3u);
  EXPECT_EQ(recruitment.patterns[0].where.line, 19);
  EXPECT_EQ(recruitment.patterns[0].where.column, 8);
  EXPECT_EQ(recruitment.patterns[3].language, "pt");
  EXPECT_EQ(recruitment.explanation, "Hiring and enlisting are recruitment in substance.");
  EXPECT_EQ(recruitment.where.line, 17);

  // `$child_en` is expanded as a parenthesised group before the pattern is parsed.
  const Element& children = o.elements[1];
  EXPECT_EQ(children.scope, Scope::anywhere);
  EXPECT_EQ(children.patterns[0].source, "$child_en AND recruit*");
  auto expanded = pattern::parse("(child* OR minor* OR juvenile*) AND recruit*");
  ASSERT_TRUE(expanded.ok());
  EXPECT_EQ(children.patterns[0].node, *expanded);

  const Element& threshold = o.elements[2];
  EXPECT_TRUE(threshold.patterns.empty());
  EXPECT_EQ(threshold.check, "penalty-threshold");

  ASSERT_EQ(o.red_flags.size(), 1u);
  EXPECT_EQ(o.red_flags[0].id, "movement-required");
  EXPECT_EQ(o.red_flags[0].scope, Scope::offence);
  EXPECT_EQ(o.red_flags[0].explanation, "The offence is complete without any crossing of a border.");
  EXPECT_EQ(o.red_flags[0].patterns[0].node.kind, pattern::Node::Kind::any_of);
  EXPECT_EQ(o.red_flags[0].patterns[0].node.children.at(0).kind, pattern::Node::Kind::near);

  // Every element with patterns covers en, fr and es, and 3(a) exists: no warnings.
  for (const auto& w : warnings) ADD_FAILURE() << w.format();
}

TEST(ModelGrammar, FieldsComeInAnyOrderAndEveryClassAreaAndScopeIsKnown) {
  const std::vector<std::pair<std::string, ObligationClass>> classes = {
      {"mandatory", ObligationClass::mandatory},
      {"qualified", ObligationClass::qualified},
      {"endeavour", ObligationClass::endeavour},
      {"consider", ObligationClass::consider},
      {"good-practice", ObligationClass::good_practice}};
  const std::vector<std::pair<std::string, Area>> areas = {
      {"definition", Area::definition},  {"criminalization", Area::criminalization},
      {"sanctions", Area::sanctions},    {"jurisdiction", Area::jurisdiction},
      {"victims", Area::victims},        {"prevention", Area::prevention},
      {"cooperation", Area::cooperation}};
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const auto& [klass_name, klass] = classes[i % classes.size()];
    const auto& [area_name, area] = areas[i];
    std::string text = std::string(kHeader) +
                       "obligation x.y {\n  element e \"E\" { check offence-exists scope anywhere }\n"
                       "  area " +
                       area_name + "\n  statement \"S\"\n  class " + klass_name +
                       "\n  title \"T\"\n  article \"6(2)(b)\"\n  instrument UNTOC\n}\n";
    auto loaded = load_text(text);
    ASSERT_TRUE(loaded.ok()) << loaded.errors().front().format();
    EXPECT_EQ(loaded->obligations[0].klass, klass);
    EXPECT_EQ(loaded->obligations[0].area, area);
    EXPECT_EQ(loaded->obligations[0].instrument, "UNTOC");
    EXPECT_EQ(loaded->obligations[0].elements[0].scope, Scope::anywhere);
  }
}

TEST(ModelGrammar, ModelSpreadOverFilesSharesSynonymsAndKeepsFileOrder) {
  std::vector<ModelSource> sources = {
      {"a.pal",
       "obligation b.one {\n instrument CoE article \"4(a)\" title \"T\" class good-practice\n"
       " area definition statement \"S\"\n element e \"E\" { scope offence en `$later` fr `x` es `y` }\n}\n"},
      {"b.pal", std::string(kHeader) + "synonyms later `exploit* OR abus*`\n"},
  };
  auto loaded = load_model_sources(sources);
  ASSERT_TRUE(loaded.ok()) << loaded.errors().front().format();
  EXPECT_EQ(loaded->files, (std::vector<std::string>{"a.pal", "b.pal"}));
  EXPECT_EQ(loaded->obligations[0].elements[0].patterns[0].node.kind, pattern::Node::Kind::any_of);
}

TEST(ModelGrammar, MultiLinePatternKeepsItsWordsAndStartPosition) {
  std::string text = std::string(kHeader) +
                     "obligation m.l {\n instrument Protocol article \"5(2)(c)\" title \"T\" class mandatory\n"
                     " area criminalization statement \"S\"\n element e \"E\" {\n  scope offence\n"
                     "  en `organi* NEAR/3 other*\n      OR direct*\n      OR \"orders another\"`\n"
                     "  fr `organis*` es `organiz*`\n }\n}\n";
  auto loaded = load_text(text);
  ASSERT_TRUE(loaded.ok()) << loaded.errors().front().format();
  const Pattern& p = loaded->obligations[0].elements[0].patterns[0];
  EXPECT_EQ(p.source, "organi* NEAR/3 other* OR direct* OR \"orders another\"");
  EXPECT_EQ(p.where.line, 7);
  EXPECT_EQ(p.where.column, 6);
  ASSERT_EQ(p.node.kind, pattern::Node::Kind::any_of);
  EXPECT_EQ(p.node.children.size(), 3u);
}

TEST(ModelGrammar, SyntaxTreeKnowsWhereEveryNodeStarts) {
  auto tree =
      parse_model_source("model \"M\" version \"1\"\n\n  obligation a.b {\n    class   mandatory\n  }\n", "f.pal");
  ASSERT_TRUE(tree.ok());
  ASSERT_EQ(tree->size(), 2u);
  const auto& obligation = boost::get<ast::Obligation>(tree->at(1).get());
  EXPECT_EQ(obligation.line, 3);
  EXPECT_EQ(obligation.column, 3);
  EXPECT_EQ(obligation.id.column, 14);
  const auto& field = boost::get<ast::Field>(obligation.entries.at(0).get());
  EXPECT_EQ(field.key.line, 4);
  EXPECT_EQ(field.value.column, 13);
  EXPECT_EQ(field.value.text, "mandatory");
}

// The round trip of the model's own patterns: source -> Node -> to_string -> parse gives the same Node.
TEST(ModelGrammar, PatternsOfTheShippedModelRoundTrip) {
  auto loaded = load_model("");
  ASSERT_TRUE(loaded.ok()) << loaded.errors().front().format();
  std::size_t checked = 0;
  for (const auto& o : loaded->obligations)
    for (const auto* list : {&o.elements, &o.red_flags})
      for (const auto& e : *list)
        for (const auto& p : e.patterns) {
          std::string canonical = pattern::to_string(p.node);
          auto again = pattern::parse(canonical);
          ASSERT_TRUE(again.ok()) << o.id << "/" << e.id << ": " << canonical << "\n"
                                  << again.errors().front().format();
          EXPECT_EQ(*again, p.node) << o.id << "/" << e.id << " " << p.language << ": " << p.source << "\n -> "
                                    << canonical;
          ++checked;
        }
  EXPECT_GT(checked, 100u);
}

}  // namespace
}  // namespace palermo::model

// Lexicons: the analysis' own vocabulary in the model (05-lexicon.pal), checked like the rest.
TEST(ModelGrammar, LexiconBlocksParseAndAreChecked) {
  const char* text = R"pal(model "t" version "1"
lexicon offence-formula {
  note "Words that create an offence."
  en `"commits an offence" OR guilty NEAR/4 offence`
  fr `"est puni"`
}
)pal";
  auto loaded = palermo::model::load_model_sources({palermo::model::ModelSource{"lex.pal", text}});
  ASSERT_TRUE(loaded.ok()) << loaded.errors().front().format();
  const auto& lex = loaded.value().lexicons.at("offence-formula");
  EXPECT_EQ(lex.patterns.size(), 2u);
  EXPECT_EQ(lex.note, "Words that create an offence.");
  // The lexicons this model lacks come from palermo's own, so a small model still finds offences.
  EXPECT_TRUE(loaded.value().lexicons.count("offence-name"));
  EXPECT_NE(std::find(loaded.value().borrowed_lexicons.begin(), loaded.value().borrowed_lexicons.end(), "offence-name"),
            loaded.value().borrowed_lexicons.end());

  auto bad = palermo::model::load_model_sources({palermo::model::ModelSource{
      "bad.pal", "model \"t\" version \"1\"\nlexicon offence-name {\n  de `Menschenhandel`\n}\n"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.errors().front().format().find("unknown language 'de'"), std::string::npos)
      << bad.errors().front().format();
  EXPECT_EQ(bad.errors().front().line, 3);
}

TEST(ModelGrammar, PartialPatternsAndRoles) {
  const char* text = R"pal(model "t" version "1"
obligation t.x {
  instrument Protocol
  article "5(2)(c)"
  title "Organizing"
  class mandatory
  area criminalization
  statement "Organizing."
  element organizing "Organizing" {
    scope anywhere
    roles "offence proceedings"
    en `organis* NEAR/3 direct*`
    partial-en `incit*`
  }
}
)pal";
  auto loaded = palermo::model::load_model_sources({palermo::model::ModelSource{"p.pal", text}});
  ASSERT_TRUE(loaded.ok()) << loaded.errors().front().format();
  const auto& e = loaded.value().obligations.front().elements.front();
  ASSERT_EQ(e.partial_patterns.size(), 1u);
  EXPECT_EQ(e.partial_patterns.front().language, "en");
  EXPECT_EQ(e.roles, (std::vector<std::string>{"offence", "proceedings"}));
  std::string wrong = text;
  wrong.replace(wrong.find("offence proceedings"), 19, "offence procedings");
  auto bad = palermo::model::load_model_sources({palermo::model::ModelSource{"p.pal", wrong}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.errors().front().format().find("unknown role 'procedings'"), std::string::npos);
  EXPECT_NE(bad.errors().front().format().find("did you mean"), std::string::npos) << bad.errors().front().format();
}
