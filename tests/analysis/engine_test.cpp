// The evaluation rules on small inline documents and a small inline model: scopes, partial evidence
// outside the offence, red flags that must not fire on unrelated provisions, the computed checks.
#include <gtest/gtest.h>

#include <filesystem>

#include "support.hpp"

using namespace palermo;
using namespace palermo::analysis;
using namespace palermo::analysis::testing;

namespace {

const char* const kModel = R"pal(model "Inline test model" version "t1"
obligation t.acts {
  instrument Protocol
  article "3(a)"
  title "Acts"
  class mandatory
  area definition
  statement "The acts."
  advice "List the acts."
  element recruitment "Recruitment" {
    scope offence-terms
    en `recruit*`
    es `capt* OR reclut*`
  }
  element harbouring "Harbouring" {
    scope offence-terms
    en `harbour*`
  }
  element forced-labour "Forced labour" {
    scope offence-terms
    en `"forced labour"`
  }
  red-flag movement-required "Movement across a border required" {
    scope offence
    en `across NEAR/3 border*`
    explain "No crossing is needed."
  }
}
obligation t.children {
  instrument Protocol
  article "3(c)"
  title "Children"
  class mandatory
  area definition
  statement "Children."
  element under-18 "Under eighteen" {
    scope offence-terms
    check child-under-18
  }
}
obligation t.offence {
  instrument Protocol
  article "5(1)"
  title "Offence"
  class mandatory
  area criminalization
  statement "Offence."
  element offence "An offence of trafficking" {
    scope offence
    check offence-exists
  }
  red-flag victims-restricted "Only women and children" {
    scope offence
    check victims-restricted
  }
}
obligation t.sanctions {
  instrument Protocol
  article "5(1)"
  title "Sanctions"
  class mandatory
  area sanctions
  statement "Serious crime."
  element threshold "Four years" {
    scope anywhere
    check penalty-threshold
  }
  red-flag fine-in-lieu "Fine in lieu" {
    scope offence
    check fine-in-lieu
  }
}
)pal";

const model::Model& inline_model() {
  static const model::Model m = [] {
    auto loaded = model::load_model_sources({model::ModelSource{"inline.pal", kModel}});
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.errors().front().format();
      return model::Model{};
    }
    return std::move(loaded).value();
  }();
  return m;
}

std::string act(const std::string& language, const std::string& body) {
  return R"(<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta>
<identification source="#s"><FRBRWork><FRBRthis value="/akn/xx/act/2020/1/!main"/><FRBRuri value="/akn/xx/act/2020/1"/>
<FRBRdate date="2020-01-01" name="Generation"/><FRBRauthor href="#s"/><FRBRcountry value="xx"/></FRBRWork>
<FRBRExpression><FRBRthis value="/akn/xx/act/2020/1/)" +
         language + R"(@2020-01-01/!main"/>
<FRBRuri value="/akn/xx/act/2020/1/)" +
         language + R"(@2020-01-01"/><FRBRdate date="2020-01-01" name="Generation"/>
<FRBRauthor href="#s"/><FRBRlanguage language=")" +
         language + R"("/></FRBRExpression></identification></meta>
<body>)" +
         body + "</body></act></akomaNtoso>";
}

CountryReport run(const std::string& xml) {
  auto doc = akn::read_document_from_memory(xml, "inline.xml");
  if (!doc.ok()) {
    ADD_FAILURE() << doc.errors().front().format();
    return {};
  }
  std::vector<akn::Document> docs{std::move(doc).value()};
  return analyze(docs, inline_model());
}

// A small act: definitions in s 1, the offence in s 2 (acts, means, purpose; child under 16; a
// two-year penalty with a fine as alternative), and an unrelated s 3 about goods crossing the border.
const std::string kAct = act("eng", R"(
<section eId="sec_1"><num>1.</num><heading>Definitions</heading><content><p>In this Act “exploitation” includes
forced labour and slavery; “child” means a person under the age of 16 years.</p></content></section>
<section eId="sec_2"><num>2.</num><heading>Trafficking in persons</heading>
<subsection eId="sec_2__subsec_1"><num>(1)</num><content><p>A person who recruits or transports any woman or child
by means of threat or force for the purpose of exploitation commits the offence of trafficking in persons.</p></content></subsection>
<subsection eId="sec_2__subsec_2"><num>(2)</num><content><p>A person convicted of an offence under subsection (1) is
liable to a fine not exceeding 1000 dollars or to imprisonment for a term not exceeding two years.</p></content></subsection>
</section>
<section eId="sec_3"><num>3.</num><heading>Warehouses</heading><content><p>A licensee who harbours goods carried
across the border shall keep a register.</p></content></section>)");

}  // namespace

TEST(Engine, EvidenceInTheOffenceAndThroughADefinedTerm) {
  CountryReport r = run(kAct);
  ASSERT_EQ(r.offences.size(), 1u);
  EXPECT_TRUE(r.offences[0].trafficking);
  EXPECT_EQ(r.offences[0].eid, "sec_2");
  const ElementFinding& recruitment = element(r, "t.acts", "recruitment");
  EXPECT_EQ(recruitment.status, Status::met);
  EXPECT_EQ(first_eid(recruitment), "sec_2__subsec_1");
  EXPECT_TRUE(recruitment.evidence.front().chain.empty());
  const ElementFinding& labour = element(r, "t.acts", "forced-labour");
  EXPECT_EQ(labour.status, Status::met);
  EXPECT_EQ(first_eid(labour), "sec_1");
  ASSERT_EQ(labour.evidence.front().chain.size(), 2u);
  EXPECT_EQ(labour.evidence.front().chain[0].kind, "offence");
  EXPECT_EQ(labour.evidence.front().chain[1].kind, "defined-term");
  EXPECT_NE(labour.reason.find("exploitation"), std::string::npos) << labour.reason;
}

// "A licensee who harbours goods" in a section about warehouses is not harbouring a person: words
// outside the offence count (as partial) only in a provision about trafficking or its victims.
TEST(Engine, WordsOutsideTheOffenceInAnUnrelatedProvisionAreNoEvidence) {
  CountryReport r = run(kAct);
  const ElementFinding& harbouring = element(r, "t.acts", "harbouring");
  EXPECT_EQ(harbouring.status, Status::gap);
  EXPECT_TRUE(harbouring.evidence.empty());
  EXPECT_NE(harbouring.reason.find("in the offence s 2"), std::string::npos) << harbouring.reason;
  EXPECT_EQ(obligation(r, "t.acts").status, Status::partial);
}

TEST(Engine, RedFlagIgnoresUnrelatedProvisions) {
  // "across the border" stands in s 3 (goods), not in the offence: no conflict.
  CountryReport r = run(kAct);
  const ElementFinding& movement = element(r, "t.acts", "movement-required");
  EXPECT_EQ(movement.status, Status::met);
  EXPECT_TRUE(movement.evidence.empty());
  EXPECT_NE(movement.reason.find("s 2"), std::string::npos) << movement.reason;
}

TEST(Engine, ComputedChecks) {
  CountryReport r = run(kAct);
  // The offence exists but protects only women and children: narrower than art 3, so partial,
  // with the reason named (the red flag below says the same as a conflict).
  const ElementFinding& offence = element(r, "t.offence", "offence");
  EXPECT_EQ(offence.status, Status::partial);
  EXPECT_NE(offence.reason.find("only women or children"), std::string::npos) << offence.reason;
  // "any woman or child": adult men are not protected.
  const ElementFinding& restricted = element(r, "t.offence", "victims-restricted");
  EXPECT_EQ(restricted.status, Status::conflict);
  EXPECT_EQ(first_eid(restricted), "sec_2__subsec_1");
  EXPECT_EQ(obligation(r, "t.offence").status, Status::conflict);
  // Two years: below the four years of a serious crime; the fine is an alternative.
  const ElementFinding& threshold = element(r, "t.sanctions", "threshold");
  EXPECT_EQ(threshold.status, Status::gap);
  EXPECT_EQ(first_eid(threshold), "sec_2__subsec_2");
  EXPECT_NE(threshold.reason.find("2 years"), std::string::npos) << threshold.reason;
  EXPECT_EQ(element(r, "t.sanctions", "fine-in-lieu").status, Status::conflict);
  // "child" means a person under the age of 16 years: a lower age leaves 16- and 17-year-olds out,
  // a gap (it was partial before the generalisation work; tests/labels/README.md reads it as a gap).
  const ElementFinding& age = element(r, "t.children", "under-18");
  EXPECT_EQ(age.status, Status::gap);
  EXPECT_NE(age.reason.find("lower than eighteen"), std::string::npos) << age.reason;
  EXPECT_EQ(first_eid(age), "sec_1");
}

TEST(Engine, NoTraffickingOffenceMeansOffenceScopedGaps) {
  CountryReport r = run(act("eng", R"(<section eId="sec_1"><num>1.</num><heading>Recruitment agencies</heading>
<content><p>A recruitment agency shall be registered.</p></content></section>)"));
  EXPECT_TRUE(r.offences.empty());
  const ElementFinding& recruitment = element(r, "t.acts", "recruitment");
  EXPECT_EQ(recruitment.status, Status::gap);
  EXPECT_EQ(recruitment.reason, "no provision creating a trafficking offence was found");
  EXPECT_EQ(element(r, "t.offence", "offence").status, Status::gap);
  EXPECT_EQ(element(r, "t.sanctions", "threshold").status, Status::gap);
}

TEST(Engine, SpanishDocumentUsesSpanishPatternsAndPenalty) {
  CountryReport r = run(act("spa", R"(<article eId="art_5"><num>Artículo 5</num><heading>Trata de personas</heading>
<content><p>El que capte, transporte, traslade, acoja o reciba a una persona, mediante amenaza o fuerza, con fines de
explotación, será sancionado con pena de prisión de cinco a quince años.</p></content></article>)"));
  ASSERT_EQ(r.offences.size(), 1u);
  EXPECT_TRUE(r.offences[0].trafficking);
  EXPECT_DOUBLE_EQ(r.offences[0].min_years, 5);
  EXPECT_DOUBLE_EQ(r.offences[0].max_years, 15);
  const ElementFinding& recruitment = element(r, "t.acts", "recruitment");
  EXPECT_EQ(recruitment.status, Status::met);
  EXPECT_EQ(first_eid(recruitment), "art_5");
  ASSERT_FALSE(recruitment.evidence.empty());
  EXPECT_EQ(recruitment.evidence.front().language, "es");
  EXPECT_EQ(element(r, "t.sanctions", "threshold").status, Status::met);
  EXPECT_EQ(element(r, "t.sanctions", "fine-in-lieu").status, Status::met);
}

TEST(Engine, PenaltyByReferenceAndCitedProvisionsInScope) {
  // The offence states no penalty of its own: it points to s 5, and its purposes are in s 4.
  CountryReport r = run(act("eng", R"x(
<section eId="sec_2"><num>2.</num><heading>Trafficking in persons</heading><content><p>A person who recruits,
transports or receives another person by threat or fraud for a purpose listed in section 4 commits the offence of
trafficking in persons for the purpose of exploitation and is liable to the penalty in section 5.</p></content></section>
<section eId="sec_4"><num>4.</num><heading>Purposes</heading><content><p>The purposes are forced labour, slavery
and servitude.</p></content></section>
<section eId="sec_5"><num>5.</num><heading>Penalties</heading><content><p>The penalty is imprisonment for a term
not exceeding twelve years.</p></content></section>)x"));
  ASSERT_FALSE(r.offences.empty());
  EXPECT_DOUBLE_EQ(r.offences[0].max_years, 12);
  const ElementFinding& threshold = element(r, "t.sanctions", "threshold");
  EXPECT_EQ(threshold.status, Status::met);
  EXPECT_EQ(first_eid(threshold), "sec_5");
  EXPECT_NE(threshold.reason.find("by reference"), std::string::npos) << threshold.reason;
  const ElementFinding& labour = element(r, "t.acts", "forced-labour");
  EXPECT_EQ(labour.status, Status::met);
  EXPECT_EQ(first_eid(labour), "sec_4");
  ASSERT_FALSE(labour.evidence.front().chain.empty());
  EXPECT_EQ(labour.evidence.front().chain.back().kind, "cross-reference");
  EXPECT_NE(labour.evidence.front().chain.back().label.find("section 4"), std::string::npos);
}

namespace palermo::analysis {
namespace {

// A definitions list that gives the term and a colon, no verb ("« exploitation » : ..."): the
// definition still carries the forms of exploitation into the offence that uses the term.
TEST(Engine, DefinitionWithAColonCarriesItsContent) {
  const char* xml =
      R"(<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><meta><identification source="#s">
<FRBRWork><FRBRthis value="/akn/zz/act/2020/9/!main"/><FRBRuri value="/akn/zz/act/2020/9"/><FRBRdate date="2020-01-01" name="g"/><FRBRauthor href="#s"/><FRBRcountry value="zz"/></FRBRWork>
<FRBRExpression><FRBRthis value="/akn/zz/act/2020/9/fra@/!main"/><FRBRuri value="/akn/zz/act/2020/9/fra@"/><FRBRdate date="2020-01-01" name="g"/><FRBRauthor href="#s"/><FRBRlanguage language="fra"/></FRBRExpression>
<FRBRManifestation><FRBRthis value="/akn/zz/act/2020/9/fra@/!main.xml"/><FRBRuri value="/akn/zz/act/2020/9/fra@.akn"/><FRBRdate date="2020-01-01" name="g"/><FRBRauthor href="#s"/></FRBRManifestation>
</identification></meta><body>
<article eId="art_1"><num>Article 1</num><heading>Définitions</heading><paragraph eId="art_1__para_1"><content><p>« exploitation » : la réduction en esclavage ou en servitude, le travail ou les services forcés, le prélèvement d'organes, l'exploitation de la prostitution d'autrui.</p></content></paragraph></article>
<article eId="art_2"><num>Article 2</num><heading>Traite</heading><content><p>Constitue la traite des êtres humains le fait de recruter, de transporter, de transférer, d'héberger ou d'accueillir une personne, par la menace ou la contrainte, à des fins d'exploitation. Elle est punie de dix ans d'emprisonnement.</p></content></article>
</body></act></akomaNtoso>)";
  auto doc = akn::read_document_from_memory(xml, "colon.xml");
  ASSERT_TRUE(doc.ok()) << doc.errors().front().format();
  auto model = model::load_model(std::string(PALERMO_SOURCE_DIR) + "/protocol-model");
  ASSERT_TRUE(model.ok());
  std::vector<akn::Document> docs;
  docs.push_back(std::move(doc).value());
  CountryReport r = analyze(docs, *model);
  const ObligationFinding* purpose = nullptr;
  for (const auto& f : r.findings)
    if (f.id == "def.purpose") purpose = &f;
  ASSERT_NE(purpose, nullptr);
  for (const auto& el : purpose->elements) {
    if (el.id != "organ-removal" && el.id != "servitude") continue;
    EXPECT_EQ(el.status, Status::met) << el.id << ": " << el.reason;
    ASSERT_FALSE(el.evidence.empty());
    EXPECT_EQ(el.evidence.front().eid, "art_1__para_1");
  }
}

}  // namespace
}  // namespace palermo::analysis

// Issue 12: countries analysed side by side on several threads give exactly the reports one thread
// gives, in the order the countries were given.
TEST(Engine, CountriesAnalysedInParallelGiveTheSameReports) {
  std::vector<std::vector<akn::Document>> countries;
  for (const char* path : {"corpus/xa", "corpus/na", "corpus/cm", "corpus/ch", "corpus/xd", "corpus/rw"}) {
    std::vector<akn::Document> docs;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(PALERMO_SOURCE_DIR) + "/" + path)) {
      if (entry.path().extension() != ".xml" || entry.path().filename().string().find("_bill_") != std::string::npos)
        continue;
      auto doc = akn::read_document(entry.path().string());
      ASSERT_TRUE(doc) << entry.path();
      docs.push_back(std::move(doc).value());
    }
    countries.push_back(std::move(docs));
  }
  std::vector<const std::vector<akn::Document>*> inputs;
  for (const auto& c : countries) inputs.push_back(&c);
  const model::Model& model = project_model();
  const auto parallel = analyze_countries(inputs, model, {}, 3);
  ASSERT_EQ(parallel.size(), countries.size());
  for (std::size_t i = 0; i < countries.size(); ++i) {
    const CountryReport one = analyze(countries[i], model);
    EXPECT_EQ(parallel[i].country, one.country);
    ASSERT_EQ(parallel[i].findings.size(), one.findings.size());
    for (std::size_t f = 0; f < one.findings.size(); ++f) {
      EXPECT_EQ(parallel[i].findings[f].status, one.findings[f].status) << one.country << " " << one.findings[f].id;
      EXPECT_EQ(parallel[i].findings[f].reason, one.findings[f].reason) << one.country << " " << one.findings[f].id;
    }
  }
}

// A language code palermo does not know ("esp", a slip for "spa" seen in published AKN) does not
// leave a Spanish law unread: its words show the language. Greek or Romanian text stays unread.
TEST(Engine, AnUnknownLanguageCodeIsReadInTheLanguageTheWordsShow) {
  const std::string xml = R"(<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act">
<meta><identification source="#x"><FRBRWork><FRBRthis value="/akn/sv/act/2005/1/!main"/><FRBRuri value="/akn/sv/act/2005/1"/>
<FRBRdate date="2005-01-01" name="Generation"/><FRBRauthor href="#x"/><FRBRcountry value="sv"/></FRBRWork>
<FRBRExpression><FRBRthis value="/akn/sv/act/2005/1/esp@/!main"/><FRBRuri value="/akn/sv/act/2005/1/esp@"/>
<FRBRdate date="2005-01-01" name="Generation"/><FRBRauthor href="#x"/><FRBRlanguage language="esp"/></FRBRExpression>
<FRBRManifestation><FRBRthis value="/akn/sv/act/2005/1/esp@/!main.xml"/><FRBRuri value="/akn/sv/act/2005/1/esp@.akn"/>
<FRBRdate date="2005-01-01" name="Generation"/><FRBRauthor href="#x"/></FRBRManifestation></identification></meta>
<body><article eId="art_1"><num>Art. 1.</num><content><p>Comete el delito de trata de personas quien capte, transporte,
traslade, acoja o reciba a una o más personas con fines de explotación sexual, trabajos forzados o esclavitud, y será
sancionado con pena de prisión de ocho a doce años. La persona que por cualquier medio facilite la comisión del delito
será sancionada con la misma pena que el autor, y la pena se aumentará en una tercera parte cuando la víctima sea una
niña, niño o adolescente de menos de dieciocho años.</p></content></article></body></act></akomaNtoso>)";
  auto doc = akn::read_document_from_memory(xml, "sv.xml");
  ASSERT_TRUE(doc) << doc.errors().front().format();
  const CountryReport r = analyze({doc.value()}, project_model());
  EXPECT_TRUE(r.not_assessed.empty());
  ASSERT_FALSE(r.offences.empty());
  EXPECT_TRUE(r.offences.front().trafficking);
}
