#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "util/embedded.hpp"
#include "util/files.hpp"
#include "util/result.hpp"
#include "util/utf8.hpp"

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
  Result<int> bad(Diagnostic{.file = "f.xml", .line = 2, .column = 3, .message = "broken"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.errors().at(0).line, 2);
}

// Issue 11: `show /dev/zero` read until memory ran out and a named pipe blocked forever. Only
// regular files are read, and none past the input limit.
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

// Issue 11: `show /dev/zero` read until memory ran out and a named pipe blocked forever. Only
// regular files are read, and none past the input limit.
TEST(Files, DevicesAndPipesAreRefused) {
  if (!std::filesystem::exists("/dev/zero")) GTEST_SKIP() << "/dev/zero is absent on this machine";
  auto r = read_file("/dev/zero");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors().at(0).message.find("not a regular file"), std::string::npos) << r.errors().at(0).message;
  const std::string fifo =
      (std::filesystem::temp_directory_path() / ("palermo_fifo_" + std::to_string(::getpid()))).string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto p = read_file(fifo);  // would block forever if it were opened
  std::filesystem::remove(fifo);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.errors().at(0).message.find("not a regular file"), std::string::npos);
}

TEST(Files, InputsPastTheLimitAreRefusedAndTheLimitIsConfigurable) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("palermo_big_" + std::to_string(::getpid()))).string();
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string(3 * 1024 * 1024, 'x');
  }
  ::setenv("PALERMO_MAX_INPUT_MB", "2", 1);
  auto refused = read_file(path);
  ::setenv("PALERMO_MAX_INPUT_MB", "4", 1);
  auto read = read_file(path);
  ::unsetenv("PALERMO_MAX_INPUT_MB");
  std::filesystem::remove(path);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.errors().at(0).message.find("larger than the input limit of 2 MB"), std::string::npos)
      << refused.errors().at(0).message;
  EXPECT_NE(refused.errors().at(0).hint.find("PALERMO_MAX_INPUT_MB"), std::string::npos);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.value().size(), 3u * 1024 * 1024);
  EXPECT_EQ(max_input_bytes(), kDefaultMaxInputBytes);
}

}  // namespace
}  // namespace palermo

// Issue 11 hole 14: excerpts escape what a terminal should not receive raw, and the caret still
// stands under the column (characters, not bytes).
TEST(Diagnostic, ExcerptEscapesControlAndInvalidBytes) {
  palermo::Diagnostic d;
  d.file = "f.xml";
  d.line = 3;
  d.column = 10;
  d.message = "bad";
  d.excerpt = std::string("é\x01\x1b[31m\xff\tx!");
  const std::string text = d.format();
  EXPECT_NE(text.find("\n  é\\x01\\x1B[31m\\xFF x!\n"), std::string::npos) << text;
  // Column 10 is 'x': after é, \x01, \x1B, [, 3, 1, m, \xFF and the tab, 18 columns wide as shown.
  const std::string caret = text.substr(text.rfind('\n') + 1);
  EXPECT_EQ(caret, std::string(2 + 1 + 4 + 4 + 4 + 4 + 1, ' ') + "^") << text;
  EXPECT_EQ(palermo::escape_excerpt("Artículo 5.º"), "Artículo 5.º");
  EXPECT_EQ(palermo::escape_excerpt("\xC0\xAF"), "\\xC0\\xAF");    // overlong '/'
  EXPECT_EQ(palermo::escape_excerpt("\xC2\x85x"), "\\xC2\\x85x");  // C1 control NEL
}

// Issue 11 hole 15: cutting text for output never cuts inside a character.
TEST(Utf8, PrefixAndBoundaryNeverSplitACharacter) {
  const std::string s =
      "ab\xE2\x80\x9C"
      "cd";  // ab“cd
  EXPECT_EQ(palermo::utf8_prefix(s, 2), "ab");
  EXPECT_EQ(palermo::utf8_prefix(s, 3), "ab");
  EXPECT_EQ(palermo::utf8_prefix(s, 4), "ab");
  EXPECT_EQ(palermo::utf8_prefix(s, 5), "ab\xE2\x80\x9C");
  EXPECT_EQ(palermo::utf8_prefix(s, 100), s);
  EXPECT_EQ(palermo::utf8_boundary_at_or_after(s, 3), 5u);
  EXPECT_EQ(palermo::utf8_boundary_at_or_after(s, 2), 2u);
  EXPECT_EQ(palermo::utf8_boundary_at_or_after(s, 7), 7u);
}
