// Flattening documents into one text per document and caching tokenised ranges (see corpus.hpp).
#include "analysis/corpus.hpp"

#include <algorithm>

namespace palermo::analysis {

namespace {

bool is_unit_element(const std::string& element) {
  return element == "section" || element == "article" || element == "regulation" || element == "rule";
}

// Editorial amendment marks inside words' runs, as Indian codes print them ("procures a 1[person]",
// "4*** * *"): a footnote number glued to an opening bracket. Dropped from the analysed text so that
// "procures a person" still reads as a phrase; nothing else is changed.
void append_without_amendment_marks(std::string& out, const std::string& piece) {
  for (std::size_t i = 0; i < piece.size(); ++i) {
    if (piece[i] >= '0' && piece[i] <= '9' && (i == 0 || piece[i - 1] == ' ' || piece[i - 1] == '(')) {
      std::size_t j = i;
      while (j < piece.size() && j - i < 2 && piece[j] >= '0' && piece[j] <= '9') ++j;
      if (j < piece.size() && piece[j] == '[') {
        i = j;  // skip the number and the bracket
        continue;
      }
    }
    out += piece[i];
  }
}

void flatten(const akn::Document& d, std::size_t p, DocText& out) {
  const akn::Provision& prov = d.provisions[p];
  auto begin = static_cast<std::uint32_t>(out.text.size());
  auto add = [&](const std::string& piece) {
    if (piece.empty()) return;
    auto b = static_cast<std::uint32_t>(out.text.size());
    if (piece.find('[') == std::string::npos)
      out.text += piece;
    else
      append_without_amendment_marks(out.text, piece);
    out.pieces.push_back({b, static_cast<std::uint32_t>(out.text.size()), p});
    out.text += '\n';
  };
  // The heading is read as part of its provision: "Trafficking with respect to peonage, slavery,
  // involuntary servitude, or forced labor" says what the section's purposes are.
  if (!prov.heading.empty() && prov.heading != prov.text.substr(0, prov.heading.size())) add(prov.heading);
  add(prov.text);
  for (std::size_t c : prov.children) flatten(d, c, out);
  add(prov.wrap_up);
  auto end = static_cast<std::uint32_t>(out.text.size());
  if (end > begin && out.text[end - 1] == '\n') --end;
  out.subtree[p] = {begin, end};
}

}  // namespace

std::string fold_text(std::string_view utf8) {
  if (utf8.find("\xC2\xAD") == std::string_view::npos) return text::fold(utf8);
  std::string clean;
  clean.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (utf8[i] == '\xC2' && i + 1 < utf8.size() && utf8[i + 1] == '\xAD') {
      ++i;
      continue;
    }
    clean += utf8[i];
  }
  return text::fold(clean);
}

std::string model_language_of(std::string_view code) {
  switch (text::language_from_code(code)) {
    case text::Language::english:
      return "en";
    case text::Language::french:
      return "fr";
    case text::Language::spanish:
      return "es";
    case text::Language::portuguese:
      return "pt";
    case text::Language::other:
      return "";
  }
  return "";
}

std::size_t DocText::provision_at(std::uint32_t offset) const {
  auto it = std::upper_bound(pieces.begin(), pieces.end(), offset,
                             [](std::uint32_t o, const Piece& p) { return o < p.begin; });
  if (it == pieces.begin()) return pieces.empty() ? 0 : pieces.front().provision;
  return std::prev(it)->provision;
}

bool DocText::is_ancestor_or_self(std::size_t ancestor, std::size_t p) const {
  for (int q = static_cast<int>(p); q >= 0; q = doc->provisions[static_cast<std::size_t>(q)].parent)
    if (static_cast<std::size_t>(q) == ancestor) return true;
  return false;
}

std::size_t DocText::common_ancestor(std::size_t a, std::size_t b) const {
  for (int q = static_cast<int>(a); q >= 0; q = doc->provisions[static_cast<std::size_t>(q)].parent)
    if (is_ancestor_or_self(static_cast<std::size_t>(q), b)) return static_cast<std::size_t>(q);
  return a;
}

namespace {

void collect(const akn::Document& d, std::vector<const akn::Document*>& out) {
  out.push_back(&d);
  for (const akn::Document& c : d.components) collect(c, out);
}

}  // namespace

Corpus::Corpus(const std::vector<akn::Document>& documents, const std::vector<std::string>& readable) {
  std::vector<const akn::Document*> all;
  for (const akn::Document& d : documents) collect(d, all);
  docs_.reserve(all.size());
  for (const akn::Document* dp : all) {
    const akn::Document& d = *dp;
    DocText t;
    t.doc = &d;
    t.language = text::language_from_code(d.frbr.language);
    t.model_language = model_language_of(d.frbr.language);
    t.subtree.assign(d.provisions.size(), {0, 0});
    for (std::size_t r : d.roots()) flatten(d, r, t);
    // A document that does not say its language is read in the one its words show.
    const std::string declared = fold_text(d.frbr.language);
    const bool undeclared = declared.empty() || declared == "und" || declared == "mul" || declared == "zxx";
    // A code palermo does not know ("esp" for Spanish, a typing slip common in published AKN) is read
    // in the language its words show, when they plainly show one the model reads; a text in any
    // other language (Greek, Romanian) stays unread, and is reported not assessed.
    bool detected = false;
    if (undeclared || t.language == text::Language::other) {
      const text::Language seen = text::detect_language(t.text);
      if (undeclared || seen != text::Language::other) {
        detected = !undeclared && seen != text::Language::other;
        t.language = seen;
        t.model_language = model_language_of(text::language_code(t.language));
      }
    }
    t.language_name = text::language_name(undeclared ? std::string(text::language_code(t.language)) : declared);
    if (detected) t.language_name += ", read as " + text::language_name(std::string(text::language_code(t.language)));
    if (!readable.empty())
      t.assessed =
          !t.model_language.empty() && std::find(readable.begin(), readable.end(), t.model_language) != readable.end();
    // Units: the nearest section/article holding a provision; outside sections, the highest
    // ancestor that holds no section (a schedule's paragraph, a flat document's top provision).
    const std::size_t n = d.provisions.size();
    std::vector<bool> holds_unit(n, false);
    for (std::size_t i = n; i-- > 0;) {
      int parent = d.provisions[i].parent;
      if (parent >= 0 && (holds_unit[i] || is_unit_element(d.provisions[i].element)))
        holds_unit[static_cast<std::size_t>(parent)] = true;
    }
    t.unit_of.assign(n, 0);
    t.treaty_text.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t unit = i;
      bool found = false;
      for (int q = static_cast<int>(i); q >= 0; q = d.provisions[static_cast<std::size_t>(q)].parent) {
        auto qi = static_cast<std::size_t>(q);
        if (is_unit_element(d.provisions[qi].element)) {
          unit = qi;
          found = true;
          break;
        }
      }
      if (!found) {
        for (int q = static_cast<int>(i); q >= 0; q = d.provisions[static_cast<std::size_t>(q)].parent)
          if (!holds_unit[static_cast<std::size_t>(q)]) unit = static_cast<std::size_t>(q);
      }
      t.unit_of[i] = unit;
      if (unit == i && !holds_unit[i]) t.units.push_back(i);
    }
    // A schedule that reproduces a treaty ("States Parties shall ...") is not national law: the
    // Protocol's own words must never count as evidence that the country implements it.
    // Folding is per character, so a phrase absent from the folded document is absent from every
    // unit: most documents are folded once here rather than unit by unit.
    const std::string whole = fold_text(t.text);
    const bool may_hold_treaty = whole.find("states parties") != std::string::npos ||
                                 whole.find("etats parties") != std::string::npos ||
                                 whole.find("estados partes") != std::string::npos;
    for (std::size_t u : t.units) {
      if (!may_hold_treaty) break;
      std::string f = fold_text(t.slice(t.subtree[u]));
      if (f.find("states parties") != std::string::npos || f.find("etats parties") != std::string::npos ||
          f.find("estados partes") != std::string::npos) {
        for (std::size_t i = 0; i < d.provisions.size(); ++i)
          if (t.unit_of[i] == u) t.treaty_text[i] = true;
      }
    }
    docs_.push_back(std::move(t));
  }
}

const text::Tokenizer& Corpus::tokenizer(text::Language lang) {
  auto& slot = tokenizers_[lang];
  if (!slot) slot = std::make_unique<text::Tokenizer>(lang);
  return *slot;
}

text::TextWindow Corpus::indexed(std::size_t doc, ByteRange range) {
  if (doc_index_.size() < docs_.size()) doc_index_.resize(docs_.size());
  auto& index = doc_index_[doc];
  if (!index) index = std::make_unique<text::IndexedText>(tokenizer(docs_[doc].language).tokenize(docs_[doc].text));
  return index->window(range.first, range.second);
}

const std::vector<citation::Citation>& Corpus::citations(std::size_t doc, ByteRange range) {
  auto [it, fresh] = citations_.try_emplace({doc, range.first, range.second});
  if (fresh) it->second = citation::find_citations(docs_[doc].slice(range));
  return it->second;
}

std::string Corpus::folded(std::size_t doc, ByteRange range) const { return fold_text(docs_[doc].slice(range)); }

bool has_word(std::string_view folded_text, std::string_view needle, bool prefix) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (std::size_t pos = folded_text.find(needle); pos != std::string_view::npos;
       pos = folded_text.find(needle, pos + 1)) {
    if (pos > 0 && letter(folded_text[pos - 1])) continue;
    std::size_t end = pos + needle.size();
    if (!prefix && end < folded_text.size() && letter(folded_text[end])) continue;
    return true;
  }
  return false;
}

bool has_any_word(std::string_view folded_text, std::initializer_list<std::string_view> needles, bool prefix) {
  for (std::string_view n : needles)
    if (has_word(folded_text, n, prefix)) return true;
  return false;
}

}  // namespace palermo::analysis
