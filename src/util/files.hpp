// Reading files whole and hashing their bytes (provenance in every report names each input's SHA-256).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace palermo {

// Inputs larger than this are refused (a 16 MB act is the largest real statute seen); the
// PALERMO_MAX_INPUT_MB environment variable sets another limit.
inline constexpr std::uint64_t kDefaultMaxInputBytes = 256ull * 1024 * 1024;
std::uint64_t max_input_bytes();

// The whole file, or a diagnostic naming it and saying why it could not be read. Only regular files
// are read (not devices, pipes or sockets), and none larger than max_input_bytes().
Result<std::string> read_file(const std::string& path);
// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace palermo
