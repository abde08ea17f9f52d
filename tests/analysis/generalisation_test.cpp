// Generalisation: palermo's findings on small statutes drafted for this test in the styles of other
// legislatures (UK Modern Slavery Act, Spanish Código Penal art 177 bis, a Latin American special
// law, a Belgian-style French penal code, a Caribbean act with a separate child subsection,
// and a West African francophone special law). The texts are our own paraphrases, not the law
// of any State. Each test asserts what a careful legal reading concludes, and only where palermo
// agrees with that reading; known analysis shortcomings are described in comments instead.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support.hpp"

using namespace palermo;
using namespace palermo::analysis;
using namespace palermo::analysis::testing;

namespace {

const char* const kUk = R"akn(<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta><identification source="#x">
<FRBRWork><FRBRthis value="/akn/zz/act/2020/2/!main"/><FRBRuri value="/akn/zz/act/2020/2"/><FRBRdate date="2020-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRcountry value="zz"/><FRBRname value="Modern Slavery Act"/></FRBRWork>

<FRBRExpression><FRBRthis value="/akn/zz/act/2020/2/eng@2020-01-01/!main"/><FRBRuri value="/akn/zz/act/2020/2/eng@2020-01-01"/><FRBRdate date="2020-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRlanguage language="eng"/></FRBRExpression>

<FRBRManifestation><FRBRthis value="/akn/zz/act/2020/2/eng@2020-01-01/!main.xml"/><FRBRuri value="/akn/zz/act/2020/2/eng@2020-01-01.akn"/><FRBRdate date="2020-01-01" name="transform"/><FRBRauthor href="#x"/></FRBRManifestation>

</identification></meta><body>
<section eId="sec_2"><num>2</num><heading>Human trafficking</heading>
<content>
<p>(1) A person (&quot;A&quot;) commits an offence if A arranges or facilitates the travel of another person (&quot;V&quot;) with a view to V being exploited.</p>
<p>(2) It is irrelevant whether V consents to the travel (whether V is an adult or a child).</p>
<p>(3) A may in particular arrange or facilitate the travel of V by recruiting V, transporting or transferring V, harbouring or receiving V, or transferring or exchanging control over V.</p>
<p>(4) A arranges or facilitates the travel of V with a view to V being exploited only if A intends to exploit V in any part of the world during or after the travel, or A knows or ought to know that another person is likely to exploit V.</p>
<p>(5) &quot;Travel&quot; means arriving in, or entering, any country, departing from any country, or travelling within any country.</p>
</content>
</section>
<section eId="sec_3"><num>3</num><heading>Meaning of exploitation</heading>
<content>
<p>(1) For the purposes of section 2 a person is exploited only if one or more of the following subsections apply in relation to the person.</p>
<p>(2) Slavery, servitude and forced or compulsory labour: the person is the victim of behaviour which involves the holding of the person in slavery or servitude, or which involves the requirement to perform forced or compulsory labour.</p>
<p>(3) Sexual exploitation: something is done to or in respect of the person which involves the commission of an offence relating to indecent photographs of children or to prostitution and sexual offences.</p>
<p>(4) Removal of organs: the person is encouraged, required or expected to do anything which involves an offence concerning the sale of human tissue or the removal of organs.</p>
<p>(5) Securing services by force, threats or deception: the person is subjected to force, threats or deception designed to induce the person to provide services of any kind or to provide another person with benefits of any kind.</p>
<p>(6) Securing services from children and vulnerable persons: another person uses or attempts to use the person for a purpose within subsection (5), having chosen the person on the grounds that the person is a child, is mentally or physically ill or disabled, or has a family relationship with a particular person, and an adult, or a person without the illness, disability or family relationship, would be likely to refuse to be used for that purpose.</p>
</content>
</section>
<section eId="sec_5"><num>5</num><heading>Penalties</heading>
<content>
<p>(1) A person guilty of an offence under section 2 is liable on conviction on indictment to imprisonment for life, and on summary conviction to imprisonment for a term not exceeding 12 months or a fine or both.</p>
</content>
</section>
</body></act></akomaNtoso>
)akn";

const char* const kSpainCode = R"akn(<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta><identification source="#x">
<FRBRWork><FRBRthis value="/akn/zz/act/2020/3/!main"/><FRBRuri value="/akn/zz/act/2020/3"/><FRBRdate date="2020-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRcountry value="zz"/><FRBRname value="Código Penal"/></FRBRWork>

<FRBRExpression><FRBRthis value="/akn/zz/act/2020/3/spa@2020-01-01/!main"/><FRBRuri value="/akn/zz/act/2020/3/spa@2020-01-01"/><FRBRdate date="2020-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRlanguage language="spa"/></FRBRExpression>

<FRBRManifestation><FRBRthis value="/akn/zz/act/2020/3/spa@2020-01-01/!main.xml"/><FRBRuri value="/akn/zz/act/2020/3/spa@2020-01-01.akn"/><FRBRdate date="2020-01-01" name="transform"/><FRBRauthor href="#x"/></FRBRManifestation>

</identification></meta><body>
<article eId="art_177bis"><num>177 bis</num><heading>Trata de seres humanos</heading>
<content>
<p>1. Será castigado con la pena de cinco a ocho años de prisión como reo de trata de seres humanos el que, sea en territorio español, sea desde España, en tránsito o con destino a ella, empleando violencia, intimidación o engaño, o abusando de una situación de superioridad o de necesidad o de vulnerabilidad de la víctima nacional o extranjera, o mediante la entrega o recepción de pagos o beneficios para lograr el consentimiento de la persona que poseyera el control sobre la víctima, la captare, transportare, trasladare, acogiere, o recibiere, incluido el intercambio o transferencia de control sobre esas personas, con cualquiera de las finalidades siguientes: a) La imposición de trabajo o de servicios forzados, la esclavitud o prácticas similares a la esclavitud, a la servidumbre o a la mendicidad. b) La explotación sexual, incluyendo la pornografía. c) La explotación para realizar actividades delictivas. d) La extracción de sus órganos corporales. e) La celebración de matrimonios forzados.</p>
<p>Existe una situación de necesidad o vulnerabilidad cuando la persona en cuestión no tiene otra alternativa, real o aceptable, que someterse al abuso.</p>
<p>2. Aun cuando no se recurra a ninguno de los medios enunciados en el apartado anterior, se considerará trata de seres humanos cualquiera de las acciones indicadas en el apartado anterior cuando se llevare a cabo respecto de menores de edad con fines de explotación.</p>
<p>3. El consentimiento de una víctima de trata de seres humanos será irrelevante cuando se haya recurrido a alguno de los medios indicados en el apartado primero de este artículo.</p>
</content>
</article>
</body></act></akomaNtoso>
)akn";

const char* const kLatam = R"akn(<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta><identification source="#x">
<FRBRWork><FRBRthis value="/akn/zz/act/2020/4/!main"/><FRBRuri value="/akn/zz/act/2020/4"/><FRBRdate date="2020-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRcountry value="zz"/><FRBRname value="Ley contra la trata de personas"/></FRBRWork>

<FRBRExpression><FRBRthis value="/akn/zz/act/2020/4/spa@2020-01-01/!main"/><FRBRuri value="/akn/zz/act/2020/4/spa@2020-01-01"/><FRBRdate date="2020-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRlanguage language="spa"/></FRBRExpression>

<FRBRManifestation><FRBRthis value="/akn/zz/act/2020/4/spa@2020-01-01/!main.xml"/><FRBRuri value="/akn/zz/act/2020/4/spa@2020-01-01.akn"/><FRBRdate date="2020-01-01" name="transform"/><FRBRauthor href="#x"/></FRBRManifestation>

</identification></meta><body>
<article eId="art_10"><num>10</num><heading>Trata de personas</heading>
<content>
<p>Comete el delito de trata de personas quien promueva, facilite, capte, traslade, entregue o reciba a una o más personas, por cualquier medio, recurriendo a la amenaza, a la fuerza, al rapto, al fraude, al engaño o al abuso de poder, con fines de explotación, dentro o fuera del territorio nacional. Será sancionado con prisión de diez a veinte años y multa de mil a veinte mil días.</p>
<p>Se entenderá por explotación la esclavitud, la servidumbre, el trabajo o servicios forzados, la explotación de la prostitución ajena u otras formas de explotación sexual y la extracción de órganos.</p>
<p>El consentimiento dado por la víctima no constituirá en ningún caso causa de exclusión de responsabilidad penal.</p>
</content>
</article>
<article eId="art_11"><num>11</num><heading>Víctimas menores de edad</heading>
<content>
<p>Cuando la víctima sea una persona menor de dieciocho años, se configurará el delito aun cuando no se haya empleado ninguno de los medios señalados en el artículo anterior.</p>
</content>
</article>
</body></act></akomaNtoso>
)akn";

const char* const kBelgian = R"akn(<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta><identification source="#x">
<FRBRWork><FRBRthis value="/akn/zz/act/2020/5/!main"/><FRBRuri value="/akn/zz/act/2020/5"/><FRBRdate date="2020-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRcountry value="zz"/><FRBRname value="Loi relative à la traite des êtres humains"/></FRBRWork>

<FRBRExpression><FRBRthis value="/akn/zz/act/2020/5/fra@2020-01-01/!main"/><FRBRuri value="/akn/zz/act/2020/5/fra@2020-01-01"/><FRBRdate date="2020-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRlanguage language="fra"/></FRBRExpression>

<FRBRManifestation><FRBRthis value="/akn/zz/act/2020/5/fra@2020-01-01/!main.xml"/><FRBRuri value="/akn/zz/act/2020/5/fra@2020-01-01.akn"/><FRBRdate date="2020-01-01" name="transform"/><FRBRauthor href="#x"/></FRBRManifestation>

</identification></meta><body>
<article eId="art_433quinquies"><num>433 quinquies</num><heading>Traite des êtres humains</heading>
<content>
<p>§ 1er. Constitue l'infraction de traite des êtres humains le fait de recruter, de transporter, de transférer, d'héberger, d'accueillir une personne, de prendre ou de transférer le contrôle exercé sur elle, à des fins : 1° d'exploitation de la prostitution ou d'autres formes d'exploitation sexuelle ; 2° d'exploitation de la mendicité ; 3° de travail ou de services forcés, d'esclavage ou de pratiques analogues, ou de servitude ; 4° de prélèvement d'organes ; 5° de faire commettre par cette personne un crime ou un délit contre son gré.</p>
<p>§ 2. Le consentement de la victime à l'exploitation envisagée ou effective est indifférent.</p>
<p>§ 3. L'infraction est punie d'une peine de réclusion de cinq à dix ans et d'une amende de cinq cents euros à cinquante mille euros.</p>
</content>
</article>
<article eId="art_433sexies"><num>433 sexies</num><heading>Circonstances aggravantes</heading>
<content>
<p>La peine est la réclusion de dix à quinze ans lorsque l'infraction a été commise par la menace, le recours à la force ou à d'autres formes de contrainte, par enlèvement, fraude, tromperie, ou par abus d'autorité ou de la situation de vulnérabilité de la victime, ou lorsqu'elle a été commise envers un mineur.</p>
</content>
</article>
</body></act></akomaNtoso>
)akn";

const char* const kCaribbean = R"akn(<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta><identification source="#x">
<FRBRWork><FRBRthis value="/akn/zz/act/2020/9/!main"/><FRBRuri value="/akn/zz/act/2020/9"/><FRBRdate date="2020-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRcountry value="zz"/><FRBRname value="Trafficking in Persons (Prevention) Act"/></FRBRWork>

<FRBRExpression><FRBRthis value="/akn/zz/act/2020/9/eng@2020-01-01/!main"/><FRBRuri value="/akn/zz/act/2020/9/eng@2020-01-01"/><FRBRdate date="2020-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRlanguage language="eng"/></FRBRExpression>

<FRBRManifestation><FRBRthis value="/akn/zz/act/2020/9/eng@2020-01-01/!main.xml"/><FRBRuri value="/akn/zz/act/2020/9/eng@2020-01-01.akn"/><FRBRdate date="2020-01-01" name="transform"/><FRBRauthor href="#x"/></FRBRManifestation>

</identification></meta><body>
<section eId="sec_2"><num>2</num><heading>Interpretation</heading>
<content>
<p>In this Act, &quot;exploitation&quot; includes keeping a person in a state of slavery or subjecting a person to practices similar to slavery; compelling a person to render labour or services; keeping a person in servitude, including sexual servitude; the prostitution of another; engaging in any other form of commercial sexual exploitation; and the illicit removal of human organs; &quot;minor&quot; means a person who has not reached the age of eighteen years.</p>
</content>
</section>
<section eId="sec_8"><num>8</num><heading>Offence of trafficking in persons</heading>
<content>
<p>(1) A person who, for the purpose of exploitation, recruits, transports, transfers, harbours, receives or obtains another person, by the use of threats, force, intimidation or other forms of coercion, by abduction, fraud, deception, abuse of power or abuse of a position of vulnerability, or by giving or receiving payments or benefits to obtain the consent of a person who has control over the other person, commits an offence and is liable on conviction on indictment to imprisonment for twenty years.</p>
<p>(2) It is no defence to a charge under subsection (1) that the victim consented, and the consent of the victim shall be of no effect.</p>
<p>(3) Where the victim is a minor, it is not necessary to prove the use of any of the means set out in subsection (1).</p>
</content>
</section>
</body></act></akomaNtoso>
)akn";

const char* const kWestAfrican = R"akn(<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta><identification source="#x">
<FRBRWork><FRBRthis value="/akn/zz/act/2020/8/!main"/><FRBRuri value="/akn/zz/act/2020/8"/><FRBRdate date="2020-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRcountry value="zz"/><FRBRname value="Loi relative à la lutte contre la traite des personnes"/></FRBRWork>

<FRBRExpression><FRBRthis value="/akn/zz/act/2020/8/fra@2020-01-01/!main"/><FRBRuri value="/akn/zz/act/2020/8/fra@2020-01-01"/><FRBRdate date="2020-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRlanguage language="fra"/></FRBRExpression>

<FRBRManifestation><FRBRthis value="/akn/zz/act/2020/8/fra@2020-01-01/!main.xml"/><FRBRuri value="/akn/zz/act/2020/8/fra@2020-01-01.akn"/><FRBRdate date="2020-01-01" name="transform"/><FRBRauthor href="#x"/></FRBRManifestation>

</identification></meta><body>
<article eId="art_1"><num>1</num><heading>Définitions</heading>
<content>
<p>Au sens de la présente loi, on entend par « enfant » toute personne âgée de moins de dix-huit ans ; « exploitation » : l'exploitation de la prostitution d'autrui ou d'autres formes d'exploitation sexuelle, le travail ou les services forcés, l'esclavage ou les pratiques analogues à l'esclavage, la servitude ou le prélèvement d'organes.</p>
</content>
</article>
<article eId="art_4"><num>4</num><heading>Traite des personnes</heading>
<content>
<p>Quiconque recrute, transporte, transfère, héberge ou accueille une personne, par la menace ou le recours à la force ou à d'autres formes de contrainte, par enlèvement, fraude, tromperie, abus d'autorité ou d'une situation de vulnérabilité, ou par l'offre ou l'acceptation de paiements ou d'avantages pour obtenir le consentement d'une personne ayant autorité sur une autre, aux fins d'exploitation, commet l'infraction de traite des personnes et est puni de dix à vingt ans d'emprisonnement et d'une amende de cinq à dix millions de francs.</p>
<p>Lorsque la victime est un enfant, l'infraction est constituée même si aucun des moyens visés à l'alinéa précédent n'a été employé.</p>
<p>Le consentement de la victime ne peut exonérer l'auteur de sa responsabilité pénale.</p>
</content>
</article>
</body></act></akomaNtoso>
)akn";

// A penalty article whose conduct formula is in no lexicon ("se sera rendu auteur de"), but which
// names the crime and cites the article defining it: the offence is still found and assembled.
const char* const kCitedDefinition = R"akn(<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><meta><identification source="#x">
<FRBRWork><FRBRthis value="/akn/zz/act/2021/3/!main"/><FRBRuri value="/akn/zz/act/2021/3"/><FRBRdate date="2021-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRcountry value="zz"/><FRBRname value="Loi portant lutte contre la traite des personnes"/></FRBRWork>
<FRBRExpression><FRBRthis value="/akn/zz/act/2021/3/fra@2021-01-01/!main"/><FRBRuri value="/akn/zz/act/2021/3/fra@2021-01-01"/><FRBRdate date="2021-01-01" name="enactment"/><FRBRauthor href="#x"/><FRBRlanguage language="fra"/></FRBRExpression>
<FRBRManifestation><FRBRthis value="/akn/zz/act/2021/3/fra@2021-01-01/!main.xml"/><FRBRuri value="/akn/zz/act/2021/3/fra@2021-01-01.akn"/><FRBRdate date="2021-01-01" name="transform"/><FRBRauthor href="#x"/></FRBRManifestation>
</identification></meta><body>
<article eId="art_2"><num>2</num>
<content>
<p>Au sens de la présente loi, on entend par traite des personnes le fait de recruter, de transporter, de transférer, d'héberger ou d'accueillir une personne, par la menace, la contrainte, la fraude ou la tromperie, aux fins d'exploitation.</p>
</content>
</article>
<article eId="art_15"><num>15</num>
<content>
<p>Quiconque se sera rendu auteur de la traite des personnes décrite à l'article 2 sera puni de sept à quinze ans d'emprisonnement.</p>
</content>
</article>
</body></act></akomaNtoso>
)akn";

CountryReport report_of(const char* xml, const std::string& name) {
  std::vector<akn::Document> docs;
  auto doc = akn::read_document_from_memory(xml, name);
  if (!doc.ok()) {
    ADD_FAILURE() << doc.errors().front().format();
    return {};
  }
  docs.push_back(std::move(doc).value());
  return analyze(docs, project_model());
}

const CountryReport& uk() {
  static const CountryReport r = report_of(kUk, "gen-uk.xml");
  return r;
}
const CountryReport& spain() {
  static const CountryReport r = report_of(kSpainCode, "gen-es.xml");
  return r;
}
const CountryReport& latam() {
  static const CountryReport r = report_of(kLatam, "gen-latam.xml");
  return r;
}
const CountryReport& belgian() {
  static const CountryReport r = report_of(kBelgian, "gen-be.xml");
  return r;
}
const CountryReport& caribbean() {
  static const CountryReport r = report_of(kCaribbean, "gen-carib.xml");
  return r;
}
const CountryReport& west_african() {
  static const CountryReport r = report_of(kWestAfrican, "gen-wa.xml");
  return r;
}

void expect_elements(const CountryReport& r, const std::string& obligation_id, const std::vector<std::string>& ids,
                     Status want) {
  for (const std::string& id : ids)
    EXPECT_EQ(element(r, obligation_id, id).status, want)
        << obligation_id << "/" << id << ": " << element(r, obligation_id, id).reason;
}

const std::vector<std::string> kActs = {"recruitment", "transportation", "transfer", "harbouring", "receipt"};
const std::vector<std::string> kForms = {"intent",  "sexual-exploitation", "forced-labour",
                                         "slavery", "servitude",           "organ-removal"};

TEST(Generalisation, AnOffenceInWordsNoLexiconKnowsIsFoundThroughTheDefinitionItCites) {
  const CountryReport r = report_of(kCitedDefinition, "gen-cited.xml");
  EXPECT_EQ(element(r, "crim.offence", "offence").status, Status::met) << element(r, "crim.offence", "offence").reason;
  expect_elements(r, "def.acts", kActs, Status::met);
  EXPECT_EQ(element(r, "sanctions.serious-crime", "threshold").status, Status::met)
      << element(r, "sanctions.serious-crime", "threshold").reason;
}

}  // namespace

// UK style: "arranges or facilitates the travel ... with a view to V being exploited"; the acts are
// spelled out in s 2(3); "exploitation" is defined in a separate s 3.
TEST(Generalisation, UkStyleActsConsentAndPurpose) {
  const CountryReport& r = uk();
  expect_elements(r, "def.acts", kActs, Status::met);
  EXPECT_EQ(element(r, "def.purpose", "intent").status, Status::met);
  EXPECT_EQ(element(r, "def.consent", "irrelevant").status, Status::met);
  EXPECT_EQ(element(r, "def.children", "no-means").status, Status::met);
  // No definition of "child" at all: the age is not stated.
  EXPECT_EQ(element(r, "def.children", "under-18").status, Status::gap);
  EXPECT_EQ(element(r, "crim.offence", "offence").status, Status::met);
  EXPECT_EQ(element(r, "crim.offence", "intent").status, Status::met);
  EXPECT_EQ(element(r, "crim.no-transnationality", "independent").status, Status::met);
  // The offence names no means at all: it reaches conduct by every means (broader than art 3).
  // "forced or compulsory labour" in s 3 is a form of exploitation, not the means of coercion: the
  // element is met by the absence of any means requirement, not by those words.
  EXPECT_EQ(element(r, "def.means", "coercion").status, Status::met);
  EXPECT_NE(element(r, "def.means", "coercion").reason.find("requires no means"), std::string::npos)
      << element(r, "def.means", "coercion").reason;
  // Known analysis limits (not asserted): s 3 ("For the purposes of section 2 a person is exploited
  // only if ...") is not linked to the offence, so the forms of exploitation come out partial
  // although a lawyer reads them as met; the penalty in s 5 ("A person guilty of an offence under
  // section 2 is liable ... to imprisonment for life") is not found from s 2, so the threshold is
  // partial instead of met.
}

// Spanish Código Penal style (art 177 bis): violencia, intimidación o engaño, abuse of superiority,
// necessity or vulnerability, payments; purposes a) to e); minors without means; consent irrelevant.
TEST(Generalisation, SpanishCodeStyle) {
  const CountryReport& r = spain();
  expect_elements(r, "def.acts", kActs, Status::met);
  expect_elements(r, "def.means",
                  {"threat", "force", "deception", "abuse-of-power", "abuse-of-vulnerability", "payments"},
                  Status::met);
  // Abduction is not named in the offence.
  EXPECT_EQ(element(r, "def.means", "abduction").status, Status::gap);
  expect_elements(r, "def.purpose", kForms, Status::met);
  EXPECT_EQ(element(r, "def.consent", "irrelevant").status, Status::met);
  EXPECT_EQ(element(r, "def.children", "no-means").status, Status::met);
  // "menores de edad" without an age in the documents: partial until the civil code is read.
  EXPECT_EQ(element(r, "def.children", "under-18").status, Status::partial);
  EXPECT_EQ(element(r, "def.children", "means-for-children").status, Status::met);
  EXPECT_EQ(element(r, "crim.offence", "offence").status, Status::met);
  EXPECT_EQ(element(r, "crim.no-transnationality", "independent").status, Status::met);
  EXPECT_EQ(element(r, "crim.no-transnationality", "movement-required").status, Status::met);
  // Known analysis limit (not asserted): the penalty "pena de cinco a ocho años de prisión" (the
  // code's own word order) is not read by the penalty grammar, so the threshold is partial, not met.
}

// Latin American special law: promueva, facilite, capte, traslade, entregue o reciba; no harbouring,
// no coercion, no abuse of vulnerability, no payments; consent never excludes liability.
TEST(Generalisation, LatinAmericanSpecialLaw) {
  const CountryReport& r = latam();
  expect_elements(r, "def.acts", {"recruitment", "transportation", "transfer", "receipt"}, Status::met);
  EXPECT_EQ(element(r, "def.acts", "harbouring").status, Status::gap);
  expect_elements(r, "def.means", {"threat", "force", "abduction", "fraud", "deception", "abuse-of-power"},
                  Status::met);
  expect_elements(r, "def.means", {"abuse-of-vulnerability", "payments"}, Status::gap);
  // Threats and violence are forms of coercion: the catch-all "other forms of coercion" is missing,
  // so the element is reached only in part (the reading every labelled statute with the same list
  // was given; this test said "gap" before that convention was written down in tests/labels).
  EXPECT_EQ(element(r, "def.means", "coercion").status, Status::partial);
  expect_elements(r, "def.purpose", kForms, Status::met);
  EXPECT_EQ(element(r, "def.consent", "irrelevant").status, Status::met);
  EXPECT_EQ(element(r, "def.children", "under-18").status, Status::met);
  EXPECT_EQ(element(r, "crim.offence", "offence").status, Status::met);
  EXPECT_EQ(element(r, "crim.no-transnationality", "independent").status, Status::met);
  EXPECT_EQ(element(r, "sanctions.serious-crime", "threshold").status, Status::met);
  EXPECT_EQ(element(r, "sanctions.serious-crime", "fine-in-lieu").status, Status::met);
  // Known analysis limit (not asserted): art 11 dispenses with the means for victims under eighteen
  // ("aun cuando no se haya empleado ninguno de los medios señalados en el artículo anterior"), but
  // a provision that refers back to the offence is not searched, so no-means is a gap and
  // means-for-children a conflict; a lawyer reads no-means as met and no red flag.
}

// Belgian / West African style: no means in the basic offence (they aggravate it), transfer of
// control, purposes 1° to 5°, consent "indifférent".
TEST(Generalisation, BelgianStyleCode) {
  const CountryReport& r = belgian();
  expect_elements(r, "def.acts", kActs, Status::met);
  expect_elements(r, "def.purpose", kForms, Status::met);
  // No means in the basic offence: every means is covered (the means only aggravate it).
  EXPECT_EQ(element(r, "def.means", "payments").status, Status::met);
  EXPECT_NE(element(r, "def.means", "payments").reason.find("requires no means"), std::string::npos);
  EXPECT_EQ(element(r, "def.consent", "irrelevant").status, Status::met);
  EXPECT_EQ(element(r, "crim.offence", "offence").status, Status::met);
  EXPECT_EQ(element(r, "crim.offence", "intent").status, Status::met);
  EXPECT_EQ(element(r, "crim.no-transnationality", "independent").status, Status::met);
  // Known analysis limits (not asserted): the basic offence has no means at all, yet
  // means-for-children is raised as a conflict, because "services forcés" in the purposes is read as
  // the means "force"; and "une peine de réclusion de cinq à dix ans" is not read by the penalty
  // grammar, so the threshold is partial instead of met.
}

// A Caribbean act close to the Protocol: means listed as "threats, force, intimidation or other forms
// of coercion", exploitation defined with "compelling a person to render labour or services" and "the
// prostitution of another", consent "of no effect", the child clause in a subsection of its own and
// "minor" defined as a person who has not reached eighteen.
TEST(Generalisation, CaribbeanActWithChildSubsection) {
  const CountryReport& r = caribbean();
  for (const char* id : {"def.acts", "def.means", "def.purpose", "def.consent", "def.children", "crim.offence",
                         "crim.no-transnationality", "sanctions.serious-crime"})
    EXPECT_EQ(obligation(r, id).status, Status::met) << id << ": " << obligation(r, id).reason;
  EXPECT_EQ(element(r, "def.means", "force").status, Status::met);
  EXPECT_EQ(element(r, "def.purpose", "forced-labour").status, Status::met);
  EXPECT_EQ(element(r, "def.purpose", "sexual-exploitation").status, Status::met);
  EXPECT_EQ(element(r, "def.children", "means-for-children").status, Status::met);
  EXPECT_EQ(element(r, "sanctions.serious-crime", "fine-in-lieu").status, Status::met);
  EXPECT_EQ(element(r, "crim.offence", "victims-restricted").status, Status::met);
}

// West African francophone special law: Protocol-shaped offence, a child clause in the offence, a
// consent clause worded "ne peut exonérer", definitions introduced by « term » and a colon.
TEST(Generalisation, WestAfricanFrenchLaw) {
  const CountryReport& r = west_african();
  for (const char* id : {"def.acts", "def.means", "def.consent", "def.children", "crim.offence",
                         "crim.no-transnationality", "sanctions.serious-crime"})
    EXPECT_EQ(obligation(r, id).status, Status::met) << id << ": " << obligation(r, id).reason;
  EXPECT_EQ(element(r, "def.purpose", "intent").status, Status::met);
  EXPECT_EQ(element(r, "sanctions.serious-crime", "fine-in-lieu").status, Status::met);
  // Known analysis limit (not asserted): "« exploitation » : l'exploitation de la prostitution ..."
  // (a definition introduced by a colon, without "désigne"/"s'entend") is not recognised as a defined
  // term, so the forms of exploitation in art 1 come out partial although a lawyer reads them as met.
}
