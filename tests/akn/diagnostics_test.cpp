// Issue 11 hole 14: every XML diagnostic is FILE:LINE:COL, libxml2 prints nothing of its own, and
// bytes that are not text are escaped in excerpts.
#include <gtest/gtest.h>

#include <string>

#include "akn/reader.hpp"
#include "akn/validate.hpp"

namespace palermo::akn {
namespace {

const std::string kOpen = "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n";

// UTF-8 text in a file that declares Shift_JIS: libxml2's converter printed "encoding error : input
// conversion failed..." and "I/O error : encoder error" on stderr, and palermo said only "XML is
// not well-formed: Premature end of data".
TEST(XmlDiagnostics, MisdeclaredEncodingIsNamedAndLibxml2PrintsNothing) {
  const std::string xml = "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n" + kOpen +
                          "<act name=\"x\"><body><p>Tráfico de pessoas é crime — “ok”</p></body></act></akomaNtoso>\n";
  ::testing::internal::CaptureStderr();
  auto doc = read_document_from_memory(xml, "sjis.xml");
  const std::string printed = ::testing::internal::GetCapturedStderr();
  ASSERT_FALSE(doc.ok());
  const Diagnostic& d = doc.errors().front();
  EXPECT_EQ(printed, "") << "libxml2 printed on its own";
  EXPECT_NE(d.message.find("not valid Shift_JIS"), std::string::npos) << d.format();
  EXPECT_EQ(d.message.find("Premature end of data"), std::string::npos) << d.format();
  EXPECT_GT(d.line, 0);
  EXPECT_GT(d.column, 0);
}

// Control bytes and bytes that are not UTF-8 reached the terminal raw in the excerpt.
TEST(XmlDiagnostics, BinaryBytesAreEscapedInTheExcerpt) {
  const std::string xml = "<?xml version=\"1.0\"?>\n" + kOpen +
                          "<act name=\"x\"><body><p>bad \x01\x02\xff\xfe bytes</p></body></act></akomaNtoso>\n";
  auto doc = read_document_from_memory(xml, "binary.xml");
  ASSERT_FALSE(doc.ok());
  const std::string text = doc.errors().front().format();
  EXPECT_EQ(text.rfind("binary.xml:3:", 0), 0u) << text;
  EXPECT_NE(text.find("bad \\x01\\x02\\xFF\\xFE bytes"), std::string::npos) << text;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    EXPECT_TRUE(b == '\n' || (b >= 0x20 && b < 0x7F)) << "raw byte " << int(b) << " in:\n" << text;
  }
  // The caret stands under the first escaped byte (column 28, after 27 characters).
  const auto caret_line = text.substr(text.find('\n', text.find('\n') + 1) + 1);
  EXPECT_EQ(caret_line.find('^'), 2u + std::string("<act name=\"x\"><body><p>bad ").size()) << text;
}

// Refusals after parsing (not Akoma Ntoso, no document inside, an unknown document type) said
// FILE:LINE only.
TEST(XmlDiagnostics, RefusalsOfWellFormedXmlHaveAColumn) {
  auto not_akn = read_document_from_memory("<?xml version=\"1.0\"?>\n  <root><x/></root>\n", "root.xml");
  ASSERT_FALSE(not_akn.ok());
  EXPECT_EQ(not_akn.errors().front().line, 2);
  EXPECT_EQ(not_akn.errors().front().column, 3);
  EXPECT_EQ(not_akn.errors().front().format().rfind("root.xml:2:3: error: this is XML but not Akoma Ntoso", 0), 0u)
      << not_akn.errors().front().format();

  auto empty = read_document_from_memory(kOpen + "</akomaNtoso>\n", "empty.xml");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.errors().front().line, 1);
  EXPECT_EQ(empty.errors().front().column, 1);

  auto unknown2 = read_document_from_memory(kOpen + "    <letter name=\"x\"/>\n</akomaNtoso>\n", "type.xml");
  ASSERT_FALSE(unknown2.ok());
  EXPECT_EQ(unknown2.errors().front().line, 2);
  EXPECT_EQ(unknown2.errors().front().column, 5) << unknown2.errors().front().format();

  std::string deep = kOpen + "<act name=\"x\"><body>\n";
  for (int i = 0; i < kMaxElementDepth + 5; ++i) deep += "<hcontainer name=\"h\">";
  auto too_deep = read_document_from_memory(deep, "deep.xml");
  ASSERT_FALSE(too_deep.ok());
  EXPECT_GT(too_deep.errors().front().line, 0);
  EXPECT_GT(too_deep.errors().front().column, 0) << too_deep.errors().front().format();
}

// validate's problems said FILE:LINE: they now point at the attribute or element concerned.
TEST(XmlDiagnostics, ValidateProblemsHaveColumns) {
  const std::string xml =
      kOpen +
      "<act name=\"x\"><meta><identification source=\"#s\"/></meta><body>\n"
      "  <section eId=\"sec_1\"><num>1</num><content><p>a</p></content></section>\n"
      "  <section eId=\"sec_1\"><num>2</num><content><p>see <ref href=\"#sec_9\">s 9</ref></p></content></section>\n"
      "</body></act></akomaNtoso>\n";
  auto doc = read_document_from_memory(xml, "v.xml");
  ASSERT_TRUE(doc.ok()) << doc.errors().front().format();
  auto problems = validate(doc.value());
  locate_columns(problems, xml);
  bool duplicate = false, unresolved = false;
  for (const Problem& p : problems) {
    EXPECT_GT(p.line == 0 ? 1 : p.column, 0) << p.format("v.xml");
    if (p.kind == "duplicate-eid") {
      duplicate = true;
      EXPECT_EQ(p.format("v.xml").rfind("v.xml:4:12: duplicate-eid:", 0), 0u) << p.format("v.xml");
    }
    if (p.kind == "unresolved-ref") {
      unresolved = true;
      EXPECT_EQ(p.line, 4);
      EXPECT_EQ(p.column, 57) << p.format("v.xml");  // href="#sec_9"
    }
  }
  EXPECT_TRUE(duplicate);
  EXPECT_TRUE(unresolved);
}

// Hole 2: follows_abbreviation kept a view of a temporary std::string (the element's name, for an
// element with no abbreviation such as <part> or <rule>) after the temporary was gone: AddressSanitizer
// reported stack-use-after-scope. This runs that path; under PALERMO_SANITIZE=ON it fails before the fix.
TEST(Validate, ElementsWithoutAnAbbreviationAreNamedByTheirOwnName) {
  const std::string xml = kOpen +
                          "<act name=\"x\"><meta><identification source=\"#s\"/></meta><body>\n"
                          "<part eId=\"part_1\"><num>1</num><rule eId=\"part_1__rule_1\"><num>1</num>"
                          "<content><p>a</p></content></rule></part>\n"
                          "<part eId=\"prt_2\"><num>2</num><content><p>b</p></content></part>\n"
                          "</body></act></akomaNtoso>\n";
  auto doc = read_document_from_memory(xml, "parts.xml");
  ASSERT_TRUE(doc.ok()) << doc.errors().front().format();
  std::vector<std::string> flagged;
  for (const Problem& p : validate(doc.value()))
    if (p.kind == "eid-convention") flagged.push_back(p.message);
  ASSERT_EQ(flagged.size(), 1u) << (flagged.empty() ? "" : flagged.front());
  EXPECT_NE(flagged.front().find("'prt_2' should end in 'part_...'"), std::string::npos) << flagged.front();
}

}  // namespace
}  // namespace palermo::akn
