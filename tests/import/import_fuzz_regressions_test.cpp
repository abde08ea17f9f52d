// Inputs the fuzz targets found (fuzz/README.md), kept as regression tests of the importer.
#include <gtest/gtest.h>

#include <string>

#include "akn/reader.hpp"
#include "import/import.hpp"

namespace palermo::import {
namespace {

// fuzz_import_text: U+FFFF (here from UTF-16 with a byte-order mark, and from UTF-8) is a valid code
// point of both encodings but not a character XML may hold. The importer wrote it into the AKN,
// which palermo then refused to read ("Char 0xFFFF out of allowed range"). What import writes,
// palermo must read: the non-characters become U+FFFD.
TEST(ImportFuzzRegressions, NonCharactersDoNotMakeTheAknUnreadable) {
  const std::string found(
      "\xfe\xff\xff\xff"
      "Article prmeier\x0aLa traite d&te s\xaa\xc3ment. II. - La ten\xff\xff\xff\xff\xff\xff"
      "e.\x0a"
      "Art.  \xaa"
      "ee\xc3s$$$$$$$$$a$$$$$$e est punie.\x0a"
      "Art. 868-",
      114);
  Options fra;
  fra.language = "fra";
  auto imported = import_bytes(found, "fuzz.txt", fra);
  ASSERT_TRUE(imported.ok()) << imported.errors().front().format();
  auto back = akn::read_document_from_memory(imported->xml, "fuzz.akn.xml");
  EXPECT_TRUE(back.ok()) << (back.ok() ? "" : back.errors().front().format());

  Options eng;
  eng.language = "eng";
  auto utf8 =
      import_bytes("Section 1\nA person who recruits \xEF\xBF\xBF another \xEF\xBF\xBE person.\n", "nonchar.txt", eng);
  ASSERT_TRUE(utf8.ok()) << utf8.errors().front().format();
  auto read = akn::read_document_from_memory(utf8->xml, "nonchar.akn.xml");
  ASSERT_TRUE(read.ok()) << read.errors().front().format();
  EXPECT_NE(utf8->xml.find("recruits \xEF\xBF\xBD another \xEF\xBF\xBD person"), std::string::npos) << utf8->xml;
}

}  // namespace
}  // namespace palermo::import
