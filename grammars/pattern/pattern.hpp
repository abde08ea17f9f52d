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
Result<Node> parse(std::string_view source, std::string_view origin = "pattern", int line = 1,
                   int column_offset = 0);

// Canonical text of a pattern in our syntax; parse(to_string(n)) == n.
std::string to_string(const Node& node);
// The same query in SQLite FTS5 syntax (NEAR(...) form, explicit AND), for the store.
std::string to_fts5(const Node& node);

}  // namespace palermo::pattern
