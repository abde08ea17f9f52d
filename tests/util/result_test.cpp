#include <gtest/gtest.h>

#include "util/embedded.hpp"
#include "util/result.hpp"

namespace palermo {
namespace {

TEST(Diagnostic, FormatsFileLineColumnExcerptCaretAndHint) {
  Diagnostic d;
  d.file = "model/a.pal";
  d.line = 4;
  d.column = 7;
  d.message = "expected a class here";
  d.excerpt = "class manditory";
  d.hint = "use mandatory, qualified, endeavour, consider or good-practice";
  EXPECT_EQ(d.format(),
            "model/a.pal:4:7: error: expected a class here\n"
            "  class manditory\n"
            "        ^\n"
            "  hint: use mandatory, qualified, endeavour, consider or good-practice");
}

TEST(Result, CarriesValueOrErrors) {
  Result<int> good(5);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 5);
  Result<int> bad(Diagnostic{Diagnostic::Severity::error, "f.xml", 2, 3, "broken", "", ""});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.errors().at(0).line, 2);
}

}  // namespace
}  // namespace palermo

#include "util/files.hpp"

namespace palermo {
namespace {

TEST(Files, Sha256OfKnownInput) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Files, MissingFileIsADiagnosticNamingIt) {
  auto r = read_file("/nonexistent/statute.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors().at(0).file, "/nonexistent/statute.xml");
}

}  // namespace
}  // namespace palermo
