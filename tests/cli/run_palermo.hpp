// Running the palermo binary from a test as a user would, capturing its exit code and both streams.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace palermo::testing {

struct PalermoRun {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `palermo ARGS` (shell syntax: quote paths with shell_quote) from the source folder, with
// `env` (e.g. "NO_COLOR=1") in front when given.
inline PalermoRun run_palermo(const std::string& args, const std::string& env = "") {
  static int counter = 0;
  const std::string base = (std::filesystem::temp_directory_path() /
                            ("palermo_cli_" + std::to_string(::getpid()) + "_" + std::to_string(counter++)))
                               .string();
  const std::string command = "cd " + shell_quote(PALERMO_SOURCE_DIR) + " && " + env + " " +
                              shell_quote(PALERMO_BINARY) + " " + args + " >" + shell_quote(base + ".out") + " 2>" +
                              shell_quote(base + ".err");
  const int status = std::system(command.c_str());
  PalermoRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_whole_file(base + ".out");
  r.err = read_whole_file(base + ".err");
  std::filesystem::remove(base + ".out");
  std::filesystem::remove(base + ".err");
  return r;
}

}  // namespace palermo::testing
