// Internal to src/import: one extractor per format (html.cpp, docx.cpp, pdf.cpp) and what they share.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "import/extract.hpp"

namespace palermo::import {

Result<Extracted> extract_html(std::string_view bytes, const std::string& file);
Result<Extracted> extract_docx(std::string_view bytes, const std::string& file);
Result<Extracted> extract_pdf(std::string_view bytes, const std::string& file);

// Paragraphs joined with '\n', each with its runs of spaces collapsed and ends trimmed; empty
// paragraphs dropped.
std::string join_paragraphs(const std::vector<std::string>& paragraphs);

// A diagnostic refusing `file`, with what to do.
Diagnostic import_error(const std::string& file, std::string message, std::string hint);

}  // namespace palermo::import
