// Levenshtein distance, for "did you mean" suggestions (unknown eIds, unknown model ids and words).
#pragma once
#include <cstddef>
#include <string_view>

namespace palermo {

// The number of single-byte insertions, deletions and substitutions that turn `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace palermo
