// Tests of `validate` (naming convention, nums, references, terms) and of XML Schema validation.
#include <gtest/gtest.h>

#include "shared_files.hpp"

#include <algorithm>
#include <string>

#include "akn/reader.hpp"
#include "akn/validate.hpp"

namespace palermo::akn {
namespace {

const std::string kShared = PALERMO_SHARED_DIR;
const std::string kSamples = kShared + "/akn/samples";
const std::string kSchema = kShared + "/akn/schema/akomantoso30.xsd";

std::vector<Problem> of_kind(const std::vector<Problem>& all, const std::string& kind) {
  std::vector<Problem> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const Problem& p) { return p.kind == kind; });
  return out;
}

TEST(Validate, FindsTheDuplicateXmlIdsInTheOasisExample) {
  SKIP_WITHOUT_SHARED(kSamples);
  auto doc = read_document(kSamples + "/examples_v3/sameXmlId.xml");
  ASSERT_TRUE(doc.ok());
  auto duplicates = of_kind(validate(doc.value()), "duplicate-eid");
  // Two <inline xml:id="BAD_XMLID">, at lines 96 and 100: the second is reported.
  ASSERT_EQ(duplicates.size(), 1u);
  EXPECT_EQ(duplicates[0].line, 100);
  EXPECT_NE(duplicates[0].message.find("BAD_XMLID"), std::string::npos);
  EXPECT_NE(duplicates[0].message.find("line 96"), std::string::npos);
  EXPECT_EQ(duplicates[0].format("f.xml").rfind("f.xml:100: duplicate-eid: ", 0), 0u);
}

TEST(Validate, ReportsEachKindOfProblemWithItsLine) {
  const std::string xml = R"(<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act>
<meta><references source="#x"><TLCTerm eId="term-known" href="/t" showAs="known"/></references></meta>
<body><chapter eId="chp_1"><num>1</num>
<section eId="sec_1"><num>1.</num><content><p>See <ref href="#sec_9">section 9</ref> and <ref href="#sec_2">section 2</ref>.</p></content></section>
<section eId="sec_2"><content><p>A <term refersTo="#term-unknown">widget</term> and a <term refersTo="#term-known">known</term>.</p></content></section>
<section eId="sec_3"><num>3.</num><subsection eId="subsec_1"><num>(1)</num><content><p>No prefix.</p></content></subsection>
<subsection eId="sec_3__subsec_2"><num>(2)</num><content><p>Fine.</p></content></subsection>
<subsection eId="sec_3__para_3"><num>(3)</num><content><p>Wrong abbreviation.</p></content></subsection></section>
<section eId="sec_1"><num>4.</num><content><p>Duplicate.</p></content></section>
</chapter></body></act></akomaNtoso>)";
  auto doc = read_document_from_memory(xml, "problems.xml");
  ASSERT_TRUE(doc.ok()) << doc.errors().at(0).format();
  auto problems = validate(doc.value());
  auto duplicates = of_kind(problems, "duplicate-eid");
  ASSERT_EQ(duplicates.size(), 1u);
  EXPECT_EQ(duplicates[0].line, 9);
  auto refs = of_kind(problems, "unresolved-ref");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].line, 4);
  EXPECT_NE(refs[0].message.find("#sec_9"), std::string::npos);
  auto terms = of_kind(problems, "undefined-term");
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(terms[0].line, 5);
  EXPECT_NE(terms[0].message.find("term-unknown"), std::string::npos);
  auto nums = of_kind(problems, "missing-num");
  ASSERT_EQ(nums.size(), 1u);
  EXPECT_EQ(nums[0].line, 5);
  EXPECT_NE(nums[0].message.find("sec_2"), std::string::npos);
  auto naming = of_kind(problems, "eid-convention");
  ASSERT_EQ(naming.size(), 2u);
  EXPECT_EQ(naming[0].line, 6);  // subsec_1 not prefixed by sec_3 (sections may drop chp_1__; subsections may not)
  EXPECT_EQ(naming[1].line, 8);  // a subsection named para_3
  EXPECT_EQ(count_errors(problems), 6u);
}

TEST(Validate, TraffickingStatutesHaveResolvableReferencesAndDefinedTerms) {
  SKIP_WITHOUT_SHARED(kShared);
  for (const char* file : {"na_act_2018_1_combating-of-trafficking-in-persons.akn.xml",
                           "tz_act_2008_6_anti-trafficking-in-persons.akn.xml",
                           "ug_act_2009_7_prevention-of-trafficking-in-persons.akn.xml"}) {
    auto doc = read_document(kShared + "/statutes/akn/" + file);
    ASSERT_TRUE(doc.ok());
    auto problems = validate(doc.value());
    EXPECT_TRUE(of_kind(problems, "duplicate-eid").empty()) << file;
    EXPECT_TRUE(of_kind(problems, "unresolved-ref").empty()) << file;
    EXPECT_TRUE(of_kind(problems, "undefined-term").empty()) << file;
  }
}

TEST(Validate, UkPublisherSchemeIsOneNoteNotThousandsOfErrors) {
  SKIP_WITHOUT_SHARED(kSamples);
  auto doc = read_document(kSamples + "/uk/ukpga-2026-2-section-22.akn.xml");
  ASSERT_TRUE(doc.ok());
  auto naming = of_kind(validate(doc.value()), "eid-convention");
  ASSERT_EQ(naming.size(), 1u);
  EXPECT_EQ(naming[0].severity, Problem::Severity::note);
}

TEST(SchemaValidation, CleanUkSamplesPass) {
  SKIP_WITHOUT_SHARED(kSamples);
  // Checked first with: xmllint --noout --nonet --schema akomantoso30.xsd FILE -> "validates".
  for (const char* file :
       {"uk/ukpga-2026-2-section-22.akn.xml", "uk/nia-2022-21-enacted.akn.xml",
        "uk/anaw-2020-3-section-2-welsh.akn.xml", "uk/eudr-2020-2089-article-1-2020-12-11.akn.xml"}) {
    auto problems = validate_against_schema(kSamples + "/" + file, kSchema);
    ASSERT_TRUE(problems.ok()) << problems.errors().at(0).format();
    EXPECT_TRUE(problems->empty()) << file << ": " << problems->front().message;
  }
}

TEST(SchemaValidation, ReportsSchemaErrorsWithLines) {
  SKIP_WITHOUT_SHARED(kSamples);
  // xmllint reports its first error at line 4647: a duplicate eId on a <term>.
  auto problems = validate_against_schema(kSamples + "/uk/asp-2025-11-2025-08-07.akn.xml", kSchema);
  ASSERT_TRUE(problems.ok());
  ASSERT_FALSE(problems->empty());
  EXPECT_EQ(problems->front().kind, "schema");
  EXPECT_EQ(problems->front().line, 4647);
  EXPECT_NE(problems->front().message.find("term-managers"), std::string::npos);
}

TEST(SchemaValidation, MissingSchemaIsADiagnostic) {
  SKIP_WITHOUT_SHARED(kSamples);
  auto problems = validate_against_schema(kSamples + "/uk/nia-2022-21-enacted.akn.xml", "/nonexistent/schema.xsd");
  ASSERT_FALSE(problems.ok());
  EXPECT_EQ(problems.errors().at(0).file, "/nonexistent/schema.xsd");
}

}  // namespace
}  // namespace palermo::akn
