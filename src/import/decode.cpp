// Plain text in the encodings statutes arrive in: UTF-8 (with or without BOM), UTF-16 with a BOM
// (Windows "Unicode" text), and Windows-1252 (older government sites and Word "Save as text").
#include <cstdint>
#include <optional>

#include <fmt/format.h>

#include "util/utf8.hpp"

#include "import/extract.hpp"

namespace palermo::import {

namespace {

// The byte offset of the first invalid UTF-8 sequence, or nothing when all of it is valid.
std::optional<std::size_t> invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d >> 6) != 0x2) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::nullopt;
}

// Windows-1252's 0x80-0x9F; 0 marks the five bytes it leaves undefined.
constexpr std::uint16_t kCp1252High[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                           0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                           0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                           0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// 1-based line and column of byte `offset`, for diagnostics.
std::pair<int, int> line_column(std::string_view s, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

Diagnostic refusal(const std::string& file, std::string message, std::string hint, std::string_view bytes = {},
                   std::size_t offset = 0) {
  Diagnostic d;
  d.file = file;
  if (!bytes.empty()) std::tie(d.line, d.column) = line_column(bytes, offset);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

std::string normalise_line_ends(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (c == '\f' || c == '\v') {
      out += '\n';  // page and line feeds from printed text
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Result<Extracted> decode_text(std::string_view bytes, const std::string& file) {
  Extracted out;
  std::string utf8;
  if (bytes.size() >= 2 &&
      ((static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE) ||
       (static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF))) {
    bool little = static_cast<unsigned char>(bytes[0]) == 0xFF;
    if (bytes.size() % 2 != 0)
      return refusal(file, "UTF-16 text with an odd number of bytes: the file is truncated",
                     "save the text again as UTF-8 and import that");
    auto unit = [&](std::size_t i) -> std::uint32_t {
      auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
      return little ? (a | (b << 8)) : ((a << 8) | b);
    };
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
      std::uint32_t u = unit(i);
      if (u >= 0xD800 && u <= 0xDBFF) {
        if (i + 3 >= bytes.size() || unit(i + 2) < 0xDC00 || unit(i + 2) > 0xDFFF)
          return refusal(file, fmt::format("invalid UTF-16 (an unpaired surrogate at byte {})", i),
                         "save the text again as UTF-8 and import that");
        u = 0x10000 + ((u - 0xD800) << 10) + (unit(i + 2) - 0xDC00);
        i += 2;
      } else if (u >= 0xDC00 && u <= 0xDFFF) {
        return refusal(file, fmt::format("invalid UTF-16 (an unpaired surrogate at byte {})", i),
                       "save the text again as UTF-8 and import that");
      }
      append_utf8(utf8, u);
    }
    out.warnings.push_back(refusal(file, "decoded from UTF-16 (byte-order mark)", ""));
    out.warnings.back().severity = Diagnostic::Severity::note;
  } else {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (auto nul = bytes.find('\0'); nul != std::string_view::npos)
      return refusal(file,
                     "this is not text: it contains NUL bytes (a binary file, or UTF-16 without a byte-order mark)",
                     "import the original document (.docx, .pdf, .html) or save it as UTF-8 text", bytes, nul);
    if (auto bad = invalid_utf8_at(bytes)) {
      // Not UTF-8: Windows-1252, unless it uses bytes that encoding leaves undefined.
      for (std::size_t i = 0; i < bytes.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
          utf8 += static_cast<char>(c);
        } else if (c < 0xA0) {
          std::uint16_t cp = kCp1252High[c - 0x80];
          if (cp == 0)
            return refusal(
                file,
                fmt::format(
                    "the text is neither UTF-8 (invalid at byte {}) nor Windows-1252 (byte 0x{:02X} is undefined)",
                    *bad, c),
                "convert the file to UTF-8 (e.g. iconv -f ENCODING -t UTF-8) and import that", bytes, i);
          append_utf8(utf8, cp);
        } else {
          append_utf8(utf8, c);
        }
      }
      auto [line, column] = line_column(bytes, *bad);
      Diagnostic note = refusal(file, "not UTF-8: decoded as Windows-1252", "check accented letters in the output");
      note.severity = Diagnostic::Severity::warning;
      note.line = line;
      note.column = column;
      out.warnings.push_back(std::move(note));
    } else {
      utf8.assign(bytes);
    }
  }
  // Control characters other than line breaks and tabs mean a binary file renamed.
  std::size_t controls = 0, first_control = std::string::npos;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') || c == 0x7F) {
      ++controls;
      if (first_control == std::string::npos) first_control = i;
    }
  }
  if (controls > 0 && controls * 200 > utf8.size())
    return refusal(file,
                   fmt::format("this is not text: {} control characters (first at byte {})", controls, first_control),
                   "import the original document (.docx, .pdf, .html) or save it as UTF-8 text", utf8, first_control);
  out.text = normalise_line_ends(utf8);
  return out;
}

}  // namespace palermo::import
