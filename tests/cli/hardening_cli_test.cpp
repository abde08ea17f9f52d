// Issue 11, hostile input and faults, seen from the command line: interrupted writes, unreadable
// inputs, lost output, devices and pipes given as files. Each test names the hole it closes.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

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
  const int status = shell(reader + shell_quote(PALERMO_BINARY) + " check --format md -o " + shell_quote(fifo.string()) +
                           " " + shell_quote(kAct) + " 2>/dev/null; rc=$?; wait; exit $rc");
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_TRUE(fs::is_fifo(fs::symlink_status(fifo))) << "the FIFO was replaced";
  EXPECT_NE(read_whole_file(copy.string()).find("art 333 ter"), std::string::npos);
}

}  // namespace
