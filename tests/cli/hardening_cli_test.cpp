// Issue 11, hostile input and faults, seen from the command line: interrupted writes, unreadable
// inputs, lost output, devices and pipes given as files. Each test names the hole it closes.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include "cli/run_palermo.hpp"

namespace {

namespace fs = std::filesystem;
using palermo::testing::read_whole_file;
using palermo::testing::run_palermo;
using palermo::testing::shell_quote;

const std::string kDrafted = std::string(PALERMO_SOURCE_DIR) + "/tests/data/drafted/";
const std::string kAct = kDrafted + "fr_split_style.akn.xml";

// A fresh folder under /tmp, removed at the end of the test.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::temp_directory_path() / ("palermo_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// Runs a shell command line; returns the raw wait status.
int shell(const std::string& command) { return std::system(command.c_str()); }

// Hole 1: a run killed while writing -o PATH left ".PATH.tmpPID" behind. A file-size limit kills the
// process with SIGXFSZ in the middle of writing the temporary file, deterministically.
TEST(HardeningCli, KilledWriteLeavesNoTemporaryFile) {
  TempDir dir("killed_write");
  const fs::path out = dir.path / "report.html";
  // ulimit -f counts blocks of 512 or 1024 bytes: 2 blocks is far below an HTML report's size.
  const int status = shell("ulimit -f 2 && exec " + shell_quote(PALERMO_BINARY) + " check --format html -o " +
                           shell_quote(out.string()) + " " + shell_quote(kAct) + " 2>/dev/null");
  // The shell reports a child killed by a signal as 128+N.
  ASSERT_TRUE(WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0)) << status;
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(dir.path)) left.push_back(e.path().filename().string());
  EXPECT_TRUE(left.empty()) << "left behind: " << (left.empty() ? "" : left.front());
}

// Hole 1: a device given to -o is written through, never renamed over (a FIFO stands in for
// /dev/null, which a failing test must not destroy).
TEST(HardeningCli, OutputToAFifoWritesThroughIt) {
  TempDir dir("fifo_out");
  const fs::path fifo = dir.path / "report.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const fs::path copy = dir.path / "copy.md";
  const std::string reader = "cat " + shell_quote(fifo.string()) + " >" + shell_quote(copy.string()) + " & ";
  const int status =
      shell(reader + shell_quote(PALERMO_BINARY) + " check --format md -o " + shell_quote(fifo.string()) + " " +
            shell_quote(kAct) + " 2>/dev/null; rc=$?; wait; exit $rc");
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(fs::is_fifo(fs::symlink_status(fifo))) << "the FIFO was replaced";
  EXPECT_NE(read_whole_file(copy.string()).find("art 333 ter"), std::string::npos);
}

}  // namespace

namespace {

// Runs palermo with ARGS on a folder holding a readable act and an unreadable subfolder "penal-code".
// Root reads every folder, so as root palermo runs as "nobody" (setpriv). Returns false (and skips)
// when the folder cannot be made unreadable here.
struct UnreadableRun {
  bool skipped = false;
  int exit_code = -1;
  std::string err;
};

UnreadableRun run_with_unreadable_subfolder(const std::string& args) {
  UnreadableRun r;
  const bool root = ::geteuid() == 0;
  if (root &&
      (!fs::exists("/usr/bin/setpriv") || shell("/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " +
                                                shell_quote(PALERMO_BINARY) + " --version >/dev/null 2>&1") != 0)) {
    r.skipped = true;
    return r;
  }
  TempDir dir("skip_unreadable");
  fs::create_directories(dir.path / "penal-code");
  fs::copy_file(kAct, dir.path / "act.akn.xml");
  fs::copy_file(kAct, dir.path / "penal-code" / "code.akn.xml");
  fs::permissions(dir.path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(dir.path / "act.akn.xml", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(dir.path / "penal-code", fs::perms::none);
  const std::string err = (dir.path / "stderr.txt").string();
  std::ofstream(err).close();
  fs::permissions(err, fs::perms::all);
  const std::string as_user = root ? "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const int status = shell("cd / && " + as_user + shell_quote(PALERMO_BINARY) + " " + args + " " +
                           shell_quote(dir.path.string()) + " >/dev/null 2>" + shell_quote(err));
  fs::permissions(dir.path / "penal-code", fs::perms::owner_all);
  r.err = read_whole_file(err);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Hole 7: an unreadable subfolder fails the run (exit 3) unless --skip-unreadable is given; then it
// is named on stderr as skipped and the readable files are checked.
TEST(HardeningCli, SkipUnreadableLeavesOutTheFolderAndSaysSo) {
  const auto failing = run_with_unreadable_subfolder("check --format json");
  if (failing.skipped) GTEST_SKIP() << "cannot make a folder unreadable here";
  EXPECT_EQ(failing.exit_code, 3) << failing.err;
  EXPECT_NE(failing.err.find("penal-code: error: cannot open the folder"), std::string::npos) << failing.err;
  EXPECT_NE(failing.err.find("--skip-unreadable"), std::string::npos) << failing.err;

  const auto skipping = run_with_unreadable_subfolder("check --format json --skip-unreadable");
  EXPECT_EQ(skipping.exit_code, 0) << skipping.err;
  EXPECT_NE(skipping.err.find("penal-code: warning: cannot open the folder"), std::string::npos) << skipping.err;
  EXPECT_NE(skipping.err.find("skipped (--skip-unreadable)"), std::string::npos) << skipping.err;

  const auto indexing = run_with_unreadable_subfolder("index --quiet --skip-unreadable --db /tmp/palermo_skip_" +
                                                      std::to_string(::getpid()) + ".db");
  for (const char* suffix : {".db", ".db-wal", ".db-shm"})
    fs::remove("/tmp/palermo_skip_" + std::to_string(::getpid()) + suffix);
  EXPECT_EQ(indexing.exit_code, 0) << indexing.err;
}

}  // namespace

namespace {

std::int64_t count_documents(const std::string& db) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return -1;
  sqlite3_stmt* st = nullptr;
  std::int64_t n = -1;
  if (sqlite3_prepare_v2(h, "SELECT count(*) FROM documents", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(h);
  return n;
}

// Hole 9: the disk filling up during `index` (here a file-size limit, with SIGXFSZ ignored so that
// writes fail as on a full disk) kept an arbitrary subset of the documents and ended "cannot commit -
// no transaction is active". Now the batch is rolled back whole, and the documents not indexed are named.
TEST(HardeningCli, IndexOnAFullDiskKeepsTheIndexAsBeforeAndNamesWhatWasNotIndexed) {
  TempDir dir("index_full");
  const std::string db = (dir.path / "statutes.db").string();
  const std::string statutes = std::string(PALERMO_SHARED_DIR) + "/statutes/akn";
  const std::string first = statutes + "/na_act_2018_1_combating-of-trafficking-in-persons.akn.xml";
  ASSERT_EQ(shell(shell_quote(PALERMO_BINARY) + " index --quiet --db " + shell_quote(db) + " " + shell_quote(first)),
            0);
  ASSERT_EQ(count_documents(db), 1);
  const std::string err = (dir.path / "stderr.txt").string();
  // 1000 blocks (512 KB or 1 MB, by shell) holds the first document's index, not the whole folder's (2 MB).
  const int status = shell("trap '' XFSZ; ulimit -f 1000 && " + shell_quote(PALERMO_BINARY) + " index --quiet --db " +
                           shell_quote(db) + " " + shell_quote(statutes) + " 2>" + shell_quote(err));
  const std::string message = read_whole_file(err);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 3) << message;
  EXPECT_EQ(message.find("no transaction is active"), std::string::npos) << message;
  EXPECT_NE(message.find("not indexed"), std::string::npos) << message;
  EXPECT_NE(message.find("ug_act_2009_7_prevention-of-trafficking-in-persons.akn.xml"), std::string::npos) << message;
  EXPECT_EQ(count_documents(db), 1) << message;
}

}  // namespace

namespace {

// Hole 8: an index the caller cannot write (a folder it may only read) could not be searched:
// "attempt to write a readonly database". As root, the search runs as "nobody".
TEST(HardeningCli, AnIndexTheCallerCannotWriteCanBeSearched) {
  const bool root = ::geteuid() == 0;
  if (root &&
      (!fs::exists("/usr/bin/setpriv") || shell("/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " +
                                                shell_quote(PALERMO_BINARY) + " --version >/dev/null 2>&1") != 0))
    GTEST_SKIP() << "cannot run palermo as another user here";
  TempDir dir("readonly_index");
  const fs::path folder = dir.path / "index";
  fs::create_directories(folder);
  const std::string db = (folder / "statutes.db").string();
  const std::string act =
      std::string(PALERMO_SHARED_DIR) + "/statutes/akn/na_act_2018_1_combating-of-trafficking-in-persons.akn.xml";
  ASSERT_EQ(shell(shell_quote(PALERMO_BINARY) + " index --quiet --db " + shell_quote(db) + " " + shell_quote(act)), 0);
  // Readable by all, writable by no one but its owner (and, without root, not even by the owner).
  fs::permissions(dir.path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  const std::string out = (dir.path / "out.txt").string(), err = (dir.path / "err.txt").string();
  const std::string as_user = root ? "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const int status =
      shell("cd / && " + as_user + shell_quote(PALERMO_BINARY) + " search trafficking --format json --db " +
            shell_quote(db) + " >" + shell_quote(out) + " 2>" + shell_quote(err));
  const std::string message = read_whole_file(err);
  fs::permissions(folder, fs::perms::owner_all);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << message;
  EXPECT_EQ(message.find("readonly"), std::string::npos) << message;
  EXPECT_NE(read_whole_file(out).find("\"country\": \"na\""), std::string::npos) << read_whole_file(out);
  EXPECT_FALSE(fs::exists(db + "-wal")) << "the reader wrote beside the index";

  // An index left in WAL mode (by an older palermo, or an indexer still running) is read as it stands.
  fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
  {
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(h, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(h);
  }
  ASSERT_FALSE(fs::exists(db + "-shm"));
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  const int wal_status =
      shell("cd / && " + as_user + shell_quote(PALERMO_BINARY) + " search trafficking --format json --db " +
            shell_quote(db) + " >" + shell_quote(out) + " 2>" + shell_quote(err));
  fs::permissions(folder, fs::perms::owner_all);
  ASSERT_TRUE(WIFEXITED(wal_status));
  EXPECT_EQ(WEXITSTATUS(wal_status), 0) << read_whole_file(err);
  EXPECT_NE(read_whole_file(out).find("\"country\": \"na\""), std::string::npos);
}

}  // namespace

namespace {

// Hole 11: a query of 400 "(a OR (b NOT c))" groups ran for 29 s. It is now refused at once with
// the bound it crosses, before the index is opened.
TEST(HardeningCli, OversizedSearchQueryIsRefusedQuickly) {
  std::string groups;
  for (int i = 0; i < 400; ++i) groups += (i ? " AND " : "") + std::string("(a OR (b NOT c))");
  const auto started = std::chrono::steady_clock::now();
  const auto r = run_palermo("search " + shell_quote(groups) + " --db /nonexistent/palermo.db");
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("query:1:4097: error: the query is longer than 4096 bytes"), std::string::npos) << r.err;
  EXPECT_LT(took, std::chrono::seconds(5));
  std::string many;
  for (int i = 0; i < 100; ++i) many += (i ? " OR " : "") + std::string("word") + std::to_string(i);
  const auto m = run_palermo("search " + shell_quote(many) + " --db /nonexistent/palermo.db");
  EXPECT_EQ(m.exit_code, 3) << m.err;
  EXPECT_NE(m.err.find("at most 64 are searched at once"), std::string::npos) << m.err;
  EXPECT_EQ(m.err.find("no index here"), std::string::npos) << m.err;
}

}  // namespace

namespace {

// Hole 15: text cut for output must be cut between characters. The Chilean act's inserted article
// 411 quáter, written with a quotation mark after its number, put the 24-byte cut of "the article
// inserted as ..." inside "“": check --format json died with exit 4 ("invalid UTF-8 byte").
TEST(HardeningCli, CutsForOutputFallBetweenCharacters) {
  const std::string source = std::string(PALERMO_SHARED_DIR) +
                             "/statutes/akn/cl_act_2011_20507_tipifica-trafico-migrantes-y-trata-de-personas.akn.xml";
  std::string xml = read_whole_file(source);
  const std::string before = "\nArtículo 411 quáter.- El que";
  const auto at = xml.find(before);
  ASSERT_NE(at, std::string::npos) << "the shared statute changed";
  // "Artículo 411 quáter " is 21 bytes: the 24-byte cut falls after the first two of the three bytes of "“".
  xml.replace(at, before.size(), "\nArtículo 411 quáter “.- El que");
  TempDir dir("utf8_cut");
  const fs::path file = dir.path / "cl_quoted.akn.xml";
  { std::ofstream(file, std::ios::binary) << xml; }
  const auto r = run_palermo("check --format json " + shell_quote(file.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(json.is_discarded());
  EXPECT_NE(r.out.find("the article inserted as \\\"Artículo 411 quáter \\\""), std::string::npos)
      << r.out.substr(0, 2000);
  const auto text = run_palermo("check --explain " + shell_quote(file.string()), "NO_COLOR=1");
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("the article inserted as \"Artículo 411 quáter \""), std::string::npos);
}

}  // namespace

namespace {

// Hole 4: output lost on a full device exited 0 for every command but check (tested in
// OutputCli.FullStandardOutputIsAnError). Each command that prints a result now exits 5 and says so.
TEST(HardeningCli, EveryCommandFailsWhenStandardOutputIsFull) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "/dev/full is absent on this machine";
  TempDir dir("dev_full");
  const std::string db = (dir.path / "statutes.db").string();
  ASSERT_EQ(shell(shell_quote(PALERMO_BINARY) + " index --quiet --db " + shell_quote(db) + " " + shell_quote(kAct)), 0);
  const std::string corpus = std::string(PALERMO_SOURCE_DIR) + "/corpus/";
  const std::vector<std::string> commands = {
      "show " + shell_quote(kAct),
      "validate " + shell_quote(kAct),
      "compare " + shell_quote(corpus + "xa") + " " + shell_quote(corpus + "xb") + " --format csv",
      "search traite --db " + shell_quote(db),
      "diff " + shell_quote(corpus + "xa") + " " + shell_quote(corpus + "xb"),
      "model list",
  };
  const std::string err = (dir.path / "stderr.txt").string();
  for (const auto& command : commands) {
    const int status = shell(shell_quote(PALERMO_BINARY) + " " + command + " >/dev/full 2>" + shell_quote(err));
    ASSERT_TRUE(WIFEXITED(status)) << command;
    EXPECT_EQ(WEXITSTATUS(status), 5) << command << "\n" << read_whole_file(err);
    EXPECT_NE(read_whole_file(err).find("cannot write to standard output"), std::string::npos) << command;
  }
  // The same through -o: a device written through, and a folder that cannot be created.
  const auto full = run_palermo("check --format md -o /dev/full " + shell_quote(kAct));
  EXPECT_EQ(full.exit_code, 5) << full.err;
  EXPECT_NE(full.err.find("/dev/full"), std::string::npos) << full.err;
  const auto nowhere = run_palermo("compare " + shell_quote(corpus + "xa") + " " + shell_quote(corpus + "xb") +
                                   " --format csv -o /proc/palermo/compare.csv");
  EXPECT_EQ(nowhere.exit_code, 5) << nowhere.err;
}

// Hole 13: `show /dev/zero` read until memory ran out, a named pipe blocked for ever. Both are
// refused at once (exit 3) with the reason; `timeout` turns a hang into a failure here.
TEST(HardeningCli, DevicesAndPipesAreRefusedNotRead) {
  TempDir dir("fifo_in");
  const fs::path fifo = dir.path / "statute.xml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const std::string& input : {std::string("/dev/zero"), fifo.string()}) {
    for (const std::string& command : {std::string("show"), std::string("check"), std::string("validate")}) {
      const auto r = run_palermo(command + " " + shell_quote(input), "timeout 20");
      EXPECT_EQ(r.exit_code, 3) << command << " " << input << ": " << r.err;
      EXPECT_NE(r.err.find(input + ": error: is not a regular file"), std::string::npos) << r.err;
    }
  }
  // The size limit is configurable: a 2 MB file with a 1 MB limit is refused, naming the variable.
  const fs::path big = dir.path / "big.xml";
  { std::ofstream(big) << std::string(2 * 1024 * 1024, ' '); }
  const auto r = run_palermo("show " + shell_quote(big.string()), "PALERMO_MAX_INPUT_MB=1");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("larger than the input limit of 1 MB"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("PALERMO_MAX_INPUT_MB"), std::string::npos) << r.err;
}

}  // namespace

namespace {

// Hole 10: a second indexer failed "database is locked" when the first held the write lock for
// more than the 5 s busy timeout. It now waits, saying so on stderr, and indexes when the lock is
// released.
TEST(HardeningCli, SecondIndexerWaitsForTheFirstAndSaysSo) {
  TempDir dir("lock_wait");
  const std::string db = (dir.path / "statutes.db").string();
  ASSERT_EQ(shell(shell_quote(PALERMO_BINARY) + " index --quiet --db " + shell_quote(db) + " " + shell_quote(kAct)), 0);
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  std::thread release([holder] {
    std::this_thread::sleep_for(std::chrono::milliseconds(6500));
    sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr);
  });
  const std::string other =
      std::string(PALERMO_SHARED_DIR) + "/statutes/akn/na_act_2018_1_combating-of-trafficking-in-persons.akn.xml";
  const auto r = run_palermo("index --db " + shell_quote(db) + " " + shell_quote(other));
  release.join();
  sqlite3_close(holder);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("is locked by another process"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("database is locked"), std::string::npos) << r.err;
  EXPECT_EQ(count_documents(db), 2);
}

}  // namespace
