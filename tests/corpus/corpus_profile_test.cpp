// The analysis against the corpus profiles: each corpus/*/PROFILE.md table says what a careful reader
// finds in the fictional statutes; these tests run `analyze` on the same documents and compare row by row.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>

#include "corpus/corpus_support.hpp"

namespace palermo::corpus_test {
namespace {

// ---- the profile parser itself -----------------------------------------------------------------

TEST(ProfileParser, ReadsSectionsRowsAndReadWithDocuments) {
  const std::string text =
      "# Country\n\n"
      "## Document: `a.akn.xml` (read with b.akn.xml and c.akn.xml)\n\n"
      "Prose | with a bar that is not a table.\n\n"
      "| element | expected | provision | why |\n"
      "|---|---|---|---|\n"
      "| acts.recruitment | met | sec_4__subsec_1 | \"recruits\" |\n"
      "| means.payments | gap | - | not listed |\n\n"
      "## Document: d.akn.xml\n\n"
      "| element | expected | provision | why |\n"
      "|---|---|---|---|\n"
      "| redflag.fine-in-lieu | conflict | `sec_9` | quote with `a|b` inside |\n";
  const ProfileParse parse = parse_profile(text, "/x/xq/PROFILE.md");
  ASSERT_TRUE(parse.errors.empty()) << parse.errors.front();
  ASSERT_EQ(parse.sections.size(), 2u);
  const ProfileSection& first = parse.sections[0];
  EXPECT_EQ(first.folder, "xq");
  EXPECT_EQ(first.main_document, "a.akn.xml");
  EXPECT_EQ(first.documents, (std::vector<std::string>{"/x/xq/a.akn.xml", "/x/xq/b.akn.xml", "/x/xq/c.akn.xml"}));
  ASSERT_EQ(first.rows.size(), 2u);
  EXPECT_EQ(first.rows[0].element, "acts.recruitment");
  EXPECT_EQ(first.rows[0].provision, "sec_4__subsec_1");
  EXPECT_EQ(first.rows[0].line, 9);        // heading on line 3, the table from line 7
  EXPECT_EQ(first.rows[1].provision, "");  // "-" means no provision
  const ProfileSection& second = parse.sections[1];
  EXPECT_EQ(second.documents.size(), 1u);
  ASSERT_EQ(second.rows.size(), 1u);
  EXPECT_EQ(second.rows[0].provision, "sec_9");
  EXPECT_EQ(second.rows[0].why, "quote with `a|b` inside");
}

TEST(ProfileParser, ReportsMalformedRowsWithTheirLine) {
  const std::string text =
      "## Document: a.akn.xml\n"
      "| element | expected | provision | why |\n"
      "|---|---|---|---|\n"
      "| acts.recruitment | mostly | sec_4 | x |\n"
      "| acts.transfer | met | sec_4 |\n";
  const ProfileParse parse = parse_profile(text, "P.md");
  ASSERT_EQ(parse.errors.size(), 2u);
  EXPECT_EQ(parse.errors[0].rfind("P.md:4:", 0), 0u) << parse.errors[0];
  EXPECT_EQ(parse.errors[1].rfind("P.md:5:", 0), 0u) << parse.errors[1];
}

TEST(ProfileParser, EidRelationFollowsComponentBoundaries) {
  EXPECT_TRUE(eid_related("sec_4__subsec_1", "sec_4__subsec_1"));
  EXPECT_TRUE(eid_related("sec_4__subsec_1", "sec_4__subsec_1__para_a"));
  EXPECT_TRUE(eid_related("sec_4__subsec_1__para_a", "sec_4"));
  EXPECT_FALSE(eid_related("sec_2", "sec_21__subsec_1"));
  EXPECT_FALSE(eid_related("", "sec_2"));
}

// ---- the bundled profiles and the model -----------------------------------------------------------

TEST(CorpusProfiles, ParseWithoutErrorsAndNameExistingDocuments) {
  std::size_t sections = 0;
  for (const std::string& profile : corpus_profiles()) {
    const ProfileParse parse = parse_profile_file(profile);
    for (const std::string& e : parse.errors) ADD_FAILURE() << e;
    EXPECT_FALSE(parse.sections.empty()) << profile << " has no `## Document:` section";
    for (const ProfileSection& s : parse.sections) {
      ++sections;
      EXPECT_GE(s.rows.size(), 40u) << profile << ":" << s.line << " has a short table";
      for (const std::string& d : s.documents) EXPECT_TRUE(std::filesystem::exists(d)) << d << " (" << profile << ")";
      std::set<std::string> keys;
      for (const ProfileRow& r : s.rows)
        EXPECT_TRUE(keys.insert(r.element).second) << profile << ":" << r.line << ": duplicate " << r.element;
    }
  }
  // xa, xb, xd, xe one each; xc two (the 2009 Act and the 2026 Bill, each with the general part).
  EXPECT_EQ(sections, 6u);
}

TEST(CorpusProfiles, EveryKeyMapsOntoTheEmbeddedModel) {
  const model::Model& model = embedded_model();
  ASSERT_FALSE(model.obligations.empty()) << "the embedded model did not load";
  for (const ProfileSection& s : all_profile_sections()) {
    for (const ProfileRow& r : s.rows) {
      const auto target = map_profile_key(r.element);
      if (!target) {
        ADD_FAILURE() << s.profile_path << ":" << r.line << ": no mapping for key " << r.element;
        continue;
      }
      const model::Obligation* o = model.find(target->obligation);
      if (!o) {
        ADD_FAILURE() << s.profile_path << ":" << r.line << ": " << r.element << " -> " << target->describe()
                      << ": no such obligation in the model";
        continue;
      }
      if (target->kind == ModelTarget::Kind::obligation) continue;
      const auto& list = target->kind == ModelTarget::Kind::red_flag ? o->red_flags : o->elements;
      const bool found =
          std::any_of(list.begin(), list.end(), [&](const model::Element& e) { return e.id == target->item; });
      EXPECT_TRUE(found) << s.profile_path << ":" << r.line << ": " << r.element << " -> " << target->describe()
                         << ": the obligation has no such "
                         << (target->kind == ModelTarget::Kind::red_flag ? "red flag" : "element");
    }
  }
}

// ---- the analysis against each profile table ----------------------------------------------------

// Rows that must agree exactly: the red flags, the five acts, means for children and the penalty
// threshold are the findings a drafter acts on first, and the corpus was written to make them plain.
bool is_critical(std::string_view key) {
  return key.rfind("redflag.", 0) == 0 || key.rfind("acts.", 0) == 0 || key == "children.no-means" ||
         key == "sanctions.serious-crime";
}

constexpr double kMinimumAgreement = 0.85;

struct RowOutcome {
  const ProfileRow* row;
  std::optional<ModelTarget> target;
  Observed observed;
  bool agree = false;
  bool evidence_checked = false, evidence_ok = true;
};

std::string join(const std::vector<std::string>& items, std::size_t limit = 6) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < limit; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > limit) out += ", … (" + std::to_string(items.size()) + " in all)";
  return out.empty() ? "-" : out;
}

std::vector<std::string> unique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

class ProfileAgreement : public testing::TestWithParam<ProfileSection> {};

TEST_P(ProfileAgreement, AnalysisAgreesWithProfile) {
  const ProfileSection& section = GetParam();
  std::string error;
  const analysis::CountryReport* report = section_report(section, &error);
  ASSERT_NE(report, nullptr) << error;

  std::vector<RowOutcome> outcomes;
  for (const ProfileRow& row : section.rows) {
    RowOutcome o{&row, map_profile_key(row.element), {}};
    if (o.target) {
      o.observed = observe(*report, *o.target);
      o.agree = agrees(*o.target, row.expected, o.observed);
      // A "met" row naming a provision: some evidence must stand at it, inside it or around it. The
      // evidence's own eId counts, and so does any eId on its chain (the offence a definition feeds).
      if (o.agree && row.expected == "met" && !row.provision.empty() && o.target->kind != ModelTarget::Kind::red_flag) {
        o.evidence_checked = true;
        auto related = [&](const std::string& eid) { return eid_related(eid, row.provision); };
        o.evidence_ok = std::any_of(o.observed.evidence_eids.begin(), o.observed.evidence_eids.end(), related) ||
                        std::any_of(o.observed.chain_eids.begin(), o.observed.chain_eids.end(), related);
      }
    }
    outcomes.push_back(std::move(o));
  }

  // The whole table goes to the test log, so the lead sees where analysis and profile part ways.
  std::ostringstream table;
  table << "\n=== " << section.folder << ": " << section.main_document << " (" << section.documents.size()
        << " document(s)) ===\n";
  table << std::left << std::setw(34) << "element" << std::setw(10) << "expected" << std::setw(18) << "got"
        << std::setw(5) << "ok"
        << "evidence eIds\n";
  std::size_t agreed = 0;
  std::ostringstream mismatches, critical, evidence;
  for (const RowOutcome& o : outcomes) {
    const ProfileRow& r = *o.row;
    const std::string got = o.target ? status_word(*o.target, o.observed) : "(unmapped)";
    agreed += o.agree;
    const std::vector<std::string> eids = unique(o.observed.evidence_eids);
    table << std::setw(34) << r.element << std::setw(10) << r.expected << std::setw(18) << got << std::setw(5)
          << (o.agree ? (o.evidence_ok ? "yes" : "eid?") : "NO") << join(eids) << "\n";
    std::ostringstream line;
    line << "  " << r.element << " (" << (o.target ? o.target->describe() : "unmapped") << "): expected " << r.expected
         << " at " << (r.provision.empty() ? "-" : r.provision) << ", got " << got
         << "\n      reason: " << (o.observed.reason.empty() ? "-" : o.observed.reason)
         << "\n      evidence: " << join(eids) << "\n      profile: " << r.why << "\n";
    if (!o.agree) {
      mismatches << line.str();
      if (is_critical(r.element)) critical << line.str();
    } else if (!o.evidence_ok) {
      evidence << line.str() << "      chain: " << join(unique(o.observed.chain_eids)) << "\n";
    }
  }
  const double rate = outcomes.empty() ? 0.0 : static_cast<double>(agreed) / static_cast<double>(outcomes.size());
  table << "agreement: " << agreed << "/" << outcomes.size() << " = " << std::fixed << std::setprecision(1)
        << 100.0 * rate << "%\n";
  std::cout << table.str() << std::flush;

  EXPECT_GE(rate, kMinimumAgreement) << section.folder << " " << section.main_document << ": " << agreed << " of "
                                     << outcomes.size() << " rows agree; every mismatch:\n"
                                     << mismatches.str();
  EXPECT_TRUE(critical.str().empty()) << section.folder << " " << section.main_document << ": critical rows disagree:\n"
                                      << critical.str();
  EXPECT_TRUE(evidence.str().empty()) << section.folder << " " << section.main_document
                                      << ": the status agrees but no evidence stands at the profile's provision:\n"
                                      << evidence.str();
}

std::string section_test_name(const testing::TestParamInfo<ProfileSection>& info) { return section_label(info.param); }

INSTANTIATE_TEST_SUITE_P(Corpus, ProfileAgreement, testing::ValuesIn(all_profile_sections()), section_test_name);

}  // namespace
}  // namespace palermo::corpus_test
