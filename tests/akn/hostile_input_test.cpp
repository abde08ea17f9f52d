// Issue 11: the reader's cost on hostile input stays linear.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "akn/reader.hpp"

namespace palermo::akn {
namespace {

// Hole 5: eIds for same-numbered siblings were found by trying every suffix from 2 again
// (quadratic): 10,000 siblings took 3.9 s, so 50,000 would take about 100 s. Linear, it is well
// under a second; the bound leaves room for a loaded machine and a sanitizer build.
TEST(HostileInput, FiftyThousandSameNumberedSiblingsReadInLinearTime) {
  std::string xml =
      "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act name=\"act\"><meta>"
      "<identification source=\"#s\"><FRBRWork><FRBRthis value=\"/akn/zz/act/1/!main\"/><FRBRuri "
      "value=\"/akn/zz/act/1\"/>"
      "<FRBRdate date=\"2020-01-01\" name=\"x\"/><FRBRauthor href=\"#s\"/><FRBRcountry value=\"zz\"/></FRBRWork>"
      "</identification></meta><body>";
  for (int i = 0; i < 50000; ++i) xml += "<section><num>1.</num><content><p>x</p></content></section>";
  xml += "</body></act></akomaNtoso>";
  const auto started = std::chrono::steady_clock::now();
  auto doc = read_document_from_memory(xml, "many.xml");
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(doc.ok()) << doc.errors().front().format();
  ASSERT_EQ(doc->provisions.size(), 50000u);
  EXPECT_EQ(doc->provisions.back().eid, "sec_1_50000");
  EXPECT_LT(took, std::chrono::seconds(10)) << "eId generation is no longer linear";
}

}  // namespace
}  // namespace palermo::akn
