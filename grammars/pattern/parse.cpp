// pattern::parse: runs the X3 grammar and turns its syntax tree into the plain pattern::Node,
// reporting every error as a Diagnostic that points at the offending column.
#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <optional>

#include "grammars/pattern/pattern.hpp"
#include "grammars/pattern/pattern_grammar.hpp"
#include "text/tokenizer.hpp"

namespace palermo::pattern {
namespace {

constexpr int kMaxNearDistance = 100000;
constexpr std::string_view kOpeningCurlyQuote = "\u201C";
constexpr std::string_view kAnyOperand = "a word, a quoted phrase, NEAR(...) or '('";
constexpr std::string_view kEndOfPattern = "an operator, a word or the end of the pattern";  // rule name

// Thrown inside the converter only, caught in parse(): the library boundary returns a Result.
struct PatternError {
  std::size_t offset;  // byte offset in the pattern source
  std::string message;
  std::string hint;
};

class Converter {
 public:
  explicit Converter(std::string_view source) : source_(source) {}

  Node convert(const ast::OrChain& chain) const {
    if (chain.size() == 1) return convert(chain.front());
    Node n;
    n.kind = Node::Kind::any_of;
    for (const auto& c : chain) n.children.push_back(convert(c));
    return n;
  }

 private:
  std::size_t offset_of(const char* p) const { return static_cast<std::size_t>(p - source_.data()); }

  Node convert(const ast::AndChain& chain) const {
    if (chain.size() == 1) return convert(chain.front());
    Node n;
    n.kind = Node::Kind::all_of;
    for (const auto& c : chain) n.children.push_back(convert(c));
    return n;
  }

  Node convert(const ast::NotChain& chain) const {
    Node left = convert(chain.first);
    for (const auto& excluded : chain.excluded) {
      Node n;
      n.kind = Node::Kind::except;
      n.children.push_back(std::move(left));
      n.children.push_back(convert(excluded));
      left = std::move(n);
    }
    return left;
  }

  Node convert(const ast::NearChain& chain) const {
    if (chain.links.empty()) return convert(chain.first);
    const auto* first_phrase = boost::get<ast::Text>(&chain.first.get());
    if (first_phrase == nullptr) {
      throw PatternError{start_of(chain.first), "expected a word or a quoted phrase before NEAR here",
                         "NEAR joins words and phrases; write NEAR(a b, n) or put the group elsewhere"};
    }
    Node n;
    n.kind = Node::Kind::near;
    n.children.push_back(phrase(*first_phrase));
    for (std::size_t i = 0; i < chain.links.size(); ++i) {
      const auto& link = chain.links[i];
      const int distance = near_operator_distance(link.op);
      if (i == 0) {
        n.distance = distance;
      } else if (distance != n.distance) {
        throw PatternError{offset_of(link.op.begin()), fmt::format("expected NEAR/{} here", n.distance),
                           "the operands of one NEAR share one distance; use NEAR(a b c, n) or parentheses "
                           "with AND"};
      }
      n.children.push_back(phrase(link.operand));
    }
    return n;
  }

  Node convert(const ast::Primary& primary) const {
    struct Visitor {
      const Converter& self;
      Node operator()(const ast::Text& t) const { return self.phrase(t); }
      Node operator()(const ast::NearCall& call) const { return self.convert(call); }
      Node operator()(const ast::Group& g) const { return self.convert(g.body); }
    };
    return boost::apply_visitor(Visitor{*this}, primary);
  }

  Node convert(const ast::NearCall& call) const {
    if (call.phrases.size() < 2) {
      std::size_t after = offset_of(call.phrases.back().end());
      while (after < source_.size() && (source_[after] == ' ' || source_[after] == '\t')) ++after;
      throw PatternError{after, "expected a second word or phrase here", "NEAR needs two or more phrases"};
    }
    Node n;
    n.kind = Node::Kind::near;
    n.distance = call.distance ? checked_distance(*call.distance, call.keyword) : 10;
    for (const auto& p : call.phrases) n.children.push_back(phrase(p));
    return n;
  }

  std::size_t start_of(const ast::Primary& primary) const {
    struct Visitor {
      const Converter& self;
      std::size_t operator()(const ast::Text& t) const { return self.offset_of(t.begin()); }
      std::size_t operator()(const ast::NearCall& c) const { return self.offset_of(c.keyword.begin()); }
      std::size_t operator()(const ast::Group& g) const { return self.offset_of(g.open.begin()); }
    };
    return boost::apply_visitor(Visitor{*this}, primary);
  }

  int checked_distance(unsigned value, const ast::Text& where) const {
    if (value > static_cast<unsigned>(kMaxNearDistance)) {
      throw PatternError{offset_of(where.begin()),
                         fmt::format("expected a NEAR distance of at most {} here", kMaxNearDistance), ""};
    }
    return static_cast<int>(value);
  }

  // "NEAR" -> 10, "NEAR/5" -> 5 (the grammar has checked the digits).
  int near_operator_distance(const ast::Text& op) const {
    std::string_view s(op.begin(), op.size());
    const auto slash = s.find('/');
    if (slash == std::string_view::npos) return 10;
    unsigned value = 0;
    std::from_chars(s.data() + slash + 1, s.data() + s.size(), value);
    return checked_distance(value, op);
  }

  // A bare word or a quoted phrase, as the list of its lower-cased words; the last may end in '*'.
  Node phrase(const ast::Text& t) const {
    std::string_view s(t.begin(), t.size());
    const std::size_t at = offset_of(t.begin());
    Node n;
    n.kind = Node::Kind::phrase;
    bool prefix = false;
    bool curly = false;
    std::string content;
    curly = s.starts_with(kOpeningCurlyQuote);
    if (s.front() == '"' || curly) {
      if (s.back() == '*') {
        prefix = true;
        s.remove_suffix(1);
      }
      const std::size_t quote_size = curly ? kOpeningCurlyQuote.size() : 1;
      s = s.substr(quote_size, s.size() - 2 * quote_size);  // the quotes
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '"' && !curly) ++i;  // a doubled quote is one quote character
        content += s[i];
      }
      // "forced lab*": a '*' may end the phrase; anywhere else it is an error, not a separator.
      std::size_t last = content.find_last_not_of(" \t\r\n");
      if (last != std::string::npos && content[last] == '*') {
        prefix = true;
        content.erase(last);
      }
      if (const auto star = content.find('*'); star != std::string::npos) {
        const auto in_source = std::string_view(t.begin(), t.size()).find('*');
        throw PatternError{at + in_source, "unexpected '*' inside a phrase",
                           "a prefix '*' may only end the last word of a phrase: \"forced lab*\""};
      }
    } else {
      if (s.back() == '*') {
        prefix = true;
        s.remove_suffix(1);
      }
      content = std::string(s);
    }
    n.words = text::lower_words(content);
    if (n.words.empty()) {
      throw PatternError{at,
                         t.front() == '"' || curly ? "expected a word inside the quotes here" : "expected a word here",
                         "punctuation alone is not a word"};
    }
    if (prefix) n.words.back() += '*';
    return n;
  }

  std::string_view source_;
};

// Where `offset` falls in a (possibly multi-line) pattern, and the text of that line.
Diagnostic diagnostic_at(std::string_view source, std::size_t offset, std::string_view origin, int line,
                         int column_offset, std::string message, std::string hint) {
  offset = std::min(offset, source.size());
  std::size_t line_start = 0;
  int line_number = line;
  for (std::size_t i = 0; i < offset; ++i) {
    if (source[i] == '\n') {
      ++line_number;
      line_start = i + 1;
    }
  }
  // Columns count characters, not bytes, so the caret lines up under accented text.
  int column = 1 + (line_number == line ? column_offset : 0);
  for (std::size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(source[i]) & 0xC0) != 0x80) ++column;
  std::size_t line_end = source.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = source.size();
  std::string excerpt(source.substr(line_start, line_end - line_start));
  if (!excerpt.empty() && excerpt.back() == '\r') excerpt.pop_back();
  Diagnostic d;
  d.file = std::string(origin);
  d.line = line_number;
  d.column = column;
  d.message = std::move(message);
  d.hint = std::move(hint);
  d.excerpt = std::move(excerpt);
  return d;
}

// `$name` is the model language's synonym reference; the loader replaces it before parsing, so one
// that reaches us was never defined or never expanded. Quoted text is not scanned.
std::optional<std::size_t> find_synonym_reference(std::string_view source) {
  bool in_quotes = false;
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '"')
      in_quotes = !in_quotes;  // a doubled quote toggles twice: still inside
    else if (source[i] == '$' && !in_quotes)
      return i;
  }
  return std::nullopt;
}

}  // namespace

namespace {

// Byte offsets of the terms (bare words, quoted phrases) of a pattern, in order; operators,
// NEAR/N, distances and parentheses are not terms.
std::vector<std::size_t> term_offsets(std::string_view s) {
  std::vector<std::size_t> out;
  std::size_t i = 0;
  auto word_byte = [&](std::size_t k) {
    const auto c = static_cast<unsigned char>(s[k]);
    return !(std::isspace(c) || c == '(' || c == ')' || c == '"' || c == ',');
  };
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"') {
      out.push_back(i);
      ++i;
      while (i < s.size()) {
        if (s[i] == '"' && i + 1 < s.size() && s[i + 1] == '"')
          i += 2;
        else if (s[i] == '"')
          break;
        else
          ++i;
      }
      ++i;
    } else if (s.substr(i, kOpeningCurlyQuote.size()) == kOpeningCurlyQuote) {
      out.push_back(i);
      const auto close = s.find("\u201D", i);
      i = close == std::string_view::npos ? s.size() : close + 3;
    } else if (word_byte(i)) {
      const std::size_t start = i;
      while (i < s.size() && word_byte(i)) ++i;
      const std::string_view w = s.substr(start, i - start);
      const bool number = w.find_first_not_of("0123456789") == std::string_view::npos;
      if (w != "AND" && w != "OR" && w != "NOT" && w.substr(0, 4) != "NEAR" && !number) out.push_back(start);
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace

Result<Node> parse_query(std::string_view source) {
  auto fail = [&](std::size_t offset, std::string message, std::string hint) {
    return Result<Node>(diagnostic_at(source, offset, "query", 1, 0, std::move(message), std::move(hint)));
  };
  if (source.size() > kMaxQueryBytes) {
    std::size_t at = kMaxQueryBytes;
    while (at > 0 && (static_cast<unsigned char>(source[at]) & 0xC0) == 0x80) --at;
    return fail(at, fmt::format("the query is longer than {} bytes (it is {})", kMaxQueryBytes, source.size()),
                "search for fewer words at a time");
  }
  {
    int depth = 0;
    bool in_quotes = false;
    for (std::size_t i = 0; i < source.size(); ++i) {
      if (source[i] == '"') in_quotes = !in_quotes;
      if (in_quotes) continue;
      if (source[i] == '(' && ++depth > kMaxQueryNesting)
        return fail(i, fmt::format("parentheses in a query nest more than {} deep here", kMaxQueryNesting),
                    "flatten the query: A OR (B OR C) is A OR B OR C");
      if (source[i] == ')' && depth > 0) --depth;
    }
  }
  auto parsed = parse(source, "query");
  if (!parsed) return parsed;
  const auto terms = term_offsets(source);
  if (terms.size() > static_cast<std::size_t>(kMaxQueryTerms))
    return fail(terms[static_cast<std::size_t>(kMaxQueryTerms)],
                fmt::format("the query has {} words or phrases; at most {} are searched at once (the {}th is here)",
                            terms.size(), kMaxQueryTerms, kMaxQueryTerms + 1),
                "split the query, or use a prefix (exploit* for exploit, exploits, exploitation)");
  return parsed;
}

Result<Node> parse(std::string_view source, std::string_view origin, int line, int column_offset) {
  auto fail = [&](std::size_t offset, std::string message, std::string hint = {}) {
    return Result<Node>(
        diagnostic_at(source, offset, origin, line, column_offset, std::move(message), std::move(hint)));
  };
  const auto first_text = source.find_first_not_of(" \t\r\n");
  if (first_text == std::string_view::npos)
    return fail(0, "empty pattern", "write at least one word, e.g. exploitation");
  if (auto dollar = find_synonym_reference(source))
    return fail(*dollar, "unexpanded synonym reference",
                "a $name is expanded by the model loader from its `synonyms` line; a search query cannot use one");
  // The grammar is recursive: bound the nesting before parsing, so that a query or a model pattern
  // of thousands of '(' is an error, not a stack overflow.
  {
    constexpr int kMaxDepth = 64;
    int depth = 0;
    bool in_quotes = false;
    for (std::size_t i = 0; i < source.size(); ++i) {
      if (source[i] == '"') in_quotes = !in_quotes;
      if (in_quotes) continue;
      if (source[i] == '(' && ++depth > kMaxDepth)
        return fail(i, fmt::format("parentheses nest more than {} deep here", kMaxDepth),
                    "flatten the pattern: A OR (B OR C) is A OR B OR C");
      if (source[i] == ')' && depth > 0) --depth;
    }
  }

  namespace x3 = boost::spirit::x3;
  ast::OrChain tree;
  const char* first = source.data();
  const char* const last = source.data() + source.size();
  try {
    const bool ok = x3::phrase_parse(first, last, grammar::pattern(), x3::ascii::space, tree);
    if (!ok) return fail(static_cast<std::size_t>(first - source.data()), fmt::format("expected {} here", kAnyOperand));
    return Converter(source).convert(tree);
  } catch (const x3::expectation_failure<const char*>& e) {
    // X3 reports the position before the skipped whitespace; point at what is actually there.
    auto offset = static_cast<std::size_t>(e.where() - source.data());
    while (offset < source.size() && std::isspace(static_cast<unsigned char>(source[offset]))) ++offset;
    if (offset < source.size() && source[offset] == ')' && e.which() == kEndOfPattern)
      return fail(offset, "unmatched ')' here", "remove it or add the '(' it closes");
    std::string hint;
    if (e.which() == "')'")
      hint = "every '(' needs its ')'";
    else if (e.which() == "a closing '\"'")
      hint = "write a quote inside a phrase as \"\"";
    return fail(offset, fmt::format("expected {} here", e.which()), std::move(hint));
  } catch (const PatternError& e) {
    return fail(e.offset, e.message, e.hint);
  }
}

}  // namespace palermo::pattern
