// Citation resolution against the real Namibian act: relative citations resolve from where they stand.
#include <gtest/gtest.h>

#include "shared_files.hpp"

#include "analysis/citations.hpp"
#include "grammars/citation/citation.hpp"
#include "support.hpp"

using namespace palermo;
using namespace palermo::analysis;
using namespace palermo::analysis::testing;

namespace {

const akn::Document& namibia() {
  static const akn::Document d = load_document(kStatutes + "na_act_2018_1_combating-of-trafficking-in-persons.akn.xml");
  return d;
}

std::vector<std::string> eids(const std::vector<std::size_t>& found) {
  std::vector<std::string> out;
  for (std::size_t i : found) out.push_back(namibia().provisions[i].eid);
  return out;
}

citation::Citation cite(std::string_view text) {
  auto all = citation::find_citations(text);
  EXPECT_EQ(all.size(), 1u) << text;
  return all.empty() ? citation::Citation{} : all.front();
}

std::size_t at(const std::string& eid) {
  auto i = namibia().find(eid);
  EXPECT_TRUE(i.has_value()) << eid;
  return i.value_or(0);
}

}  // namespace

TEST(Resolve, SectionAnywhereWithSubdivisions) {
  SKIP_WITHOUT_SHARED(kStatutes);
  EXPECT_EQ(eids(resolve(cite("section 3(1)(a)"), namibia(), at("sec_10"))),
            (std::vector<std::string>{"sec_3__subsec_1__para_a"}));
  EXPECT_EQ(eids(resolve(cite("section 12(2)"), namibia(), at("sec_9"))),
            (std::vector<std::string>{"sec_12__subsec_2"}));
}

TEST(Resolve, SubsectionIsASiblingOfTheCitingOne) {
  SKIP_WITHOUT_SHARED(kStatutes);
  // s 3(4): "A person convicted of an offence under subsection (1), (2) or (3)"
  EXPECT_EQ(eids(resolve(cite("subsection (1), (2) or (3)"), namibia(), at("sec_3__subsec_4"))),
            (std::vector<std::string>{"sec_3__subsec_1", "sec_3__subsec_2", "sec_3__subsec_3"}));
  // s 3(2): "any of the means set out in paragraph (a), (b) ... of subsection (1)"
  EXPECT_EQ(
      eids(resolve(cite("paragraph (a), (b) or (h) of subsection (1)"), namibia(), at("sec_3__subsec_2"))),
      (std::vector<std::string>{"sec_3__subsec_1__para_a", "sec_3__subsec_1__para_b", "sec_3__subsec_1__para_h"}));
}

TEST(Resolve, ParagraphWithinTheCurrentSubsection) {
  SKIP_WITHOUT_SHARED(kStatutes);
  EXPECT_EQ(eids(resolve(cite("paragraph (c)"), namibia(), at("sec_3__subsec_1__para_a"))),
            (std::vector<std::string>{"sec_3__subsec_1__para_c"}));
}

TEST(Resolve, RangesAndWholeUnits) {
  SKIP_WITHOUT_SHARED(kStatutes);
  auto range = eids(resolve(cite("sections 3 to 5"), namibia(), 0));
  EXPECT_EQ(range, (std::vector<std::string>{"sec_3", "sec_4", "sec_5"}));
  auto this_section = resolve(cite("this section"), namibia(), at("sec_3__subsec_2"));
  EXPECT_EQ(eids(this_section), (std::vector<std::string>{"sec_3"}));
  EXPECT_TRUE(resolve(cite("section 99"), namibia(), 0).empty());
}

TEST(Resolve, NumbersAreNormalised) {
  EXPECT_EQ(normalized_number("3."), "3");
  EXPECT_EQ(normalized_number("(1)"), "1");
  EXPECT_EQ(normalized_number("Article 225-4-1"), "225-4-1");
  EXPECT_EQ(normalized_number("(a)"), "a");
}
