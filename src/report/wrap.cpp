// Terminal wrapping (see wrap.hpp).
#include "report/wrap.hpp"

#include <vector>

namespace palermo::report {

namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Length in bytes of the escape sequence starting at s[i] ("\x1b[...m"), 0 when none starts there.
std::size_t escape_length(std::string_view s, std::size_t i) {
  if (s[i] != '\x1b' || i + 1 >= s.size() || s[i + 1] != '[') return 0;
  std::size_t j = i + 2;
  while (j < s.size() && s[j] != 'm') ++j;
  return j < s.size() ? j - i + 1 : 0;
}
}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t esc = escape_length(s, i)) {
      i += esc;
      continue;
    }
    if (!continuation(s[i])) ++n;
    ++i;
  }
  return n;
}

std::string fit(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  std::string out;
  std::size_t cols = 0;
  bool styled = false;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t esc = escape_length(s, i)) {
      out.append(s.substr(i, esc));
      styled = true;
      i += esc;
      continue;
    }
    std::size_t len = 1;
    while (i + len < s.size() && continuation(s[i + len])) ++len;
    if (cols + 1 >= width) break;  // keep a column for the ellipsis
    out.append(s.substr(i, len));
    ++cols;
    i += len;
  }
  return out + (styled ? "\x1b[0m…" : "…");  // a style cut open is closed
}

std::string wrap_text(std::string_view text, std::size_t width, std::string_view first, std::string_view rest) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  std::string out;
  std::string line(first);
  std::size_t cols = display_width(first);
  bool line_empty = true;
  auto flush = [&] {
    out += line;
    out += '\n';
    line = std::string(rest);
    cols = display_width(rest);
    line_empty = true;
  };
  for (std::string_view w : words) {
    const std::size_t ww = display_width(w);
    if (!line_empty && cols + 1 + ww > width) flush();
    if (line_empty && cols + ww > width) {  // a word longer than the line: cut it
      const std::size_t room = width > cols + 1 ? width - cols : 2;
      line += fit(w, room);
      flush();
      continue;
    }
    if (!line_empty) {
      line += ' ';
      ++cols;
    }
    line += w;
    cols += ww;
    line_empty = false;
  }
  if (!line_empty || out.empty()) flush();
  return out;
}

}  // namespace palermo::report
