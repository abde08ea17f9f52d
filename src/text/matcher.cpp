// Matching compiled evidence patterns against an indexed provision text (see matcher.hpp).
#include "text/matcher.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace palermo::text {
namespace {

using Kind = pattern::Node::Kind;
using Span = std::pair<std::uint32_t, std::uint32_t>;

CompiledNode compile_node(const pattern::Node& node, const Tokenizer& tokenizer) {
  CompiledNode out;
  out.kind = node.kind;
  out.distance = node.distance;
  if (node.kind == Kind::phrase) {
    for (const std::string& written : node.words) {
      std::string_view w = written;
      const bool prefix = !w.empty() && w.back() == '*';
      if (prefix) w.remove_suffix(1);
      // Re-split with the tokenizer's rules: a hand-built or unfolded word may hold several words.
      std::vector<std::string> parts = lower_words(w);
      for (std::size_t i = 0; i < parts.size(); ++i) {
        CompiledWord cw;
        cw.is_prefix = prefix && i + 1 == parts.size();
        if (cw.is_prefix)
          cw.prefix = fold(parts[i]);
        else
          cw.term = tokenizer.stem(parts[i]);
        cw.term_hash = term_hash(cw.term);
        out.words.push_back(std::move(cw));
      }
    }
  }
  for (const auto& child : node.children) out.children.push_back(compile_node(child, tokenizer));
  return out;
}

bool word_matches(const CompiledWord& w, const Token& t) {
  if (!w.is_prefix) return t.term == w.term;
  return std::string_view(t.folded).starts_with(w.prefix) || std::string_view(t.term).starts_with(w.prefix);
}

struct Occurrence {
  std::uint32_t start;   // token position of the first word
  std::uint32_t length;  // words in the phrase
};

// Buffers reused from one evaluation to the next on the same thread, so matching allocates only
// while they grow. A NEAR's operands are phrases, so one set of lists is ever in use at a time.
thread_local std::vector<std::uint32_t> t_starts;
thread_local std::vector<std::vector<std::uint32_t>> t_near_lists;

// Evaluates a compiled tree against one text. When spans are wanted, every phrase occurrence that
// contributes is appended to `spans`; a subtree that fails takes its spans back out.
class Evaluator {
 public:
  Evaluator(const TextWindow& window, std::vector<Span>* spans)
      : text_(*window.text), first_(window.first), last_(window.last), base_(window.base), spans_(spans) {}

  // `limit`: how many occurrences of a phrase to record (0: none, and no occurrence lists built).
  bool eval(const CompiledNode& n, std::size_t limit) {
    switch (n.kind) {
      case Kind::phrase: {
        if (limit == 0 || spans_ == nullptr) return phrase_exists(n);
        phrase_starts(n, t_starts);
        for (std::size_t i = 0; i < t_starts.size() && i < limit; ++i) record({t_starts[i], length(n)});
        return !t_starts.empty();
      }
      case Kind::all_of: {
        const std::size_t mark = mark_spans();
        for (const auto& c : n.children) {
          if (!eval(c, std::min<std::size_t>(limit, 1))) return rollback(mark);
        }
        return !n.children.empty();
      }
      case Kind::any_of: {
        bool any = false;
        for (const auto& c : n.children) {
          if (eval(c, limit)) {
            any = true;
            if (spans_ == nullptr || limit == 0) return true;  // nothing more to collect
          }
        }
        return any;
      }
      case Kind::except: {
        if (n.children.size() != 2) return false;
        const std::size_t mark = mark_spans();
        if (!eval(n.children[0], limit)) return false;
        if (eval(n.children[1], 0)) return rollback(mark);
        return true;
      }
      case Kind::near:
        return near(n, limit);
    }
    return false;
  }

 private:
  static std::uint32_t length(const CompiledNode& phrase) { return static_cast<std::uint32_t>(phrase.words.size()); }

  // Calls visit(p) for each position where the word occurs, until visit returns true.
  template <class Visit>
  bool any_position(const CompiledWord& w, Visit&& visit) const {
    if (w.is_prefix) return text_.any_with_prefix(w.prefix, first_, last_, visit);
    const std::span<const std::uint32_t> all = text_.positions_of(w.term, w.term_hash);  // ascending
    for (auto p = std::lower_bound(all.begin(), all.end(), first_); p != all.end() && *p < last_; ++p)
      if (visit(*p)) return true;
    return false;
  }

  bool occurs_at(const CompiledNode& n, std::uint32_t p) const {
    const auto& tokens = text_.tokens();
    if (p + n.words.size() > last_) return false;
    for (std::size_t k = 1; k < n.words.size(); ++k)
      if (tokens[p + k].after_break || !word_matches(n.words[k], tokens[p + k])) return false;
    return true;
  }

  bool phrase_exists(const CompiledNode& n) const {
    if (n.kind != Kind::phrase || n.words.empty()) return false;
    return any_position(n.words.front(), [&](std::uint32_t p) { return occurs_at(n, p); });
  }

  // Start positions of every occurrence of a phrase, ascending.
  void phrase_starts(const CompiledNode& n, std::vector<std::uint32_t>& out) const {
    out.clear();
    if (n.kind != Kind::phrase || n.words.empty()) return;
    any_position(n.words.front(), [&](std::uint32_t p) {
      if (occurs_at(n, p)) out.push_back(p);
      return false;
    });
    if (n.words.front().is_prefix) {  // two indexes, in key order: sort and deduplicate
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
    }
  }

  // FTS5's NEAR: one occurrence of each phrase such that the tokens between the end of the first
  // occurrence and the start of the last are at most `distance`. Phrases in between count as
  // intervening tokens: in "a b c d x x x e", NEAR(a d e, 6) matches and NEAR(a d e, 5) does not.
  // A sweep over the sorted occurrence lists finds the tightest window in linear time: the
  // earliest occurrence can only pair with later ones, which widen the window, so it is dropped.
  bool near(const CompiledNode& n, std::size_t limit) {
    if (n.children.size() < 2) return false;
    for (const auto& c : n.children)  // cheap rejection before building any list
      if (!phrase_exists(c)) return false;
    auto& lists = t_near_lists;
    if (lists.size() < n.children.size()) lists.resize(n.children.size());
    for (std::size_t i = 0; i < n.children.size(); ++i) phrase_starts(n.children[i], lists[i]);
    std::vector<std::size_t> at(n.children.size(), 0);
    for (;;) {
      std::size_t first = 0;
      std::uint32_t last_start = 0;
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        const std::uint32_t s = lists[i][at[i]];
        const std::uint32_t fs = lists[first][at[first]];
        if (s < fs || (s == fs && length(n.children[i]) > length(n.children[first]))) first = i;
        last_start = std::max(last_start, s);
      }
      const std::int64_t first_end = std::int64_t{lists[first][at[first]]} + length(n.children[first]);
      if (std::int64_t{last_start} - first_end <= n.distance) {
        if (limit > 0)
          for (std::size_t i = 0; i < n.children.size(); ++i) record({lists[i][at[i]], length(n.children[i])});
        return true;
      }
      if (++at[first] == lists[first].size()) return false;
    }
  }

  void record(Occurrence o) {
    if (spans_ == nullptr || o.length == 0) return;
    const auto& tokens = text_.tokens();
    spans_->emplace_back(tokens[o.start].begin - base_, tokens[o.start + o.length - 1].end - base_);
  }
  std::size_t mark_spans() const { return spans_ ? spans_->size() : 0; }
  bool rollback(std::size_t mark) {
    if (spans_) spans_->resize(mark);
    return false;
  }

  const IndexedText& text_;
  const std::uint32_t first_, last_;  // the window's token positions
  const std::uint32_t base_;          // subtracted from recorded byte offsets
  std::vector<Span>* spans_;
};

// Sorted, with overlapping or touching ranges merged.
void normalise(std::vector<Span>& spans) {
  std::sort(spans.begin(), spans.end());
  std::vector<Span> merged;
  for (const auto& s : spans) {
    if (!merged.empty() && s.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, s.second);
    else
      merged.push_back(s);
  }
  spans = std::move(merged);
}

}  // namespace

CompiledPattern compile(const pattern::Node& node, const Tokenizer& tokenizer) {
  CompiledPattern p;
  p.language = tokenizer.language();
  p.source = node;
  p.root = compile_node(node, tokenizer);
  return p;
}

std::uint64_t term_hash(std::string_view term) { return std::hash<std::string_view>{}(term); }

void IndexedText::KeyIndex::build(std::vector<std::pair<std::string_view, std::uint32_t>> keyed) {
  // `keyed` arrives sorted by key (or by hash then key): group equal keys.
  keys.clear();
  codes.clear();
  ranges.clear();
  positions.clear();
  positions.reserve(keyed.size());
  for (const auto& [key, position] : keyed) {
    if (keys.empty() || keys.back() != key) {
      keys.push_back(key);
      ranges.push_back(static_cast<std::uint32_t>(positions.size()));
    }
    positions.push_back(position);
  }
  ranges.push_back(static_cast<std::uint32_t>(positions.size()));
  for (std::string_view key : keys) codes.push_back(key_code(key));
}

namespace {

// (key, position) pairs sorted by key, then position. A long text repeats few distinct words many
// times: grouping by hash and sorting only the distinct keys avoids comparing strings for every
// token (this was the largest cost of checking a 4 MB act).
template <class KeyOf>
std::vector<std::pair<std::string_view, std::uint32_t>> sorted_keys(const std::vector<Token>& tokens, KeyOf key_of) {
  std::vector<std::pair<std::string_view, std::uint32_t>> keyed;
  keyed.reserve(tokens.size());
  if (tokens.size() < 256) {
    for (const Token& t : tokens) keyed.emplace_back(key_of(t), t.position);
    std::sort(keyed.begin(), keyed.end());
    return keyed;
  }
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> groups;
  groups.reserve(tokens.size() / 4);
  for (const Token& t : tokens) groups[key_of(t)].push_back(t.position);  // positions ascend
  std::vector<std::string_view> distinct;
  distinct.reserve(groups.size());
  for (const auto& [key, positions] : groups) distinct.push_back(key);
  std::sort(distinct.begin(), distinct.end());
  for (std::string_view key : distinct)
    for (std::uint32_t p : groups[key]) keyed.emplace_back(key, p);
  return keyed;
}

}  // namespace

IndexedText::IndexedText(std::vector<Token> tokens) : tokens_(std::move(tokens)) {
  // Positions index tokens_ directly, whatever the tokens' own numbering was.
  for (std::size_t i = 0; i < tokens_.size(); ++i) tokens_[i].position = static_cast<std::uint32_t>(i);
  std::vector<std::pair<std::string_view, std::uint32_t>> keyed =
      sorted_keys(tokens_, [](const Token& t) -> std::string_view { return t.term; });
  term_prefixes_.build(keyed);
  // The exact-term index: the same groups ordered by hash (computed once per distinct term), so
  // lookups compare integers.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> by_hash;  // (hash, group in term_prefixes_)
  by_hash.reserve(term_prefixes_.keys.size());
  for (std::size_t i = 0; i < term_prefixes_.keys.size(); ++i)
    by_hash.emplace_back(term_hash(term_prefixes_.keys[i]), static_cast<std::uint32_t>(i));
  std::sort(by_hash.begin(), by_hash.end());
  std::vector<std::pair<std::string_view, std::uint32_t>> hashed;
  hashed.reserve(keyed.size());
  term_hashes_.clear();
  for (const auto& [hash, group] : by_hash) {
    term_hashes_.push_back(hash);
    for (std::uint32_t p : term_prefixes_.at(group)) hashed.emplace_back(term_prefixes_.keys[group], p);
  }
  by_term_.build(std::move(hashed));
  folded_prefixes_.build(sorted_keys(tokens_, [](const Token& t) -> std::string_view { return t.folded; }));
}

std::span<const std::uint32_t> IndexedText::positions_of(std::string_view term) const {
  return positions_of(term, term_hash(term));
}

std::span<const std::uint32_t> IndexedText::positions_of(std::string_view term, std::uint64_t hash) const {
  auto it = std::lower_bound(term_hashes_.begin(), term_hashes_.end(), hash);
  for (; it != term_hashes_.end() && *it == hash; ++it) {  // equal hashes: compare the terms
    const auto i = static_cast<std::size_t>(it - term_hashes_.begin());
    if (by_term_.keys[i] == term) return by_term_.at(i);
  }
  return {};
}

std::vector<std::uint32_t> IndexedText::positions_with_prefix(std::string_view prefix) const {
  std::vector<std::uint32_t> out;
  any_with_prefix(prefix, [&](std::uint32_t p) {
    out.push_back(p);
    return false;
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

TextWindow IndexedText::window(std::uint32_t begin, std::uint32_t end) const {
  // Tokens ascend by both offsets; a word cut by either end of the range is left out.
  auto from = std::lower_bound(tokens_.begin(), tokens_.end(), begin,
                               [](const Token& t, std::uint32_t b) { return t.begin < b; });
  auto to = std::upper_bound(from, tokens_.end(), end, [](std::uint32_t e, const Token& t) { return e < t.end; });
  return {this, static_cast<std::uint32_t>(from - tokens_.begin()), static_cast<std::uint32_t>(to - tokens_.begin()),
          begin};
}

Match match(const CompiledPattern& pattern, const IndexedText& text) { return match(pattern, text.whole()); }

Match match(const CompiledPattern& pattern, const TextWindow& window) {
  Match m;
  Evaluator ev(window, &m.spans);
  m.matched = ev.eval(pattern.root, Match::kMaxOccurrences);
  if (!m.matched) m.spans.clear();
  normalise(m.spans);
  return m;
}

Match match(const CompiledPattern& pattern, const std::vector<Token>& tokens) {
  return match(pattern, IndexedText(tokens));
}

bool matches(const CompiledPattern& pattern, const IndexedText& text) { return matches(pattern, text.whole()); }

bool matches(const CompiledPattern& pattern, const TextWindow& window) {
  Evaluator ev(window, nullptr);
  return ev.eval(pattern.root, 0);
}

}  // namespace palermo::text
