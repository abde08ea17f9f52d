// The analysis' view of the documents: each document's provisions flattened once into one text with
// byte ranges per provision, the language it is read in, and a cache of tokenised, indexed ranges so
// each passage is tokenised once however many patterns are matched against it.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "akn/document.hpp"
#include "grammars/citation/citation.hpp"
#include "text/matcher.hpp"
#include "text/tokenizer.hpp"

namespace palermo::analysis {

using ByteRange = std::pair<std::uint32_t, std::uint32_t>;

// One document, flattened: own texts in reading order (text, children, wrap-up), "\n" between pieces.
struct DocText {
  const akn::Document* doc = nullptr;
  text::Language language = text::Language::other;
  std::string model_language;  // "en", "fr", "es", "pt"; "" when unknown (every language is tried)
  // False when the document is in a language the model has no patterns for: it is not analysed,
  // and the report says so instead of turning every element into a gap.
  bool assessed = true;
  std::string language_name;       // "Greek (ell)", for the report
  std::string text;                // the flattened document
  std::vector<ByteRange> subtree;  // per provision: its whole text (own, children, wrap-up)
  struct Piece {
    std::uint32_t begin, end;
    std::size_t provision;
  };
  std::vector<Piece> pieces;         // own-text pieces, sorted by begin
  std::vector<std::size_t> unit_of;  // per provision: the unit (section/article or top provision) holding it
  std::vector<std::size_t> units;    // the units, in document order
  std::vector<bool> treaty_text;     // per provision: inside a reproduction of a treaty (a schedule)

  // The innermost provision whose own text holds byte `offset` (the nearest before it otherwise).
  std::size_t provision_at(std::uint32_t offset) const;
  // The deepest provision containing both (an ancestor of each, or one of them).
  std::size_t common_ancestor(std::size_t a, std::size_t b) const;
  bool is_ancestor_or_self(std::size_t ancestor, std::size_t p) const;
  std::string_view slice(ByteRange r) const { return std::string_view(text).substr(r.first, r.second - r.first); }
};

class Corpus {
 public:
  // Every document, and the components of a documentCollection as documents of their own.
  // `readable` lists the model languages with patterns ("en", "fr", ...); a document in another
  // language is kept (for its metadata) but marked not assessed. Empty: every document is assessed.
  explicit Corpus(const std::vector<akn::Document>& documents, const std::vector<std::string>& readable = {});

  const std::vector<DocText>& docs() const { return docs_; }
  const DocText& doc(std::size_t i) const { return docs_[i]; }

  // The tokens of a byte range of a document, for matching (spans relative to range.first). Each
  // document is tokenised and indexed once, when first asked; a range is a window of that index.
  text::TextWindow indexed(std::size_t doc, ByteRange range);
  // The citations in a range of a document (citation::find_citations of its text), found once per
  // range: finding the offence, its scope and its penalty ask about the same sections many times.
  const std::vector<citation::Citation>& citations(std::size_t doc, ByteRange range);
  // The folded form of a range (lower case, no diacritics), for keyword tests of the checks.
  std::string folded(std::size_t doc, ByteRange range) const;
  const text::Tokenizer& tokenizer(text::Language lang);

 private:
  std::vector<DocText> docs_;
  std::vector<std::unique_ptr<text::IndexedText>> doc_index_;  // per document, built on first use
  std::map<text::Language, std::unique_ptr<text::Tokenizer>> tokenizers_;
  std::map<std::tuple<std::size_t, std::uint32_t, std::uint32_t>, std::vector<citation::Citation>> citations_;
};

// Folded keyword search with word starts: `needle` (already folded) occurs in `folded_text` starting at
// a word boundary. A needle ending in a space or a letter must then be followed by a non-letter
// unless `prefix` is true.
bool has_word(std::string_view folded_text, std::string_view needle, bool prefix = true);
bool has_any_word(std::string_view folded_text, std::initializer_list<std::string_view> needles, bool prefix = true);

// text::fold without the soft hyphens that PDF conversions leave inside words ("traffick\u00ADing").
std::string fold_text(std::string_view utf8);

// "en"/"fr"/"es"/"pt" for a document language code ("eng", "fra", ...); "" when unknown.
std::string model_language_of(std::string_view iso639_2);

}  // namespace palermo::analysis
