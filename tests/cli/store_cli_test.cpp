// `palermo index` and `palermo search` as a user runs them, including an index run killed midway.
#include <gtest/gtest.h>

#include "shared_files.hpp"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cli/run_palermo.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

namespace {

struct CommandResult {
  int status = -1;
  std::string out;
};

// Runs `palermo ARGS`, capturing stdout (and stderr after it when `with_stderr`).
CommandResult run(const std::string& args, bool with_stderr = false) {
  palermo::testing::PalermoRun r = palermo::testing::run_palermo(args);
  return {r.exit_code, with_stderr ? r.out + r.err : r.out};
}

const std::string kBin = PALERMO_BINARY;
const std::string kShared = PALERMO_SHARED_DIR;

std::string temp_db(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() / ("palermo-cli-" + std::to_string(getpid()) + "-" + name + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
  return p.string();
}

std::string integrity(const std::string& db_path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open";
  }
  std::string result = "no answer";
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    result = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return result;
}

TEST(IndexCli, IndexesEverySampleStatuteAndSearchesThem) {
  SKIP_WITHOUT_SHARED(kShared);
  const std::string db = temp_db("all");
  CommandResult idx = run("index --quiet --db " + db + " " + kShared + "/akn/samples " + kShared + "/statutes/akn");
  ASSERT_EQ(idx.status, 0) << idx.out;
  CommandResult hits = run("search --db " + db + " --format json 'abuse NEAR/5 vulnerability'");
  ASSERT_EQ(hits.status, 0);
  EXPECT_NE(hits.out.find("\"country\": \"na\""), std::string::npos) << hits.out;
  CommandResult fr = run("search --db " + db + " --lang fra --format json 'traite NEAR/3 humains'");
  ASSERT_EQ(fr.status, 0);
  EXPECT_NE(fr.out.find("225-4-1"), std::string::npos) << fr.out;
  EXPECT_EQ(integrity(db), "ok");
}

TEST(IndexCli, BadQueryAndMissingIndexAreClearErrors) {
  const std::string db = temp_db("none");
  CommandResult missing = run("search --db " + db + " servitude", true);
  EXPECT_EQ(missing.status, 3);
  EXPECT_NE(missing.out.find("palermo index"), std::string::npos) << missing.out;
  CommandResult broken = run("search --db " + db + " '(servitude OR'", true);
  EXPECT_EQ(broken.status, 3);
  CommandResult usage = run("search", true);
  EXPECT_EQ(usage.status, 2);
}

TEST(IndexCli, InterruptedRunLeavesAConsistentDatabase) {
  SKIP_WITHOUT_SHARED(kShared);
  const std::string db = temp_db("killed");
  // Start a long run over every sample, kill it hard partway, then check the file.
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    execl(kBin.c_str(), kBin.c_str(), "index", "--quiet", "--db", db.c_str(), (kShared + "/akn/samples").c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  if (std::filesystem::exists(db)) EXPECT_EQ(integrity(db), "ok");
  // And the next run completes on top of whatever the killed one left.
  CommandResult again = run("index --quiet --db " + db + " " + kShared + "/statutes/akn");
  EXPECT_EQ(again.status, 0);
  EXPECT_EQ(integrity(db), "ok");
}

}  // namespace
