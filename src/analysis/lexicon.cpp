// Lexicon lookups (see lexicon.hpp).
#include "analysis/lexicon.hpp"

namespace palermo::analysis {

const Lexicons::Compiled& Lexicons::compiled(std::string_view name, std::size_t doc) {
  const DocText& dt = corpus_.doc(doc);
  auto key = std::make_pair(std::string(name), dt.model_language);
  auto it = compiled_.find(key);
  if (it != compiled_.end()) return it->second;
  Compiled c;
  if (auto lex = model_.lexicons.find(key.first); lex != model_.lexicons.end())
    for (const model::Pattern& p : lex->second.patterns)
      if (dt.model_language.empty() || p.language == dt.model_language)
        c.patterns.push_back(text::compile(p.node, corpus_.tokenizer(dt.language)));
  return compiled_.emplace(std::move(key), std::move(c)).first->second;
}

bool Lexicons::in(std::string_view name, std::size_t doc, ByteRange range) {
  if (range.second <= range.first) return false;
  const Compiled& c = compiled(name, doc);
  if (c.patterns.empty()) return false;
  const text::TextWindow indexed = corpus_.indexed(doc, range);
  for (const text::CompiledPattern& p : c.patterns)
    if (text::matches(p, indexed)) return true;
  return false;
}

text::Match Lexicons::find(std::string_view name, std::size_t doc, ByteRange range) {
  if (range.second <= range.first) return {};
  const Compiled& c = compiled(name, doc);
  if (c.patterns.empty()) return {};
  const text::TextWindow indexed = corpus_.indexed(doc, range);
  for (const text::CompiledPattern& p : c.patterns) {
    text::Match m = text::match(p, indexed);
    if (!m) continue;
    for (auto& span : m.spans) {
      span.first += range.first;
      span.second += range.first;
    }
    return m;
  }
  return {};
}

bool Lexicons::in_text(std::string_view name, std::size_t doc, std::string_view text) {
  if (text.empty()) return false;
  const Compiled& c = compiled(name, doc);
  if (c.patterns.empty()) return false;
  // The same heading is usually asked about several lexicons in a row: tokenise it once.
  const text::Language lang = corpus_.doc(doc).language;
  if (!last_text_ || last_text_->first != text || last_text_->second != lang) {
    last_index_ = text::IndexedText(corpus_.tokenizer(lang).tokenize(text));
    last_text_ = std::make_pair(std::string(text), lang);
  }
  for (const text::CompiledPattern& p : c.patterns)
    if (text::matches(p, last_index_)) return true;
  return false;
}

}  // namespace palermo::analysis
