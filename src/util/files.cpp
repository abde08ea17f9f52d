#include "util/files.hpp"

#include <openssl/evp.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace palermo {

std::uint64_t max_input_bytes() {
  // PALERMO_MAX_INPUT_MB overrides the default; anything unparsable or zero keeps it.
  if (const char* env = std::getenv("PALERMO_MAX_INPUT_MB")) {
    char* end = nullptr;
    const unsigned long long mb = std::strtoull(env, &end, 10);
    if (end != env && *end == '\0' && mb > 0 && mb < (1ull << 20)) return mb * 1024 * 1024;
  }
  return kDefaultMaxInputBytes;
}

Result<std::string> read_file(const std::string& path) {
  auto refuse = [&](std::string message, std::string hint) {
    return Diagnostic{.file = path, .message = std::move(message), .hint = std::move(hint)};
  };
  // stat follows symlinks: a link to a regular file is read, a link to a device is not.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return refuse(std::string("cannot open: ") + std::strerror(errno), "check the path and that the file is readable");
  if (S_ISDIR(st.st_mode)) return refuse("is a directory, not a file", "name a file");
  // A device (/dev/zero), a pipe or a socket may never end or never answer: only regular files are read.
  if (!S_ISREG(st.st_mode))
    return refuse("is not a regular file (a device, pipe or socket)",
                  "save the input to a file and give that file's path");
  const std::uint64_t limit = max_input_bytes();
  auto too_large = [&] {
    return refuse("is larger than the input limit of " + std::to_string(limit / (1024 * 1024)) + " MB",
                  "split the document, or raise the limit with PALERMO_MAX_INPUT_MB=N");
  };
  if (static_cast<std::uint64_t>(st.st_size) > limit) return too_large();
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return refuse(std::string("cannot open: ") + std::strerror(errno), "check the path and that the file is readable");
  // Read at most one byte past the limit: a file that grows while it is read is still bounded.
  std::string bytes;
  bytes.resize(static_cast<std::size_t>(st.st_size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  char chunk[65536];
  while (in && bytes.size() <= limit) {
    in.read(chunk, sizeof chunk);
    bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  if (bytes.size() > limit) return too_large();
  if (in.bad()) return refuse(std::string("cannot read: ") + std::strerror(errno), "check the file and the disk");
  return bytes;
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

}  // namespace palermo
