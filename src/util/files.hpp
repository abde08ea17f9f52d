// Reading files whole and hashing their bytes (provenance in every report names each input's SHA-256).
#pragma once
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace palermo {

// The whole file, or a diagnostic naming it and saying why it could not be read.
Result<std::string> read_file(const std::string& path);
// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace palermo
