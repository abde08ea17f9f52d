// Writing a recognised structure as an Akoma Ntoso 3.0 document that validates against the OASIS
// schema: FRBR identity from the import's metadata, eIds by the naming convention, the source
// file's name and SHA-256 under <proprietary>.
#pragma once
#include <string>

#include "import/structure.hpp"

namespace palermo::import {

struct Metadata {
  std::string country;        // ISO 3166-1 alpha-2, lower case ("na"); "xx" when unknown
  std::string language;       // ISO 639-2 ("eng")
  std::string doc_type;       // "act", "bill" or "code" (a code is written as an act with name="code")
  std::string title;          // FRBRname and the long title when the text has none
  std::string date;           // YYYY-MM-DD: the work's date (enactment or publication)
  std::string number;         // FRBRnumber; derived from the title or the file name when empty
  std::string source_file;    // the imported file's name (no folders)
  std::string source_sha256;  // of its bytes
  std::string source_format;  // "txt", "md", "docx", "pdf", "html"
  std::string language_note;  // "detected" or "given"
};

std::string write_akn(const Structure& structure, const Metadata& meta);

// XML text escaping, without the characters XML 1.0 forbids (C0 controls other than tab and line
// breaks become spaces: they are not text a statute contains).
std::string xml_escape(std::string_view text);

}  // namespace palermo::import
