// Getting a statute's text out of the files people receive: plain text and Markdown (UTF-8,
// UTF-16 with a byte-order mark, or Windows-1252), HTML pages (libxml2's HTML parser), Word .docx
// (the OOXML document inside the zip, with Word's list numbering rebuilt) and PDF (poppler, in
// reading order, with running headers, footers and page numbers dropped and line-end hyphens joined).
// The result is UTF-8 text with one paragraph or heading per line.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace palermo::import {

enum class Format { text, markdown, html, docx, pdf };
std::string_view to_string(Format f);

// The format a file is in: by its first bytes (PDF, zip, HTML), then by its extension.
// Returns nothing for a file palermo cannot import (an .xml file is read as Akoma Ntoso instead).
std::optional<Format> detect_format(const std::string& path, std::string_view bytes);

struct Extracted {
  std::string text;                  // UTF-8, '\n' between paragraphs
  std::vector<Diagnostic> warnings;  // e.g. "decoded as Windows-1252"
};

// Each fails with a diagnostic naming `file` and saying what to do; none reads beyond `bytes`.
Result<Extracted> extract_text(std::string_view bytes, Format format, const std::string& file);

// Plain text bytes as UTF-8: a BOM decides UTF-8 or UTF-16; otherwise valid UTF-8 is kept and
// anything else is read as Windows-1252 (with a warning). Binary data (NUL bytes, control
// characters) is refused. Line ends become '\n'.
Result<Extracted> decode_text(std::string_view bytes, const std::string& file);

// Limits on what an archive may expand to (a .docx is a zip).
inline constexpr std::uint64_t kMaxDocxPartBytes = 64ull * 1024 * 1024;
inline constexpr std::uint64_t kMaxDocxCompressionRatio = 200;

}  // namespace palermo::import
