// Which extractor reads a file, decided by its first bytes before its name.
#include "import/extract.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "import/extractors.hpp"

namespace palermo::import {

std::string_view to_string(Format f) {
  switch (f) {
    case Format::text:
      return "txt";
    case Format::markdown:
      return "md";
    case Format::html:
      return "html";
    case Format::docx:
      return "docx";
    case Format::pdf:
      return "pdf";
  }
  return "txt";
}

std::optional<Format> detect_format(const std::string& path, std::string_view bytes) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (bytes.substr(0, 5) == "%PDF-") return Format::pdf;
  if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return Format::docx;
  if (ext == ".pdf") return Format::pdf;
  if (ext == ".docx") return Format::docx;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::html;
  if (ext == ".md" || ext == ".markdown") return Format::markdown;
  if (ext == ".txt" || ext == ".text") return Format::text;
  return std::nullopt;
}

Result<Extracted> extract_text(std::string_view bytes, Format format, const std::string& file) {
  switch (format) {
    case Format::text:
    case Format::markdown:
      return decode_text(bytes, file);
    case Format::html:
      return extract_html(bytes, file);
    case Format::docx:
      return extract_docx(bytes, file);
    case Format::pdf:
      return extract_pdf(bytes, file);
  }
  return decode_text(bytes, file);
}

}  // namespace palermo::import
