// Issue 11: the store under faults — a disk that fills in the middle of a batch, an index held by
// another writer, an index the caller may only read.
#include <gtest/gtest.h>

#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "akn/reader.hpp"
#include "grammars/pattern/pattern.hpp"
#include "store/store.hpp"

namespace palermo::store {
namespace {

namespace fs = std::filesystem;

const std::string kStatutes = std::string(PALERMO_SHARED_DIR) + "/statutes/akn/";

std::string temp_db(const std::string& name) {
  const std::string path =
      (fs::temp_directory_path() / ("palermo-faults-" + std::to_string(::getpid()) + "-" + name + ".db")).string();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  return path;
}

void remove_db(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
}

akn::Document read(const std::string& name) {
  auto doc = akn::read_document(kStatutes + name);
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.errors().front().format());
  return std::move(doc).value();
}

std::int64_t pragma(Store& s, const char* name) {
  auto stmt = s.database().prepare(std::string("PRAGMA ") + name);
  EXPECT_TRUE(stmt.ok());
  return stmt->step() ? stmt->integer(0) : -1;
}

// Hole 9: SQLITE_FULL in the middle of a batch. SQLite rolls the transaction back itself; the store
// then kept going outside any transaction (each later document committed on its own) and ended
// "cannot commit - no transaction is active". The batch must leave the index exactly as it was.
TEST(StoreFaults, FullDiskInABatchLeavesTheIndexAsBefore) {
  const std::string path = temp_db("full");
  {
    auto s = Store::open(path);
    ASSERT_TRUE(s.ok()) << s.errors().front().format();
    ASSERT_TRUE(s->put(read("na_act_2018_1_combating-of-trafficking-in-persons.akn.xml")).ok());
    const auto before = s->counts();
    ASSERT_TRUE(before.ok());
    // Room for a few more pages only: the batch's documents cannot all fit.
    const std::int64_t pages = pragma(*s, "page_count");
    ASSERT_FALSE(s->database().exec("PRAGMA max_page_count = " + std::to_string(pages + 8)).has_value());

    const std::vector<std::string> batch = {"tz_act_2008_6_anti-trafficking-in-persons.akn.xml",
                                            "fr_code-penal_traite-des-etres-humains_extract.akn.xml",
                                            "ug_act_2009_7_prevention-of-trafficking-in-persons.akn.xml",
                                            "in_act_1956_104_immoral-traffic-prevention-act.akn.xml",
                                            "rw_act_2018_51_trafficking-in-persons-and-exploitation-of-others.akn.xml",
                                            "co_act_2005_985_ley-985-trata-de-personas.akn.xml"};
    ASSERT_FALSE(s->begin_batch().has_value());
    bool failed = false;
    std::string message;
    for (const auto& name : batch) {
      auto r = s->put(read(name));
      if (!r.ok()) {
        failed = true;
        message = r.errors().front().format();
        break;
      }
    }
    if (!failed) {
      auto err = s->commit_batch();
      failed = err.has_value();
      if (err) message = err->format();
    }
    ASSERT_TRUE(failed) << "the batch fitted: the test no longer fills the database";
    EXPECT_NE(message.find("rolled back"), std::string::npos) << message;
    EXPECT_FALSE(s->in_batch());
    const auto after = s->counts();
    ASSERT_TRUE(after.ok()) << after.errors().front().format();
    EXPECT_EQ(after->documents, before->documents);
    EXPECT_EQ(after->provisions, before->provisions);
    EXPECT_EQ(after->terms, before->terms);
    EXPECT_EQ(after->references, before->references);
    // The store is usable afterwards: with room again, a batch commits.
    ASSERT_FALSE(s->database().exec("PRAGMA max_page_count = 1000000").has_value());
    ASSERT_FALSE(s->begin_batch().has_value());
    ASSERT_TRUE(s->put(read(batch[0])).ok());
    ASSERT_FALSE(s->commit_batch().has_value());
    EXPECT_EQ(s->counts()->documents, before->documents + 1);
  }
  remove_db(path);
}

// Hole 10: a second indexer failed "database is locked" once the first held the write lock for
// more than 5 s. It now waits, saying so, within a bound; past the bound it fails clearly.
TEST(StoreFaults, SecondWriterWaitsForTheLockAndSaysSo) {
  const std::string path = temp_db("locked");
  {
    auto first = Store::open(path);
    ASSERT_TRUE(first.ok());
  }
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  std::thread release([holder] {
    std::this_thread::sleep_for(std::chrono::milliseconds(6500));  // longer than the old 5 s timeout
    sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr);
  });
  std::vector<double> reports;
  LockWait wait;
  wait.max_wait = std::chrono::seconds(60);
  wait.report_after = std::chrono::seconds(1);
  wait.report_every = std::chrono::seconds(2);
  wait.report = [&](double seconds) { reports.push_back(seconds); };
  const auto started = std::chrono::steady_clock::now();
  auto second = Store::open(path, false, wait);  // creating the schema already needs the lock
  ASSERT_TRUE(second.ok()) << second.errors().front().format();
  ASSERT_FALSE(second->begin_batch().has_value());
  const auto waited = std::chrono::steady_clock::now() - started;
  ASSERT_TRUE(second->put(read("na_act_2018_1_combating-of-trafficking-in-persons.akn.xml")).ok());
  EXPECT_FALSE(second->commit_batch().has_value());
  release.join();
  EXPECT_GE(waited + std::chrono::milliseconds(100), std::chrono::seconds(5));
  ASSERT_FALSE(reports.empty()) << "no progress was reported while waiting";
  EXPECT_GE(reports.front(), 1.0);

  // Past the bound the wait ends with SQLite's "database is locked".
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  LockWait short_wait;
  short_wait.max_wait = std::chrono::milliseconds(300);
  auto third = Store::open(path, false, short_wait);
  std::optional<Diagnostic> err;
  if (third.ok()) err = third->begin_batch();
  const std::string message = third.ok() ? (err ? err->message : "") : third.errors().front().message;
  EXPECT_NE(message.find("locked"), std::string::npos) << message;
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  remove_db(path);
}

}  // namespace
}  // namespace palermo::store
