// Writing patterns back out: our canonical syntax (to_string) and SQLite FTS5 syntax (to_fts5).
#include <fmt/format.h>

#include "grammars/pattern/pattern.hpp"

namespace palermo::pattern {
namespace {

// Binding strength, loosest first; a child that binds no tighter than its parent gets parentheses
// (so "(a AND b) AND c" keeps its grouping and parse(to_string(n)) == n holds).
int precedence(Node::Kind k) {
  switch (k) {
    case Node::Kind::any_of:
      return 1;
    case Node::Kind::all_of:
      return 2;
    case Node::Kind::except:
      return 3;
    case Node::Kind::near:
      return 4;
    case Node::Kind::phrase:
      return 5;
  }
  return 5;
}

bool is_keyword(std::string_view w) { return w == "AND" || w == "OR" || w == "NOT" || w == "NEAR"; }

// A word that both our grammar and FTS5 read as a bare word: ASCII letters and digits, '_', UTF-8.
bool is_bare(std::string_view w) {
  if (w.empty() || is_keyword(w)) return false;
  for (char ch : w) {
    const auto c = static_cast<unsigned char>(ch);
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
    if (!ok) return false;
  }
  return true;
}

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

struct Splitted {
  std::string text;  // the words joined by spaces, the trailing '*' removed
  bool prefix = false;
};

Splitted join_words(const Node& n) {
  Splitted s;
  for (std::size_t i = 0; i < n.words.size(); ++i) {
    if (i) s.text += ' ';
    s.text += n.words[i];
  }
  if (!s.text.empty() && s.text.back() == '*') {
    s.prefix = true;
    s.text.pop_back();
  }
  return s;
}

// One writer for both syntaxes; they differ in the phrase form and in NEAR only.
class Writer {
 public:
  explicit Writer(bool fts5) : fts5_(fts5) {}

  std::string write(const Node& n) const {
    switch (n.kind) {
      case Node::Kind::phrase:
        return phrase(n);
      case Node::Kind::all_of:
        return join(n, " AND ");
      case Node::Kind::any_of:
        return join(n, " OR ");
      case Node::Kind::except: {
        if (n.children.size() != 2) return join(n, " NOT ");
        // Left-associative: the left side needs parentheses only when it binds more loosely.
        const Node& l = n.children[0];
        const Node& r = n.children[1];
        std::string left = write(l);
        if (precedence(l.kind) < precedence(n.kind)) left = "(" + left + ")";
        return left + " NOT " + operand(n, r);
      }
      case Node::Kind::near: {
        std::string out = "NEAR(";
        for (std::size_t i = 0; i < n.children.size(); ++i) {
          if (i) out += ' ';
          out += write(n.children[i]);
        }
        return out + fmt::format(", {})", n.distance);
      }
    }
    return {};
  }

 private:
  std::string operand(const Node& parent, const Node& child) const {
    std::string s = write(child);
    const bool wrap = fts5_ ? child.kind != Node::Kind::phrase && child.kind != Node::Kind::near
                            : precedence(child.kind) <= precedence(parent.kind);
    return wrap ? "(" + s + ")" : s;
  }

  std::string join(const Node& n, std::string_view op) const {
    std::string out;
    for (std::size_t i = 0; i < n.children.size(); ++i) {
      if (i) out += op;
      out += operand(n, n.children[i]);
    }
    return out;
  }

  std::string phrase(const Node& n) const {
    const Splitted s = join_words(n);
    const bool bare = n.words.size() == 1 && is_bare(s.text);
    if (bare) return s.prefix ? s.text + "*" : s.text;
    // Ours keeps the '*' inside the quotes; FTS5 wants it after the closing quote.
    if (!s.prefix) return quote(s.text);
    return fts5_ ? quote(s.text) + "*" : quote(s.text + "*");
  }

  bool fts5_;
};

}  // namespace

std::string to_string(const Node& node) { return Writer(false).write(node); }

std::string to_fts5(const Node& node) { return Writer(true).write(node); }

}  // namespace palermo::pattern
