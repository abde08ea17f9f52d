// The full-text store on real statutes: indexing, replacing an expression, and searches that must
// meet across inflections and languages.
#include <gtest/gtest.h>

#include "shared_files.hpp"

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "akn/reader.hpp"
#include "grammars/pattern/pattern.hpp"
#include "store/store.hpp"

namespace palermo::store {
namespace {

const std::string kStatutes = std::string(PALERMO_SHARED_DIR) + "/statutes/akn/";
const std::string kNamibia = kStatutes + "na_act_2018_1_combating-of-trafficking-in-persons.akn.xml";
const std::string kFrance = kStatutes + "fr_code-penal_traite-des-etres-humains_extract.akn.xml";
const std::string kUganda = kStatutes + "ug_act_2009_7_prevention-of-trafficking-in-persons.akn.xml";

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("palermo-store-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    std::filesystem::remove(path_);
    auto s = Store::open(path_);
    ASSERT_TRUE(s.ok()) << s.errors().at(0).format();
    store_.emplace(std::move(s).value());
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  void put(const std::string& file) {
    auto doc = akn::read_document(file);
    ASSERT_TRUE(doc.ok()) << doc.errors().at(0).format();
    auto r = store_->put(*doc);
    ASSERT_TRUE(r.ok()) << r.errors().at(0).format();
  }
  std::vector<Hit> search(const std::string& query, SearchOptions options = {}) {
    auto q = pattern::parse(query, "query");
    EXPECT_TRUE(q.ok()) << query;
    if (!q.ok()) return {};
    auto hits = store_->search(*q, options);
    EXPECT_TRUE(hits.ok()) << (hits.ok() ? "" : hits.errors().at(0).format());
    return hits.ok() ? *hits : std::vector<Hit>{};
  }
  std::string path_;
  std::optional<Store> store_;
};

bool any_hit(const std::vector<Hit>& hits, const std::string& country, const std::string& eid_prefix) {
  for (const auto& h : hits)
    if (h.country == country && h.eid.rfind(eid_prefix, 0) == 0) return true;
  return false;
}

TEST_F(StoreTest, NearQueryFindsAbuseOfVulnerabilityInNamibia) {
  SKIP_WITHOUT_SHARED(kStatutes);
  put(kNamibia);
  auto hits = search("abuse NEAR/5 vulnerability");
  ASSERT_FALSE(hits.empty());
  // Namibia's definitions and its offence in s 3 both speak of abuse of a position of vulnerability.
  EXPECT_TRUE(any_hit(hits, "na", "sec_")) << hits.front().eid;
  EXPECT_NE(hits.front().snippet.find(kMarkOpen), std::string::npos);
}

TEST_F(StoreTest, StemmingMeetsInflections) {
  SKIP_WITHOUT_SHARED(kStatutes);
  put(kNamibia);
  // The query says "recruitment"; the offence says "recruits".
  auto hits = search("recruitment");
  ASSERT_FALSE(hits.empty());
  bool found_recruits = false;
  for (const auto& h : hits)
    if (h.snippet.find("recruits") != std::string::npos) found_recruits = true;
  EXPECT_TRUE(found_recruits);
}

TEST_F(StoreTest, FrenchQueryFindsFrenchCodeWithoutAccents) {
  SKIP_WITHOUT_SHARED(kStatutes);
  put(kNamibia);
  put(kFrance);
  // Art 225-4-1 speaks of "travail ou à des services forcés": the query's accents are folded away.
  auto hits = search("travail NEAR/5 force");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front().country, "fr");
  auto accented = search("travail NEAR/5 forcés", SearchOptions{"", "fra", 20});
  EXPECT_EQ(accented.size(), hits.size());
}

TEST_F(StoreTest, ServitudeAcrossLanguagesAndCountryFilter) {
  SKIP_WITHOUT_SHARED(kStatutes);
  put(kNamibia);
  put(kFrance);
  put(kUganda);
  auto all = search("servitude");
  std::set<std::string> countries;
  for (const auto& h : all) countries.insert(h.country);
  EXPECT_TRUE(countries.count("na"));
  EXPECT_TRUE(countries.count("fr"));
  auto only_fr = search("servitude", SearchOptions{"fr", "", 50});
  ASSERT_FALSE(only_fr.empty());
  for (const auto& h : only_fr) EXPECT_EQ(h.country, "fr");
}

TEST_F(StoreTest, ReindexingReplacesTheExpression) {
  SKIP_WITHOUT_SHARED(kStatutes);
  put(kNamibia);
  auto first = store_->counts();
  ASSERT_TRUE(first.ok());
  put(kNamibia);
  auto second = store_->counts();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->documents, 1);
  EXPECT_EQ(second->documents, first->documents);
  EXPECT_EQ(second->provisions, first->provisions);
  EXPECT_GT(second->provisions, 100);
  // The FTS index was cleaned too: each provision found once, not twice.
  auto hits = search("\"position of vulnerability\"", SearchOptions{"", "", 200});
  std::set<std::string> eids;
  for (const auto& h : hits) EXPECT_TRUE(eids.insert(h.eid).second) << "duplicate hit " << h.eid;
  auto ok = store_->database().prepare("PRAGMA integrity_check");
  ASSERT_TRUE(ok.ok());
  ASSERT_TRUE(ok->step());
  EXPECT_EQ(ok->text(0), "ok");
}

TEST_F(StoreTest, UnrelatedActDoesNotAnswerTraffickingQuery) {
  SKIP_WITHOUT_SHARED(PALERMO_SHARED_DIR);
  put(std::string(PALERMO_SHARED_DIR) + "/akn/samples/uk/ukpga-2023-29-2024-11-01.akn.xml");
  EXPECT_TRUE(search("\"trafficking in persons\"").empty());
  EXPECT_FALSE(search("\"financial services\"").empty());
}

}  // namespace
}  // namespace palermo::store

namespace palermo::store {
namespace {

// A phrase whose last word is a prefix: the earlier words are stemmed as indexed, the last is not.
TEST_F(StoreTest, PhraseWithPrefixLastWord) {
  SKIP_WITHOUT_SHARED(kStatutes);
  put(kNamibia);
  EXPECT_FALSE(search("\"forced lab*\"").empty());
  EXPECT_FALSE(search("recruit*").empty());
}

}  // namespace
}  // namespace palermo::store

namespace palermo::store {
namespace {

// A batch commits once; a document that fails inside it is rolled back alone.
TEST_F(StoreTest, BatchKeepsEveryDocumentAndCommitsOnce) {
  SKIP_WITHOUT_SHARED(kStatutes);
  ASSERT_FALSE(store_->begin_batch().has_value());
  put(kNamibia);
  put(kFrance);
  put(kNamibia);  // replaced within the batch
  ASSERT_FALSE(store_->commit_batch().has_value());
  auto c = store_->counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->documents, 2);
  EXPECT_FALSE(search("servitude", SearchOptions{"fr", "", 5}).empty());
}

}  // namespace
}  // namespace palermo::store
