#include "util/result.hpp"

#include <fmt/format.h>

namespace palermo {

namespace {

// The length of the valid UTF-8 sequence at s[i] (1 to 4), or 0 when the bytes there are not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if (n == 2 && c < 0xC2) return 0;                       // overlong
  if (n == 3 && c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
  if (n == 3 && c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
  if (n == 4 && (c > 0xF4 || (c == 0xF0 && b(i + 1) < 0x90) || (c == 0xF4 && b(i + 1) >= 0x90))) return 0;
  return n;
}

}  // namespace

std::string escape_excerpt(std::string_view text, int column, int* caret) {
  // One "character" per valid UTF-8 sequence and per stray byte, as columns count them. Control
  // characters (C0, DEL, C1) and bytes that are not UTF-8 are shown as \xNN, so a binary file's bytes
  // never reach the terminal raw; a tab is a space.
  std::string out;
  int width = 0, seen = 0;
  if (caret) *caret = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (caret && seen == column - 1) *caret = width;
    const std::size_t n = utf8_sequence(text, i);
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    if (c == '\t') {
      out += ' ';
      width += 1;
    } else if (n == 0 || c < 0x20 || c == 0x7F || c1) {
      const std::size_t len = n == 0 ? 1 : n;
      for (std::size_t k = 0; k < len; ++k) out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i + k]));
      width += static_cast<int>(4 * len);
      i += len;
      ++seen;
      continue;
    } else {
      out.append(text.substr(i, n));
      width += 1;
    }
    i += n;
    ++seen;
  }
  if (caret && seen <= column - 1) *caret = width + (column - 1 - seen);
  return out;
}

std::string Diagnostic::format() const {
  std::string where;
  if (!file.empty()) where = file;
  if (line > 0) where += fmt::format(":{}", line);
  if (line > 0 && column > 0) where += fmt::format(":{}", column);
  const char* sev = severity == Severity::error ? "error" : severity == Severity::warning ? "warning" : "note";
  std::string out =
      where.empty() ? fmt::format("{}: {}", sev, message) : fmt::format("{}: {}: {}", where, sev, message);
  if (!excerpt.empty()) {
    int caret = 0;
    out += "\n  " + escape_excerpt(excerpt, column, &caret);
    if (column > 0) out += "\n  " + std::string(static_cast<size_t>(caret), ' ') + "^";
  }
  if (!hint.empty()) out += "\n  hint: " + hint;
  return out;
}

}  // namespace palermo
