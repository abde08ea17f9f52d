// Defined terms of each document — from <def> marks and from plain-text definitions ('"exploitation"
// includes', '« exploitation » s'entend de', 'se entenderá por explotación') — and the terms a given
// passage uses, which carry evidence from a definition into the offence.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "analysis/corpus.hpp"

namespace palermo::analysis {

struct Definition {
  std::string term;     // folded: "exploitation"
  std::string display;  // as written: "exploitation"
  std::size_t doc = 0;
  std::size_t provision = 0;  // the innermost provision where the definition begins
  ByteRange range{0, 0};      // the definition's words: from the term to the next definition (same unit)
  std::string refers_to;      // the <def>'s refersTo without '#' ("term-exploitation"), "" for plain text
  // A one-word term's stem in the document's language ("exploitation" -> "exploit"): the text
  // uses the term when it uses a word of that stem ("exploited", "exploits"). Empty for longer terms.
  std::string stem;
};

struct Definitions {
  std::vector<Definition> all;  // in document order per document
};

Definitions find_definitions(Corpus& corpus);

// Indexes into defs.all of the terms that `folded_text` (of document `doc`) uses: definitions of the
// same document first; a term defined only in another document counts too. Longer terms win over
// the shorter terms they contain only when both are used.
std::vector<std::size_t> terms_used(const Definitions& defs, std::string_view folded_text, std::size_t doc);
// Indexes into defs.all of the definitions that <term refersTo> marks inside `provision`'s subtree
// point to (a term marked up even where the defined words are inflected or abbreviated).
std::vector<std::size_t> terms_marked(const Definitions& defs, const DocText& doc, std::size_t doc_index,
                                      std::size_t provision);

}  // namespace palermo::analysis
