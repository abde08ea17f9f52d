// `palermo diff` on the corpus: Corvelia's current law (2009 Act + general part) against the law with the
// 2026 Bill (Bill + general part) closes exactly the gaps that corpus/xc/PROFILE.md says the Bill closes.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>

#include "corpus/corpus_support.hpp"
#include "report/report.hpp"

namespace palermo::corpus_test {
namespace {

bool good(std::string_view expected) { return expected == "met"; }
bool bad(std::string_view expected) { return expected == "partial" || expected == "gap" || expected == "conflict"; }

const ProfileSection* find_section(std::string_view folder, bool bill) {
  for (const ProfileSection& s : all_profile_sections())
    if (s.folder == folder && (s.main_document.find("_bill_") != std::string::npos) == bill) return &s;
  return nullptr;
}

// The change the diff reports for one profile key: an element's or red flag's own change, or the
// obligation's for keys judged on an obligation's status. nullopt when the diff does not hold it.
std::optional<report::Change> change_for(const report::DiffResult& diff, const ModelTarget& target) {
  auto o = std::find_if(diff.obligations.begin(), diff.obligations.end(),
                        [&](const report::ObligationDiff& d) { return d.id == target.obligation; });
  if (o == diff.obligations.end()) return std::nullopt;
  if (target.kind == ModelTarget::Kind::obligation) return o->change;
  const bool red_flag = target.kind == ModelTarget::Kind::red_flag;
  for (const report::ElementDiff& e : o->elements)
    if (e.id == target.item && e.red_flag == red_flag) return e.change;
  return std::nullopt;
}

std::string listed(const std::set<std::string>& keys) {
  std::string out;
  for (const std::string& k : keys) out += "  " + k + "\n";
  return out.empty() ? "  (none)\n" : out;
}

TEST(CorveliaDiff, BillClosesExactlyTheGapsItsProfileNames) {
  const ProfileSection* act = find_section("xc", false);
  const ProfileSection* bill = find_section("xc", true);
  ASSERT_NE(act, nullptr) << "corpus/xc/PROFILE.md has no section for the 2009 Act";
  ASSERT_NE(bill, nullptr) << "corpus/xc/PROFILE.md has no section for the 2026 Bill";
  std::string error;
  const analysis::CountryReport* before = section_report(*act, &error);
  ASSERT_NE(before, nullptr) << error;
  const analysis::CountryReport* after = section_report(*bill, &error);
  ASSERT_NE(after, nullptr) << error;

  const report::DiffResult diff = report::diff_reports(*before, *after);
  std::cout << report::render_diff_text(diff) << std::flush;

  // What the profile says: a key the Act table marks partial/gap/conflict and the Bill table met is
  // closed; the reverse would be opened. Keys the tables agree on must be neither.
  std::map<std::string, std::string> act_expected;
  for (const ProfileRow& r : act->rows) act_expected[r.element] = r.expected;
  std::set<std::string> expected_closed, expected_opened, got_closed, got_opened;
  std::string unmatched;
  for (const ProfileRow& r : bill->rows) {
    auto was = act_expected.find(r.element);
    if (was == act_expected.end()) continue;
    if (bad(was->second) && good(r.expected)) expected_closed.insert(r.element);
    if (good(was->second) && bad(r.expected)) expected_opened.insert(r.element);
    const auto target = map_profile_key(r.element);
    if (!target) {
      unmatched += "  " + r.element + ": no model mapping\n";
      continue;
    }
    const auto change = change_for(diff, *target);
    if (!change) {
      unmatched += "  " + r.element + " (" + target->describe() + "): not in the diff\n";
      continue;
    }
    if (*change == report::Change::closed) got_closed.insert(r.element);
    if (*change == report::Change::opened) got_opened.insert(r.element);
  }
  // The Bill's prose names these closures; the tables must carry them for the comparison to mean anything.
  for (const char* key : {"acts.transfer", "redflag.victims-restricted", "redflag.means-for-children",
                          "children.no-means", "purpose.slavery", "purpose.servitude", "purpose.organ-removal"})
    EXPECT_TRUE(expected_closed.count(key)) << key << " is not closed by the tables of corpus/xc/PROFILE.md";
  EXPECT_TRUE(expected_opened.empty()) << "the profile says the Bill opens:\n" << listed(expected_opened);

  EXPECT_TRUE(unmatched.empty()) << "profile keys the diff does not report:\n" << unmatched;
  std::set<std::string> missing, extra;
  std::set_difference(expected_closed.begin(), expected_closed.end(), got_closed.begin(), got_closed.end(),
                      std::inserter(missing, missing.end()));
  std::set_difference(got_closed.begin(), got_closed.end(), expected_closed.begin(), expected_closed.end(),
                      std::inserter(extra, extra.end()));
  EXPECT_TRUE(missing.empty()) << "closed by the Bill according to the profile, not closed in the diff:\n"
                               << listed(missing);
  EXPECT_TRUE(extra.empty()) << "closed in the diff, not closed according to the profile:\n" << listed(extra);
  EXPECT_EQ(got_opened, expected_opened) << "opened in the diff:\n" << listed(got_opened);

  // Nothing anywhere in the model gets worse: the Bill re-enacts every provision it does not improve.
  std::set<std::string> opened_obligations;
  for (const report::ObligationDiff& o : diff.obligations)
    if (o.change == report::Change::opened) opened_obligations.insert(o.id);
  EXPECT_TRUE(opened_obligations.empty()) << "obligations the diff says the Bill opens:\n"
                                          << listed(opened_obligations);
  EXPECT_EQ(diff.opened, 0);
  EXPECT_GT(diff.closed, 0);
  EXPECT_EQ(diff.country, "xc");
}

}  // namespace
}  // namespace palermo::corpus_test
