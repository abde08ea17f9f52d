// Tests of the Akoma Ntoso reader on the real documents in the shared corpus and on hostile input.
#include <gtest/gtest.h>

#include "file_test_names.hpp"
#include "shared_files.hpp"

#include <set>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "akn/reader.hpp"
#include "util/files.hpp"

namespace palermo::akn {
namespace {

namespace fs = std::filesystem;

const std::string kShared = PALERMO_SHARED_DIR;
const std::string kSamples = kShared + "/akn/samples";
const std::string kStatutes = kShared + "/statutes/akn";
const std::string kHostile = std::string(PALERMO_SOURCE_DIR) + "/tests/data/hostile";

Document load(const std::string& path) {
  auto r = read_document(path);
  if (!r) {
    ADD_FAILURE() << path << ": " << r.errors().at(0).format();
    return {};
  }
  return std::move(r).value();
}

// The document's own provisions of this element (not those its amendments insert elsewhere).
std::size_t count_element(const Document& d, std::string_view element) {
  return static_cast<std::size_t>(std::count_if(d.provisions.begin(), d.provisions.end(),
                                                [&](const Provision& p) { return p.element == element && !p.quoted; }));
}

std::size_t count_quoted(const Document& d, std::string_view element) {
  return static_cast<std::size_t>(std::count_if(d.provisions.begin(), d.provisions.end(),
                                                [&](const Provision& p) { return p.element == element && p.quoted; }));
}

std::size_t total_provisions(const Document& d) {
  std::size_t n = d.provisions.size();
  for (const auto& c : d.components) n += total_provisions(c);
  return n;
}

// Runs while tests are listed (gtest_discover_tests, at build time), so it must not throw: without
// ../shared it yields one empty path, whose test skips naming the folder (a suite with no values at
// all would be reported as a failure).
std::vector<std::string> sample_files() {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(kSamples, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".xml") out.push_back(it->path().string());
  std::sort(out.begin(), out.end());
  if (out.empty()) out.push_back("");
  return out;
}

class EverySample : public ::testing::TestWithParam<std::string> {};

TEST_P(EverySample, LoadsWithProvisionsAndConsistentTree) {
  SKIP_WITHOUT_SHARED(kSamples);
  Document d = load(GetParam());
  if (d.doc_type == "documentCollection" && d.components.empty()) {
    // A collection that only points at other files (documentRef) has no provisions of its own;
    // its cover page is still read.
    EXPECT_FALSE(d.preamble.empty() && d.loose_text.empty()) << GetParam();
  } else {
    EXPECT_GT(total_provisions(d), 0u) << GetParam();
  }
  EXPECT_FALSE(d.dialect.empty());
  EXPECT_FALSE(d.doc_type.empty());
  EXPECT_EQ(d.sha256.size(), 64u);
  for (std::size_t i = 0; i < d.provisions.size(); ++i) {
    const Provision& p = d.provisions[i];
    EXPECT_FALSE(p.eid.empty()) << GetParam() << " provision " << i;
    EXPECT_GT(p.line, 0);
    if (p.parent >= 0) {
      const Provision& parent = d.provisions[static_cast<std::size_t>(p.parent)];
      EXPECT_EQ(p.depth, parent.depth + 1);
      EXPECT_NE(std::find(parent.children.begin(), parent.children.end(), i), parent.children.end());
    } else {
      EXPECT_EQ(p.depth, 0);
    }
    // Whitespace is normalised: no doubled spaces, no leading or trailing space.
    EXPECT_EQ(p.text.find("  "), std::string::npos) << p.eid;
    if (!p.text.empty()) {
      EXPECT_NE(p.text.front(), ' ');
      EXPECT_NE(p.text.back(), ' ');
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, EverySample, ::testing::ValuesIn(sample_files()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           static const std::vector<std::string> labels =
                               file_test_names::unique_labels(sample_files());
                           return labels.at(info.index);
                         });

TEST(Reader, SouthAfricanConstitution) {
  SKIP_WITHOUT_SHARED(kSamples);
  Document d = load(kSamples + "/za/za_act_1996_constitution_eng@2013-08-23.xml");
  EXPECT_EQ(d.dialect, "akn-3.0");
  EXPECT_EQ(d.doc_type, "act");
  EXPECT_EQ(d.frbr.country, "za");
  EXPECT_EQ(d.title, "Constitution of the Republic of South Africa, 1996");  // from FRBRalias
  // grep -o '<section' za_act_1996_constitution_eng@2013-08-23.xml | wc -l  -> 287
  EXPECT_EQ(count_element(d, "section"), 287u);
  auto sec13 = d.find("sec_13");
  ASSERT_TRUE(sec13.has_value());
  const Provision& p = d.provisions[*sec13];
  EXPECT_EQ(p.heading, "Slavery, servitude and forced labour");
  EXPECT_EQ(p.citation, "s 13");
  EXPECT_NE(d.full_text(*sec13).find("No one may be subjected to slavery, servitude or forced labour"),
            std::string::npos);
  EXPECT_FALSE(d.definitions.empty());
  EXPECT_FALSE(d.term_uses.empty());
  EXPECT_FALSE(d.references.empty());
  // "#sec_143" style references resolve to eIds of this document.
  auto internal =
      std::find_if(d.references.begin(), d.references.end(), [](const Reference& r) { return r.href == "#sec_143"; });
  ASSERT_NE(internal, d.references.end());
  EXPECT_EQ(internal->target_eid, "sec_143");
  EXPECT_TRUE(d.find(internal->target_eid).has_value());
}

TEST(Reader, CapeTownByLawDefinitions) {
  SKIP_WITHOUT_SHARED(kSamples);
  Document d = load(kSamples + "/legacy/za-cpt_by-law_2016_air-quality-management_akn20.xml");
  EXPECT_EQ(d.dialect, "akn-2.0");
  // xmllint --xpath 'count(//*[local-name()="def"])' -> 43
  EXPECT_EQ(d.definitions.size(), 43u);
  for (const auto& def : d.definitions) {
    EXPECT_FALSE(def.text.empty());
    ASSERT_NE(def.provision, kNoProvision);
    EXPECT_LT(def.provision, d.provisions.size());
  }
}

TEST(Reader, PrefixedItalianBill) {
  SKIP_WITHOUT_SHARED(kSamples);
  Document d = load(kSamples + "/examples_v3/it_senato_ddl_2013.xml");
  EXPECT_EQ(d.dialect, "akn-3.0");
  EXPECT_EQ(d.namespace_uri, "http://docs.oasis-open.org/legaldocml/ns/akn/3.0");
  EXPECT_EQ(d.doc_type, "bill");
  EXPECT_GT(count_element(d, "article"), 0u);
}

TEST(Reader, KenyanActWithBomIsAkn10) {
  SKIP_WITHOUT_SHARED(kSamples);
  std::string bytes = read_file(kSamples + "/legacy/ke_act_2003-12-10_8_akn10.xml").value();
  ASSERT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF");  // the file really starts with a BOM
  Document d = load(kSamples + "/legacy/ke_act_2003-12-10_8_akn10.xml");
  EXPECT_EQ(d.dialect, "akn-1.0");
  EXPECT_GT(d.provisions.size(), 0u);
}

TEST(Reader, PreAkn10SouthAfricanBill) {
  SKIP_WITHOUT_SHARED(kSamples);
  Document d = load(kSamples + "/legacy/zaf_bill_2003-09-04_76_pre-akn10.xml");
  EXPECT_EQ(d.dialect, "akn-pre-1.0");
  // grep -c '<clause ' -> 5, '<article ' -> 2, '<chapter ' -> 2; ids are the old `id` attributes.
  EXPECT_EQ(count_element(d, "clause"), 5u);
  EXPECT_EQ(count_element(d, "article"), 2u);
  EXPECT_EQ(count_element(d, "chapter"), 2u);
  EXPECT_TRUE(d.find("art01-cla01").has_value());
  EXPECT_EQ(d.definitions.size(), 6u);
}

TEST(Reader, EuropeanCollectionComponents) {
  SKIP_WITHOUT_SHARED(kSamples);
  Document d = load(kSamples + "/examples_v3/eu_COM-2013-0619_EN-8.xml");
  EXPECT_EQ(d.doc_type, "documentCollection");
  ASSERT_EQ(d.components.size(), 3u);  // explanation doc, regulation bill, financial statement doc
  EXPECT_EQ(d.components[1].doc_type, "bill");
  // grep -c '<article ' eu_COM-2013-0619_EN-8.xml -> 24, all in the bill
  EXPECT_EQ(count_element(d.components[1], "article"), 24u);
}

TEST(Reader, PortugueseDraftNamespace) {
  SKIP_WITHOUT_SHARED(kSamples);
  Document d = load(kSamples + "/pt/pt_lei-7-2009-codigo-trabalho-excerto_akn-pt_CSD17.akn.xml");
  EXPECT_EQ(d.dialect, "akn-3.0-CSD17");
  EXPECT_EQ(d.frbr.language.size(), 3u);
}

TEST(Reader, LargeUkActSections) {
  SKIP_WITHOUT_SHARED(kSamples);
  Document d = load(kSamples + "/uk/ukpga-2023-29-2024-11-01.akn.xml");
  // xmllint --xpath 'count(//*[local-name()="section"][not(ancestor::*[local-name()="quotedStructure"])])'
  // -> 87; the other 185 <section> elements are quoted amendments to other Acts, kept as text.
  EXPECT_EQ(count_element(d, "section"), 87u);
  EXPECT_EQ(count_quoted(d, "section"), 185u);
  EXPECT_EQ(d.frbr.country, "GB-UKM");
}

struct StatuteCounts {
  const char* file;
  std::size_t sections, subsections, paragraphs, articles;
};

TEST(Reader, TraffickingStatutesHaveEveryProvision) {
  SKIP_WITHOUT_SHARED(kStatutes);
  // Counts from: grep -o '<section[ >]' FILE | wc -l (and subsection, paragraph, article).
  const StatuteCounts expected[] = {
      {"na_act_2018_1_combating-of-trafficking-in-persons.akn.xml", 29, 65, 118, 0},
      {"tz_act_2008_6_anti-trafficking-in-persons.akn.xml", 41, 71, 93, 0},
      {"ug_act_2009_7_prevention-of-trafficking-in-persons.akn.xml", 23, 32, 61, 0},
      {"fr_code-penal_traite-des-etres-humains_extract.akn.xml", 0, 0, 0, 14},
  };
  for (const auto& e : expected) {
    Document d = load(kStatutes + "/" + e.file);
    EXPECT_EQ(count_element(d, "section"), e.sections) << e.file;
    EXPECT_EQ(count_element(d, "subsection"), e.subsections) << e.file;
    EXPECT_EQ(count_element(d, "paragraph"), e.paragraphs) << e.file;
    EXPECT_EQ(count_element(d, "article"), e.articles) << e.file;
    for (const auto& p : d.provisions) {
      if (p.element == "section" || p.element == "subsection" || p.element == "paragraph") {
        EXPECT_FALSE(p.citation.empty()) << e.file << " " << p.eid;
      }
    }
  }
}

TEST(Reader, NamibiaSection3) {
  SKIP_WITHOUT_SHARED(kStatutes);
  Document d = load(kStatutes + "/na_act_2018_1_combating-of-trafficking-in-persons.akn.xml");
  EXPECT_EQ(d.frbr.country, "na");
  EXPECT_EQ(d.frbr.number, "1");
  EXPECT_EQ(d.frbr.language, "eng");
  EXPECT_EQ(d.frbr.work_uri, "/akn/na/act/2018/1");
  EXPECT_EQ(d.frbr.expression_date, "2018-04-06");
  EXPECT_EQ(d.title, "Combating of Trafficking in Persons Act, 2018");
  auto sub = d.find("sec_3__subsec_1");
  ASSERT_TRUE(sub.has_value());
  EXPECT_EQ(d.provisions[*sub].citation, "s 3(1)");
  EXPECT_NE(d.provisions[*sub].text.find("recruits"), std::string::npos);
  auto para = d.find("sec_3__subsec_1__para_a");
  ASSERT_TRUE(para.has_value());
  EXPECT_EQ(d.provisions[*para].citation, "s 3(1)(a)");
  EXPECT_EQ(d.provisions[*para].parent, static_cast<int>(*sub));
  // Definitions and the TLCTerm list.
  EXPECT_EQ(d.definitions.size(), 27u);  // grep -o '<def ' | wc -l
  EXPECT_EQ(d.ontology_terms.size(), 27u);
  auto child = std::find_if(d.definitions.begin(), d.definitions.end(),
                            [](const TermMark& t) { return t.refers_to == "term-child"; });
  ASSERT_NE(child, d.definitions.end());
  EXPECT_EQ(child->text, "child");
  EXPECT_EQ(d.provisions[child->provision].eid, "sec_1__subsec_1");
  // The schedule hangs under an attachment node, cited as a schedule.
  auto attachment = std::find_if(d.provisions.begin(), d.provisions.end(),
                                 [](const Provision& p) { return p.element == "attachment"; });
  ASSERT_NE(attachment, d.provisions.end());
  EXPECT_EQ(attachment->citation, "Sch 1");
  EXPECT_FALSE(attachment->children.empty());
}

TEST(Reader, FrenchArticlesCiteAsArt) {
  SKIP_WITHOUT_SHARED(kStatutes);
  Document d = load(kStatutes + "/fr_code-penal_traite-des-etres-humains_extract.akn.xml");
  auto art = d.find("art_225-4-1");
  ASSERT_TRUE(art.has_value());
  EXPECT_EQ(d.provisions[*art].citation, "art 225-4-1");
  for (const auto& p : d.provisions) {
    if (p.element == "article") {
      EXPECT_EQ(p.citation.rfind("art ", 0), 0u) << p.eid;
    }
  }
}

TEST(Reader, GeneratesEidsWhenAbsent) {
  const std::string xml = R"(<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act>
<body><section><num>3.</num><heading>Offence</heading>
<subsection><num>(1)</num><intro><p>A person who <term refersTo="#term-x">recruits</term> -</p></intro>
<paragraph><num>(a)</num><content><p>by <i>force</i>;</p></content></paragraph>
<paragraph><content><p>by fraud,</p></content></paragraph>
<wrapUp><p>commits an offence.</p></wrapUp></subsection>
<subsection><num>(1)</num><content><p>Duplicate number, see <ref href="#sec_3__subsec_1">subsection (1)</ref>.</p></content></subsection>
</section><hcontainer><content><p>Loose</p></content></hcontainer></body></act></akomaNtoso>)";
  auto r = read_document_from_memory(xml, "generated.xml");
  ASSERT_TRUE(r.ok()) << r.errors().at(0).format();
  const Document& d = r.value();
  ASSERT_EQ(d.provisions.size(), 6u);
  EXPECT_EQ(d.provisions[0].eid, "sec_3");
  EXPECT_TRUE(d.provisions[0].eid_generated);
  EXPECT_EQ(d.provisions[1].eid, "sec_3__subsec_1");
  EXPECT_EQ(d.provisions[2].eid, "sec_3__subsec_1__para_a");
  EXPECT_EQ(d.provisions[3].eid, "sec_3__subsec_1__para_2");  // positional count without num
  EXPECT_EQ(d.provisions[4].eid, "sec_3__subsec_1_2");        // kept unique by a suffix
  EXPECT_EQ(d.provisions[5].eid, "hcontainer_1");
  EXPECT_EQ(d.provisions[1].text, "A person who recruits -");
  EXPECT_EQ(d.provisions[1].wrap_up, "commits an offence.");
  EXPECT_EQ(d.provisions[2].text, "by force;");
  EXPECT_EQ(d.full_text(1), "A person who recruits - by force; by fraud, commits an offence.");
  ASSERT_EQ(d.term_uses.size(), 1u);
  EXPECT_EQ(d.term_uses[0].provision, 1u);
  EXPECT_EQ(d.term_uses[0].refers_to, "term-x");
  ASSERT_EQ(d.references.size(), 1u);
  EXPECT_EQ(d.references[0].provision, 4u);
  EXPECT_EQ(d.references[0].text, "subsection (1)");
  EXPECT_EQ(d.references[0].target_eid, "sec_3__subsec_1");
}

TEST(Reader, KeepsTextOfUnknownAndExtensionElements) {
  const std::string xml = R"(<?xml version="1.0"?><?some-pi data?>
<an:akomaNtoso xmlns:an="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" xmlns:uk="urn:x-uk"><an:act>
<an:meta><an:identification><an:FRBRWork><an:FRBRuri value="/akn/xx/act/2020/1"/></an:FRBRWork></an:identification></an:meta>
<an:body><an:section eId="sec_1"><an:num>1</an:num><an:content><an:p>Alpha <uk:note>beta</uk:note> <an:staticContent>gamma</an:staticContent>
<an:authorialNote><an:p>delta</an:p></an:authorialNote> see <an:ref href="/akn/xx/act/2020/1/~sec_1">s 1</an:ref><!-- comment --></an:p>
<an:table><an:tr><an:td><an:p>cell</an:p></an:td></an:tr></an:table></an:content></an:section></an:body></an:act></an:akomaNtoso>)";
  auto r = read_document_from_memory(xml, "prefixed.xml");
  ASSERT_TRUE(r.ok()) << r.errors().at(0).format();
  const Document& d = r.value();
  ASSERT_EQ(d.provisions.size(), 1u);
  EXPECT_EQ(d.provisions[0].text, "Alpha beta gamma delta see s 1 cell");
  ASSERT_EQ(d.references.size(), 1u);
  EXPECT_EQ(d.references[0].target_eid, "sec_1");
}

// ---- hostile input: every case is refused (or read harmlessly) with a located error, quickly ----

Diagnostic expect_refused(const std::string& path) {
  auto started = std::chrono::steady_clock::now();
  auto r = read_document(path);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_LT(seconds, 5.0) << path << " took too long";  // a guard against hangs, not a benchmark
  EXPECT_FALSE(r.ok()) << path << " was accepted";
  if (r.ok()) return {};
  EXPECT_EQ(r.errors().at(0).file, path);
  EXPECT_FALSE(r.errors().at(0).message.empty());
  return r.errors().at(0);
}

TEST(Hostile, ExternalEntityNeverReadsTheFile) {
  std::string secret = read_file("/etc/hostname").ok() ? read_file("/etc/hostname").value() : "";
  Diagnostic d = expect_refused(kHostile + "/external_entity.xml");
  EXPECT_GT(d.line, 0);
  EXPECT_NE(d.message.find("entities"), std::string::npos);
  while (!secret.empty() && secret.back() == '\n') secret.pop_back();
  if (!secret.empty()) {
    EXPECT_EQ(d.format().find(secret), std::string::npos);
  }
}

TEST(Hostile, BillionLaughsIsRefusedQuickly) {
  Diagnostic d = expect_refused(kHostile + "/billion_laughs.xml");
  EXPECT_GT(d.line, 0);
  EXPECT_GT(d.column, 0);
}

TEST(Hostile, DeepNestingIsRefused) {
  std::string xml = R"(<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>)";
  for (int i = 0; i < 10000; ++i) xml += "<hcontainer>";
  for (int i = 0; i < 10000; ++i) xml += "</hcontainer>";
  xml += "</body></act></akomaNtoso>";
  auto r = read_document_from_memory(xml, "deep.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors().at(0).message.find("nested"), std::string::npos);
  EXPECT_GT(r.errors().at(0).column, 0);
}

TEST(Hostile, TruncatedXml) {
  Diagnostic d = expect_refused(kHostile + "/truncated.xml");
  EXPECT_NE(d.message.find("not well-formed"), std::string::npos);
  EXPECT_GT(d.line, 1);
  EXPECT_NE(d.hint.find("fix the XML"), std::string::npos);
}

TEST(Hostile, InvalidUtf8) {
  Diagnostic d = expect_refused(kHostile + "/invalid_utf8.xml");
  EXPECT_EQ(d.line, 3);
  EXPECT_GT(d.column, 0);
  EXPECT_NE(d.hint.find("UTF-8"), std::string::npos);
}

TEST(Hostile, EmptyFile) {
  Diagnostic d = expect_refused(kHostile + "/empty.xml");
  EXPECT_NE(d.message.find("empty"), std::string::npos);
}

TEST(Hostile, NotAkomaNtoso) {
  Diagnostic d = expect_refused(kHostile + "/not_akn.xml");
  EXPECT_NE(d.message.find("not Akoma Ntoso: root element is <catalog>"), std::string::npos);
  EXPECT_EQ(d.line, 2);
}

TEST(Hostile, MissingFile) {
  auto r = read_document(kHostile + "/does-not-exist.xml");
  ASSERT_FALSE(r.ok());
}

}  // namespace
}  // namespace palermo::akn

namespace palermo::akn {
namespace {

// An amending act inserts a whole chapter through <mod><quotedStructure>: the inserted sections are
// read as provisions, cited as the penal code numbers them, and marked as inserted by s 3.
TEST(QuotedStructures, InsertedChapterIsReadAsProvisions) {
  auto r = read_document(std::string(PALERMO_SOURCE_DIR) + "/corpus/xc/xc_act_2009_14_penal-code-amendment.akn.xml");
  ASSERT_TRUE(r.ok()) << r.errors().at(0).format();
  auto idx = r->find("sec_3__qstr_1__sec_260B__subsec_1");
  ASSERT_TRUE(idx.has_value());
  const Provision& p = r->provisions[*idx];
  EXPECT_TRUE(p.quoted);
  EXPECT_EQ(p.citation, "s 260B(1)");
  EXPECT_EQ(p.inserted_by, "s 3");
  EXPECT_NE(r->full_text(*idx).find("woman"), std::string::npos);
}

}  // namespace
}  // namespace palermo::akn

// Issue 11: eIds generated for thousands of siblings with the same number were found by trying
// every suffix from 2 again (quadratic). They must stay unique, numbered in order.
TEST(Reader, ManySiblingsWithTheSameNumberGetUniqueEids) {
  std::string sections;
  for (int i = 0; i < 5000; ++i) sections += "<section><num>1.</num><content><p>x</p></content></section>";
  const std::string xml =
      "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act name=\"act\"><meta>"
      "<identification source=\"#s\"><FRBRWork><FRBRthis value=\"/akn/zz/act/1/!main\"/><FRBRuri "
      "value=\"/akn/zz/act/1\"/>"
      "<FRBRdate date=\"2020-01-01\" name=\"x\"/><FRBRauthor href=\"#s\"/><FRBRcountry value=\"zz\"/></FRBRWork>"
      "</identification></meta><body>" +
      sections + "</body></act></akomaNtoso>";
  auto doc = palermo::akn::read_document_from_memory(xml, "many.xml");
  ASSERT_TRUE(doc.ok()) << doc.errors().front().format();
  const auto& provisions = doc.value().provisions;
  ASSERT_EQ(provisions.size(), 5000u);
  std::set<std::string> eids;
  for (const auto& p : provisions) eids.insert(p.eid);
  EXPECT_EQ(eids.size(), 5000u);
  EXPECT_EQ(provisions.front().eid, "sec_1");
  EXPECT_EQ(provisions[1].eid, "sec_1_2");
  EXPECT_EQ(provisions.back().eid, "sec_1_5000");
}
