// Tests of the OASIS eId naming convention helpers and of lawyer-style citation labels.
#include <gtest/gtest.h>

#include "akn/citation_label.hpp"
#include "akn/eid.hpp"

namespace palermo::akn {
namespace {

TEST(EidNumber, FollowsTheNamingConventionExamples) {
  // The convention's own vectors (section 5: final punctuation and meaningless characters removed).
  EXPECT_EQ(eid_number_from_num("(i)"), "i");
  EXPECT_EQ(eid_number_from_num("1.2."), "1-2");
  EXPECT_EQ(eid_number_from_num("3a bis"), "3abis");
  EXPECT_EQ(eid_number_from_num("3."), "3");
  EXPECT_EQ(eid_number_from_num("(a)"), "a");
  EXPECT_EQ(eid_number_from_num("64FA"), "64FA");  // case kept
  EXPECT_EQ(eid_number_from_num("Article 225-4-1"), "225-4-1");
  EXPECT_EQ(eid_number_from_num("CHAPTER II"), "II");
  EXPECT_EQ(eid_number_from_num("Artículo 5º"), "5");
  EXPECT_EQ(eid_number_from_num("  (1)  "), "1");
  EXPECT_EQ(eid_number_from_num(""), "");
}

TEST(EidAbbreviation, UsesTheConventionsTable) {
  EXPECT_EQ(eid_abbreviation("section"), "sec");
  EXPECT_EQ(eid_abbreviation("subsection"), "subsec");
  EXPECT_EQ(eid_abbreviation("paragraph"), "para");
  EXPECT_EQ(eid_abbreviation("subparagraph"), "subpara");
  EXPECT_EQ(eid_abbreviation("chapter"), "chp");
  EXPECT_EQ(eid_abbreviation("article"), "art");
  EXPECT_EQ(eid_abbreviation("alinea"), "al");
  EXPECT_EQ(eid_abbreviation("division"), "dvs");
  EXPECT_EQ(eid_abbreviation("blockList"), "list");
  EXPECT_EQ(eid_abbreviation("part"), "part");  // no abbreviation: own name
  EXPECT_EQ(eid_abbreviation("hcontainer"), "hcontainer");
}

TEST(MakeEid, PrefixesTheParent) {
  EXPECT_EQ(make_eid("", "section", "3"), "sec_3");
  EXPECT_EQ(make_eid("sec_3", "subsection", eid_number_from_num("(1)")), "sec_3__subsec_1");
  EXPECT_EQ(make_eid("sec_3__subsec_1", "paragraph", eid_number_from_num("(a)")), "sec_3__subsec_1__para_a");
  EXPECT_EQ(make_eid("chp_II__part_VIII", "section", "64FA"), "chp_II__part_VIII__sec_64FA");
  EXPECT_EQ(make_eid("", "body", ""), "body");
  EXPECT_EQ(eid_last_component("sec_3__subsec_1__para_a"), "para_a");
  EXPECT_EQ(eid_prefix("sec_3__subsec_1__para_a"), "sec_3__subsec_1");
  EXPECT_EQ(eid_prefix("sec_3"), "");
}

TEST(CitationLabel, EnglishActs) {
  EXPECT_EQ(citation_label("section", "3.", {}, "eng"), "s 3");
  EXPECT_EQ(citation_label("section", "Section 12A", {}, "eng"), "s 12A");
  EXPECT_EQ(citation_label("subsection", "(1)", {"section", "s 3"}, "eng"), "s 3(1)");
  EXPECT_EQ(citation_label("paragraph", "(a)", {"subsection", "s 3(1)"}, "eng"), "s 3(1)(a)");
  EXPECT_EQ(citation_label("subparagraph", "(i)", {"paragraph", "s 3(1)(a)"}, "eng"), "s 3(1)(a)(i)");
  EXPECT_EQ(citation_label("paragraph", "(b)", {"section", "s 2"}, "eng"), "s 2(b)");
  EXPECT_EQ(citation_label("part", "PART 2", {}, "eng"), "Pt 2");
  EXPECT_EQ(citation_label("chapter", "4", {}, "eng"), "Ch 4");
  EXPECT_EQ(citation_label("section", "5.", {"chapter", "Ch 4"}, "eng"), "s 5");  // containers not cited
  // A container without num is cited as its parent.
  EXPECT_EQ(citation_label("hcontainer", "", {"section", "s 13"}, "eng"), "s 13");
}

TEST(CitationLabel, ArticlesInCodesAndConstitutions) {
  EXPECT_EQ(citation_label("article", "Article 225-4-1", {}, "fra"), "art 225-4-1");
  EXPECT_EQ(citation_label("alinea", "2", {"article", "art 225-4-1"}, "fra"), "art 225-4-1 al 2");
  EXPECT_EQ(citation_label("paragraph", "2", {"article", "art 225-4-1"}, "fra"), "art 225-4-1 al 2");
  EXPECT_EQ(citation_label("article", "Artículo 5", {}, "spa"), "art 5");
  EXPECT_EQ(citation_label("paragraph", "(2)", {"article", "art 5"}, "spa"), "art 5(2)");
  EXPECT_EQ(citation_label("article", "Article 30", {}, "eng"), "art 30");
}

TEST(CitationLabel, Schedules) {
  EXPECT_EQ(attachment_citation("Schedule 2", 1), "Sch 2");
  EXPECT_EQ(attachment_citation("SCHEDULE 3 (Section 4)", 1), "Sch 3");
  EXPECT_EQ(attachment_citation("Schedule", 1), "Sch 1");
  EXPECT_EQ(attachment_citation("", 4), "Sch 4");
  EXPECT_EQ(citation_number("(a)"), "a");
  EXPECT_EQ(citation_number("Article 225-4-1."), "225-4-1");
}

}  // namespace
}  // namespace palermo::akn
