// `palermo import`: a statute as people receive it (plain text, Markdown, Word, PDF, a web page)
// -> Akoma Ntoso 3.0. Extraction (extract.hpp), structure (structure.hpp) and writing
// (akn_writer.hpp) are separate steps; this file strings them together.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "akn/document.hpp"
#include "import/akn_writer.hpp"
#include "import/extract.hpp"
#include "import/structure.hpp"
#include "util/result.hpp"

namespace palermo::import {

struct Options {
  std::string language;  // ISO 639-2; detected from the text when empty
  std::string country;   // ISO 3166-1 alpha-2; from a file name "cc_..." when empty, else "xx"
  std::string doc_type;  // act | bill | code; "act" when empty
  std::string title;     // the first line of the text when empty
  std::string date;      // YYYY-MM-DD; a year in the title gives YYYY-01-01; else "0001-01-01" (unknown)
};

struct Imported {
  std::string xml;      // the Akoma Ntoso document
  std::string text;     // the text extracted from the input (what the AKN must hold)
  Structure structure;  // what was recognised (counts, warnings)
  Metadata metadata;
  Format format = Format::text;
  std::vector<Diagnostic> warnings;  // extraction's and structure's, in that order
};

// Imports `bytes` read from `path`. Fails with a diagnostic naming the file for anything that is
// not a readable statute in a known format.
Result<Imported> import_bytes(std::string_view bytes, const std::string& path, const Options& options);
Result<Imported> import_file(const std::string& path, const Options& options);

// True for a file palermo reads by importing it (by content and name: not Akoma Ntoso XML).
bool is_importable(const std::string& path);

// Reads a statute whatever its format: Akoma Ntoso XML as it is, anything else imported in memory
// (Document::path is the file's path; sha256 that of its bytes).
Result<akn::Document> load_document(const std::string& path);

// The language of `text` as ISO 639-2, from the function words it uses most ("the", "de", "la",
// "und" ...), or "" when too little text to tell.
std::string guess_language(std::string_view text);

}  // namespace palermo::import
