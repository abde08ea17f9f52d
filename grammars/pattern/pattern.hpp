// The evidence-pattern language: what the Protocol model uses to say which words in a statute are
// evidence of an element, and what `palermo search` takes as a query. A superset of SQLite FTS5's
// query syntax, so a pattern pasted from the model works as a search:
//   word  prefix*  "a phrase"  a AND b  a b (implicit AND)  a OR b  a NOT b  ( grouping )
//   NEAR(a "b c" d, 5)   and the infix form  a NEAR/5 b  (any number of operands, max distance 5)
// Precedence, loosest first: OR, then AND (explicit or implicit), then NOT, then NEAR; as in FTS5.
// Words are matched after folding and stemming (text/tokenizer.hpp) in the statute's language.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace palermo::pattern {

struct Node {
  enum class Kind { phrase, all_of, any_of, except, near };
  Kind kind = Kind::phrase;
  // phrase: the words as written, lower-cased but with accents kept (the stemmer needs them; the
  // matcher folds), unstemmed; a word ending in '*' is a prefix.
  std::vector<std::string> words;
  // all_of / any_of: two or more operands; except: exactly two (left NOT right);
  // near: two or more phrase operands.
  std::vector<Node> children;
  int distance = 10;  // near only: the most tokens allowed between neighbouring operands (FTS5 default 10)

  bool operator==(const Node&) const = default;
};

// Parses a pattern. `origin` names where it came from, for diagnostics (file name or "query"),
// and line/column_offset place the pattern inside that file so errors point at the right spot.
// Errors are "expected ... here" diagnostics whose column counts characters (column_offset applies
// to the first line of a multi-line pattern only) and whose excerpt is the pattern's line, not the
// file's: a caller with a column_offset may put the file's whole line in the excerpt instead.
// A bare word with '-' or '\'' inside is a phrase of its parts (co-operation = "co operation"),
// as FTS5's tokenizer would split it; typographic quotes “...” work as quotes; `$name` is an error
// ("unexpanded synonym reference": the model loader expands synonyms before calling parse).
Result<Node> parse(std::string_view source, std::string_view origin = "pattern", int line = 1, int column_offset = 0);

// A search query is a pattern a user typed, run by SQLite FTS5, whose cost grows faster than the
// number of terms (2,000 ORed words took minutes): queries are bounded in size, terms and nesting.
inline constexpr std::size_t kMaxQueryBytes = 4096;
inline constexpr int kMaxQueryTerms = 64;    // words and quoted phrases
inline constexpr int kMaxQueryNesting = 16;  // parentheses within parentheses
// parse(source, "query") within those bounds; past one, an error at the position that crosses it.
Result<Node> parse_query(std::string_view source);

// Canonical text of a pattern in our syntax; parse(to_string(n)) == n for every parsed n.
std::string to_string(const Node& node);
// The same query in SQLite FTS5 syntax (NEAR(...) form, explicit AND, prefix phrases as
// "forced lab"*), for the store. Its words are as written: FTS5 passes them through the palermo
// tokenizer, which must not stem a prefix query's last token (FTS5_TOKENIZE_PREFIX).
std::string to_fts5(const Node& node);

}  // namespace palermo::pattern
