// Matching compiled evidence patterns against an indexed provision text (see matcher.hpp).
#include "text/matcher.hpp"

#include <algorithm>
#include <functional>

namespace palermo::text {
namespace {

using Kind = pattern::Node::Kind;
using Span = std::pair<std::uint32_t, std::uint32_t>;

CompiledNode compile_node(const pattern::Node& node, const Tokenizer& tokenizer, const Vocabulary& vocabulary) {
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
        if (!cw.is_prefix) cw.term_id = vocabulary.find(cw.term, cw.term_hash);  // stem() numbered it
        out.words.push_back(std::move(cw));
      }
    }
  }
  for (const auto& child : node.children) out.children.push_back(compile_node(child, tokenizer, vocabulary));
  return out;
}

struct Occurrence {
  std::uint32_t start;   // token position of the first word
  std::uint32_t length;  // words in the phrase
};

// Buffers reused from one evaluation to the next on the same thread, so matching allocates only
// while they grow. A NEAR's operands are phrases, so one set of lists is ever in use at a time.
thread_local std::vector<std::uint32_t> t_starts;
thread_local std::vector<std::vector<std::uint32_t>> t_near_lists;
thread_local std::vector<std::uint32_t> t_word_ids;  // one phrase's words, as the text's vocabulary numbers

// Evaluates a compiled tree against one text. When spans are wanted, every phrase occurrence that
// contributes is appended to `spans`; a subtree that fails takes its spans back out.
class Evaluator {
 public:
  Evaluator(const CompiledPattern& pattern, const TextWindow& window, std::vector<Span>* spans,
            bool ignore_exceptions = false)
      : text_(*window.text),
        first_(window.first),
        last_(window.last),
        base_(window.base),
        same_vocabulary_(pattern.vocabulary != nullptr && pattern.vocabulary.get() == window.text->vocabulary()),
        ignore_exceptions_(ignore_exceptions),
        spans_(spans) {}

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
        if (!ignore_exceptions_ && eval(n.children[1], 0)) return rollback(mark);
        return true;
      }
      case Kind::near:
        return near(n, limit);
    }
    return false;
  }

 private:
  static std::uint32_t length(const CompiledNode& phrase) { return static_cast<std::uint32_t>(phrase.words.size()); }

  // The vocabulary numbers of a phrase's exact words into t_word_ids (prefix words: unused). False
  // when an exact word is in no text of this vocabulary: the phrase cannot occur.
  bool resolve(const CompiledNode& n) const {
    t_word_ids.resize(n.words.size());
    for (std::size_t k = 0; k < n.words.size(); ++k) {
      const CompiledWord& w = n.words[k];
      if (w.is_prefix) continue;
      t_word_ids[k] = same_vocabulary_ ? w.term_id : text_.term_id(w.term, w.term_hash);
      if (t_word_ids[k] == Vocabulary::kAbsent) return false;
    }
    return true;
  }

  bool word_matches(const CompiledWord& w, std::uint32_t id, const Token& t) const {
    if (!w.is_prefix) return t.term == id;
    return text_.folded(t).starts_with(w.prefix) || text_.term(t).starts_with(w.prefix);
  }

  // Calls visit(p) for each position where the phrase's first word occurs, until visit returns true.
  template <class Visit>
  bool any_position(const CompiledNode& n, Visit&& visit) const {
    const CompiledWord& w = n.words.front();
    if (w.is_prefix) return text_.any_with_prefix(w.prefix, first_, last_, visit);
    const std::span<const std::uint32_t> all = text_.positions_of_id(t_word_ids.front());  // ascending
    for (auto p = std::lower_bound(all.begin(), all.end(), first_); p != all.end() && *p < last_; ++p)
      if (visit(*p)) return true;
    return false;
  }

  bool occurs_at(const CompiledNode& n, std::uint32_t p) const {
    const auto& tokens = text_.tokens();
    if (p + n.words.size() > last_) return false;
    for (std::size_t k = 1; k < n.words.size(); ++k)
      if (tokens[p + k].after_break || !word_matches(n.words[k], t_word_ids[k], tokens[p + k])) return false;
    return true;
  }

  bool phrase_exists(const CompiledNode& n) const {
    if (n.kind != Kind::phrase || n.words.empty() || !resolve(n)) return false;
    return any_position(n, [&](std::uint32_t p) { return occurs_at(n, p); });
  }

  // Start positions of every occurrence of a phrase, ascending.
  void phrase_starts(const CompiledNode& n, std::vector<std::uint32_t>& out) const {
    out.clear();
    if (n.kind != Kind::phrase || n.words.empty() || !resolve(n)) return;
    any_position(n, [&](std::uint32_t p) {
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
  const bool same_vocabulary_;        // the pattern was compiled by the text's tokenizer
  const bool ignore_exceptions_;      // may_match: `a NOT b` is read as `a`
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
  p.vocabulary = tokenizer.vocabulary();
  p.root = compile_node(node, tokenizer, *p.vocabulary);
  return p;
}

std::uint64_t term_hash(std::string_view term) { return Vocabulary::hash(term); }

void IndexedText::Groups::build(const std::vector<Token>& tokens, std::uint32_t Token::*form,
                                std::uint32_t vocabulary_size) {
  ids.clear();
  ranges.clear();
  positions.assign(tokens.size(), 0);
  if (tokens.size() >= vocabulary_size / 16) {
    // A counting sort over the vocabulary's numbers: two passes over the tokens, no comparison.
    std::vector<std::uint32_t> count(vocabulary_size + 1, 0);
    for (const Token& t : tokens) ++count[t.*form + 1];
    for (std::uint32_t id = 0; id < vocabulary_size; ++id) {
      if (count[id + 1] == 0) continue;
      ids.push_back(id);
    }
    for (std::uint32_t id = 0; id < vocabulary_size; ++id) count[id + 1] += count[id];
    ranges.reserve(ids.size() + 1);
    for (std::uint32_t id : ids) ranges.push_back(count[id]);
    ranges.push_back(static_cast<std::uint32_t>(tokens.size()));
    for (const Token& t : tokens) positions[count[t.*form]++] = t.position;  // positions ascend
    return;
  }
  // A short text (a heading) against a large vocabulary: sort its few (number, position) pairs.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  pairs.reserve(tokens.size());
  for (const Token& t : tokens) pairs.emplace_back(t.*form, t.position);
  std::sort(pairs.begin(), pairs.end());
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    if (ids.empty() || ids.back() != pairs[i].first) {
      ids.push_back(pairs[i].first);
      ranges.push_back(static_cast<std::uint32_t>(i));
    }
    positions[i] = pairs[i].second;
  }
  ranges.push_back(static_cast<std::uint32_t>(pairs.size()));
}

std::span<const std::uint32_t> IndexedText::Groups::of(std::uint32_t id) const {
  auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || *it != id) return {};
  return at(static_cast<std::size_t>(it - ids.begin()));
}

void IndexedText::PrefixKeys::build(const Groups& groups, const Vocabulary& vocabulary) {
  std::vector<std::pair<std::string_view, std::uint32_t>> sorted;
  sorted.reserve(groups.ids.size());
  for (std::size_t i = 0; i < groups.ids.size(); ++i)
    sorted.emplace_back(vocabulary.text(groups.ids[i]), static_cast<std::uint32_t>(i));
  std::sort(sorted.begin(), sorted.end());
  keys.clear();
  codes.clear();
  group.clear();
  for (const auto& [key, g] : sorted) {
    keys.push_back(key);
    codes.push_back(key_code(key));
    group.push_back(g);
  }
}

IndexedText::IndexedText(TokenList tokens) : list_(std::move(tokens)) {
  // Positions index the tokens directly, whatever the tokens' own numbering was.
  for (std::size_t i = 0; i < list_.tokens.size(); ++i) list_.tokens[i].position = static_cast<std::uint32_t>(i);
  if (!list_.vocabulary) return;
  const std::uint32_t size = list_.vocabulary->size();
  terms_.build(list_.tokens, &Token::term, size);
  foldeds_.build(list_.tokens, &Token::folded, size);
  term_keys_.build(terms_, *list_.vocabulary);
  folded_keys_.build(foldeds_, *list_.vocabulary);
}

std::span<const std::uint32_t> IndexedText::positions_of(std::string_view term) const {
  return positions_of(term, term_hash(term));
}

std::span<const std::uint32_t> IndexedText::positions_of(std::string_view term, std::uint64_t hash) const {
  const std::uint32_t id = term_id(term, hash);
  return id == Vocabulary::kAbsent ? std::span<const std::uint32_t>() : terms_.of(id);
}

std::span<const std::uint32_t> IndexedText::positions_of_id(std::uint32_t id) const { return terms_.of(id); }

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
  const std::vector<Token>& tokens = list_.tokens;
  auto from = std::lower_bound(tokens.begin(), tokens.end(), begin,
                               [](const Token& t, std::uint32_t b) { return t.begin < b; });
  auto to = std::upper_bound(from, tokens.end(), end, [](std::uint32_t e, const Token& t) { return e < t.end; });
  return {this, static_cast<std::uint32_t>(from - tokens.begin()), static_cast<std::uint32_t>(to - tokens.begin()),
          begin};
}

Match match(const CompiledPattern& pattern, const IndexedText& text) { return match(pattern, text.whole()); }

Match match(const CompiledPattern& pattern, const TextWindow& window) {
  Match m;
  Evaluator ev(pattern, window, &m.spans);
  m.matched = ev.eval(pattern.root, Match::kMaxOccurrences);
  if (!m.matched) m.spans.clear();
  normalise(m.spans);
  return m;
}

Match match(const CompiledPattern& pattern, const TokenList& tokens) { return match(pattern, IndexedText(tokens)); }

bool matches(const CompiledPattern& pattern, const IndexedText& text) { return matches(pattern, text.whole()); }

bool matches(const CompiledPattern& pattern, const TextWindow& window) {
  Evaluator ev(pattern, window, nullptr);
  return ev.eval(pattern.root, 0);
}

bool may_match(const CompiledPattern& pattern, const TextWindow& window) {
  Evaluator ev(pattern, window, nullptr, true);
  return ev.eval(pattern.root, 0);
}

}  // namespace palermo::text
