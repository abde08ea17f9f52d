#include "cli/common.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace palermo::cli {

bool use_colour(int fd) {
  const char* no = std::getenv("NO_COLOR");
  if (no != nullptr && *no != '\0') return false;
  return isatty(fd) != 0;
}

void print_diagnostics(const std::vector<Diagnostic>& ds) {
  for (const auto& d : ds) std::fprintf(stderr, "%s\n", d.format().c_str());
}

std::string write_file_atomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  fs::path target(path);
  std::error_code ec;
  // Only a regular file (or a new path) is replaced atomically. A device (/dev/null, /dev/stdout), a
  // pipe or a symlink is written through, as it stands: renaming over it would replace it (issue 11).
  const fs::file_status link = fs::symlink_status(target, ec);
  if (!ec && fs::exists(link) && !fs::is_regular_file(link)) {
    std::ofstream out(target, std::ios::binary);
    if (!out) return "cannot write " + path + ": " + std::strerror(errno);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) return "write failed for " + path;
    return {};
  }
  const auto mode = fs::exists(link) ? fs::status(target, ec).permissions() : fs::perms::unknown;
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::create_directories(dir, ec);
  fs::path tmp = dir / ("." + target.filename().string() + ".tmp" + std::to_string(getpid()));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot write " + tmp.string() + ": " + std::strerror(errno);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      return "write failed for " + tmp.string();
    }
  }
  if (mode != fs::perms::unknown) fs::permissions(tmp, mode, ec);  // keep the target's mode
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return "cannot rename into " + path + ": " + ec.message();
  }
  return {};
}

}  // namespace palermo::cli
