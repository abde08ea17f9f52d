#include "cli/common.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace palermo::cli {

bool use_colour(int fd) {
  const char* no = std::getenv("NO_COLOR");
  if (no != nullptr && *no != '\0') return false;
  return isatty(fd) != 0;
}

void print_diagnostics(const std::vector<Diagnostic>& ds) {
  for (const auto& d : ds) std::fprintf(stderr, "%s\n", d.format().c_str());
}

namespace {

// The temporary file of write_file_atomically while it exists, for the signal handler: a fixed
// buffer, since a handler may not allocate. A run interrupted (Ctrl-C, kill, a file-size limit)
// between creating the temporary file and renaming it removes it instead of leaving ".NAME.tmpPID".
char g_temporary[4096];
volatile std::sig_atomic_t g_temporary_set = 0;
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXFSZ};

extern "C" void remove_temporary_and_die(int sig) {
  if (g_temporary_set) ::unlink(g_temporary);
  g_temporary_set = 0;
  // SA_RESETHAND restored the default action: raising again ends the process as the signal would have.
  ::raise(sig);
}

// Registers the temporary file and installs the handler for its lifetime.
class TemporaryGuard {
 public:
  explicit TemporaryGuard(const std::string& path) {
    if (path.size() >= sizeof g_temporary) return;  // too long to register: the write still works
    std::memcpy(g_temporary, path.c_str(), path.size() + 1);
    struct sigaction action {};
    action.sa_handler = remove_temporary_and_die;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    for (std::size_t i = 0; i < std::size(kCleanupSignals); ++i) {
      ::sigaction(kCleanupSignals[i], nullptr, &previous_[i]);
      if (previous_[i].sa_handler == SIG_IGN) continue;  // e.g. nohup: keep ignoring it
      ::sigaction(kCleanupSignals[i], &action, nullptr);
    }
    installed_ = true;
    g_temporary_set = 1;
  }
  ~TemporaryGuard() {
    if (!installed_) return;
    g_temporary_set = 0;
    for (std::size_t i = 0; i < std::size(kCleanupSignals); ++i)
      ::sigaction(kCleanupSignals[i], &previous_[i], nullptr);
  }
  TemporaryGuard(const TemporaryGuard&) = delete;
  TemporaryGuard& operator=(const TemporaryGuard&) = delete;

 private:
  struct sigaction previous_[std::size(kCleanupSignals)]{};
  bool installed_ = false;
};

}  // namespace

Result<Done> write_file_atomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  fs::path target(path);
  std::error_code ec;
  // Only a regular file (or a new path) is replaced atomically. A device (/dev/null, /dev/stdout), a
  // pipe or a symlink is written through, as it stands: renaming over it would replace it (issue 11).
  const fs::file_status link = fs::symlink_status(target, ec);
  if (!ec && fs::exists(link) && !fs::is_regular_file(link)) {
    std::ofstream out(target, std::ios::binary);
    if (!out) return Diagnostic{.file = path, .message = "cannot write " + path + ": " + std::strerror(errno)};
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) return Diagnostic{.file = path, .message = "write failed for " + path};
    return Done{};
  }
  const auto mode = fs::exists(link) ? fs::status(target, ec).permissions() : fs::perms::unknown;
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::create_directories(dir, ec);
  fs::path tmp = dir / ("." + target.filename().string() + ".tmp" + std::to_string(getpid()));
  TemporaryGuard guard(tmp.string());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Diagnostic{.file = path, .message = "cannot write " + tmp.string() + ": " + std::strerror(errno)};
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      return Diagnostic{.file = path, .message = "write failed for " + tmp.string()};
    }
  }
  if (mode != fs::perms::unknown) fs::permissions(tmp, mode, ec);  // keep the target's mode
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Diagnostic{.file = path, .message = "cannot rename into " + path + ": " + ec.message()};
  }
  return Done{};
}

}  // namespace palermo::cli
