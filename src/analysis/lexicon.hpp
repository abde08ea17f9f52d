// The model's lexicons (protocol-model/05-lexicon.pal) matched against the documents: the one way
// the analysis asks "does this provision use offence-creating words / name the crime / speak of a
// child?". Each lexicon is compiled once per language; each range is tokenised once (Corpus cache).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "analysis/corpus.hpp"
#include "model/model.hpp"
#include "text/matcher.hpp"

namespace palermo::analysis {

class Lexicons {
 public:
  Lexicons(Corpus& corpus, const model::Model& model) : corpus_(corpus), model_(model) {}

  // True when the lexicon matches somewhere in the range of document `doc`, read in the document's
  // language (every language of the lexicon when the document's is unknown).
  bool in(std::string_view name, std::size_t doc, ByteRange range);
  // The first match with its spans (absolute byte offsets in the document's text); empty when none.
  text::Match find(std::string_view name, std::size_t doc, ByteRange range);
  // The same for a text that is not part of the flattened document (a heading).
  bool in_text(std::string_view name, std::size_t doc, std::string_view text);
  // Convenience: in(name, doc, range) or in_text(name, doc, heading).
  bool in_or_heading(std::string_view name, std::size_t doc, ByteRange range, std::string_view heading) {
    return in(name, doc, range) || (!heading.empty() && in_text(name, doc, heading));
  }

 private:
  struct Compiled {
    std::vector<text::CompiledPattern> patterns;
  };
  const Compiled& compiled(std::string_view name, std::size_t doc);

  Corpus& corpus_;
  const model::Model& model_;
  std::map<std::pair<std::string, std::string>, Compiled> compiled_;  // (lexicon, model language)
  std::optional<std::pair<std::string, text::Language>> last_text_;   // in_text's last text, tokenised
  text::IndexedText last_index_;
};

}  // namespace palermo::analysis
