// Matching evidence patterns against tokenized statute text, with FTS5 semantics over one document.
//
// Usage in the analysis: compile every pattern once per statute language, index every provision's
// text once, then match every compiled pattern against every indexed text:
//   Tokenizer tok(lang);
//   CompiledPattern p = compile(node, tok);          // once per pattern and language
//   IndexedText text(tok.tokenize(provision_text));  // once per provision (or document, windowed)
//   if (Match m = match(p, text)) { ... m.spans ... } // or matches(p, text) when spans are not needed
// Loop over provisions outside and patterns inside: one provision's index then stays in cache
// (400 patterns x 1000 provisions: ~40 ms that way round on the shared machine, ~3x slower the
// other way). compile() uses the tokenizer, so one per thread; match() on const data is thread-safe.
//
// Semantics (as SQLite FTS5 would give for a single row):
//   phrase  consecutive tokens with equal stems; a prefix word ("exploit*") matches a token whose
//           folded form or stem starts with the folded prefix;
//   all_of  every child matches somewhere;  any_of  some child matches;
//   except  the left child matches and the right child matches nowhere;
//   near    one occurrence of each phrase, in any order, with at most `distance` tokens between
//           the end of the earliest occurrence and the start of the latest; as in FTS5, phrases
//           in between count as intervening tokens (for two phrases: the gap between them).
// No stop-words are removed: in legal text "of" and "to" matter inside phrases.
#pragma once
#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "grammars/pattern/pattern.hpp"
#include "text/tokenizer.hpp"

namespace palermo::text {

// One word of a phrase, after folding and stemming with the statute language's tokenizer.
struct CompiledWord {
  std::string term;             // stemmed form, compared for equality with Token::term (not a prefix)
  std::uint64_t term_hash = 0;  // term_hash(term), so lookups hash nothing at match time
  // The term's number in the vocabulary of the tokenizer that compiled it: matching a text of that
  // same vocabulary compares numbers and looks nothing up.
  std::uint32_t term_id = Vocabulary::kAbsent;
  std::string prefix;  // folded, unstemmed prefix (prefix words only)
  bool is_prefix = false;

  bool operator==(const CompiledWord&) const = default;
};

// The pattern tree with its words already stemmed; mirrors pattern::Node.
struct CompiledNode {
  pattern::Node::Kind kind = pattern::Node::Kind::phrase;
  std::vector<CompiledWord> words;     // phrase only; empty = a phrase that can never match
  std::vector<CompiledNode> children;  // all_of / any_of / except / near
  int distance = 10;                   // near only
};

struct CompiledPattern {
  Language language = Language::other;           // the tokenizer's language it was compiled with
  std::shared_ptr<const Vocabulary> vocabulary;  // that tokenizer's: CompiledWord::term_id numbers in it
  pattern::Node source;                          // the pattern as parsed, for explanations ("which pattern")
  CompiledNode root;
};

// Stems the pattern's words once. A written word that the tokenizer splits ("d'êtres", "225-4-1")
// becomes several consecutive words of its phrase.
CompiledPattern compile(const pattern::Node& node, const Tokenizer& tokenizer);

class IndexedText;

// A window of an IndexedText: the tokens whose bytes lie inside one byte range of its source. A
// document is indexed once and each provision is matched through a window of it; matching a window
// gives what an index of that range alone would give, with spans relative to the range's start.
struct TextWindow {
  const IndexedText* text = nullptr;
  std::uint32_t first = 0;  // token positions [first, last)
  std::uint32_t last = 0;
  std::uint32_t base = 0;  // byte offset of the range: subtracted from every span
};

// A text's tokens plus an index of where each word form stands, built once and matched against many
// patterns. Tokens are grouped by their vocabulary numbers (a counting sort, no string compared);
// lookups are binary searches over numbers, with no allocation, so that ~400 patterns against
// ~1000 provisions take milliseconds. Move-only: the prefix keys view the vocabulary's texts.
class IndexedText {
 public:
  IndexedText() = default;
  explicit IndexedText(TokenList tokens);
  IndexedText(IndexedText&&) noexcept = default;
  IndexedText& operator=(IndexedText&&) noexcept = default;
  IndexedText(const IndexedText&) = delete;
  IndexedText& operator=(const IndexedText&) = delete;

  const std::vector<Token>& tokens() const { return list_.tokens; }
  std::string_view term(const Token& t) const { return list_.term(t); }
  std::string_view folded(const Token& t) const { return list_.folded(t); }
  // The vocabulary number of an index form (Vocabulary::kAbsent when no text of this vocabulary
  // has it, and then no token here has it either).
  const Vocabulary* vocabulary() const { return list_.vocabulary.get(); }
  std::uint32_t term_id(std::string_view term, std::uint64_t term_hash) const {
    return list_.vocabulary ? list_.vocabulary->find(term, term_hash) : Vocabulary::kAbsent;
  }
  // Every token, or the tokens lying wholly inside bytes [begin, end) of the source text.
  TextWindow whole() const { return {this, 0, static_cast<std::uint32_t>(list_.tokens.size()), 0}; }
  TextWindow window(std::uint32_t begin, std::uint32_t end) const;
  // Positions (sorted) of tokens whose term equals `term`; empty when absent.
  std::span<const std::uint32_t> positions_of(std::string_view term) const;
  std::span<const std::uint32_t> positions_of(std::string_view term, std::uint64_t term_hash) const;
  std::span<const std::uint32_t> positions_of_id(std::uint32_t term_id) const;
  // Positions (sorted, deduplicated) of tokens whose folded form or term starts with `prefix`.
  std::vector<std::uint32_t> positions_with_prefix(std::string_view prefix) const;
  // Calls visit(position) for every token whose folded form or term starts with `prefix`, in no
  // particular order and possibly twice, until visit returns true; returns whether one did.
  template <class Visit>
  bool any_with_prefix(std::string_view prefix, Visit&& visit) const {
    return any_with_prefix(prefix, 0, static_cast<std::uint32_t>(list_.tokens.size()), visit);
  }
  // The same, for positions in [first, last) only.
  template <class Visit>
  bool any_with_prefix(std::string_view prefix, std::uint32_t first, std::uint32_t last, Visit&& visit) const;

 private:
  // The positions of each distinct form (by vocabulary number): positions[ranges[i]..ranges[i+1])
  // belong to ids[i]; ids ascend.
  struct Groups {
    std::vector<std::uint32_t> ids;
    std::vector<std::uint32_t> ranges;
    std::vector<std::uint32_t> positions;
    void build(const std::vector<Token>& tokens, std::uint32_t Token::*form, std::uint32_t vocabulary_size);
    std::span<const std::uint32_t> at(std::size_t i) const {
      return {positions.data() + ranges[i], positions.data() + ranges[i + 1]};
    }
    std::span<const std::uint32_t> of(std::uint32_t id) const;
  };
  // The same groups' texts sorted as strings, for prefix queries: keys[i] is the text of group
  // group[i], codes[i] its key_code.
  struct PrefixKeys {
    std::vector<std::string_view> keys;
    std::vector<std::uint64_t> codes;
    std::vector<std::uint32_t> group;
    void build(const Groups& groups, const Vocabulary& vocabulary);
  };
  TokenList list_;
  Groups terms_;            // index forms, for exact words
  Groups foldeds_;          // folded forms
  PrefixKeys term_keys_;    // for prefix queries against index forms
  PrefixKeys folded_keys_;  // and against folded forms
};

// The hash IndexedText files terms under; CompiledWord::term_hash holds it precomputed.
std::uint64_t term_hash(std::string_view term);

// The first eight bytes of a key as a big-endian number (zero-padded): keys sorted by string are
// sorted by code too, so a prefix search is a binary search over integers, not strings.
inline std::uint64_t key_code(std::string_view key) {
  std::uint64_t code = 0;
  for (std::size_t i = 0; i < 8; ++i) code = (code << 8) | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
  return code;
}

template <class Visit>
bool IndexedText::any_with_prefix(std::string_view prefix, std::uint32_t first, std::uint32_t last,
                                  Visit&& visit) const {
  // Keys starting with `prefix` have codes in [low, high]: the prefix's code with the bytes it
  // does not fix set to 0 and to 0xFF. Past eight bytes the code cannot tell, so check the key.
  const std::uint64_t low = key_code(prefix);
  const std::uint64_t high = prefix.size() >= 8 ? low : low | (~std::uint64_t{0} >> (8 * prefix.size()));
  const std::pair<const PrefixKeys*, const Groups*> indexes[] = {{&term_keys_, &terms_}, {&folded_keys_, &foldeds_}};
  for (const auto& [keys, groups] : indexes) {
    auto it = std::lower_bound(keys->codes.begin(), keys->codes.end(), low);
    for (; it != keys->codes.end() && *it <= high; ++it) {
      const auto i = static_cast<std::size_t>(it - keys->codes.begin());
      if (prefix.size() > 8 && !keys->keys[i].starts_with(prefix)) continue;
      const std::span<const std::uint32_t> all = groups->at(keys->group[i]);  // ascending
      for (auto p = std::lower_bound(all.begin(), all.end(), first); p != all.end() && *p < last; ++p)
        if (visit(*p)) return true;
    }
  }
  return false;
}

struct Match {
  bool matched = false;
  // Byte ranges [begin, end) in the source text of the tokens that made the match, sorted and
  // merged where they overlap or touch. For highlighting and for "which words" in a finding:
  // a phrase gives its occurrences (at most kMaxOccurrences), an all_of the first occurrence of
  // each child, an any_of the occurrences of every child that matched, an except its left child,
  // a near the first window that satisfies it. A `NOT x` part never contributes spans.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;

  static constexpr std::size_t kMaxOccurrences = 8;
  explicit operator bool() const { return matched; }
};

Match match(const CompiledPattern& pattern, const TextWindow& window);
Match match(const CompiledPattern& pattern, const IndexedText& text);
// Convenience for a single use: indexes `tokens` first.
Match match(const CompiledPattern& pattern, const TokenList& tokens);
// Fast path: no spans are collected, alternatives stop at the first that matches.
bool matches(const CompiledPattern& pattern, const TextWindow& window);
bool matches(const CompiledPattern& pattern, const IndexedText& text);
// Whether the pattern could match some window of this one: matches() with every `NOT x` ignored.
// Every other operator only needs more of the text to hold, so a pattern that may not match a
// whole document matches none of its provisions: the analysis asks this once per document and
// skips the provisions of documents where the answer is no.
bool may_match(const CompiledPattern& pattern, const TextWindow& window);

}  // namespace palermo::text
