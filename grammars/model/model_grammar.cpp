// The one translation unit that instantiates the model-language grammar (grammar_def.hpp), plus
// SourceText (offsets to lines and columns) and the hints attached to syntax errors.
#include <algorithm>
#include <sstream>

#include "grammars/model/grammar_def.hpp"
#include "grammars/model/parse.hpp"

namespace palermo::model {

SourceText::SourceText(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

int SourceText::line_of(std::size_t offset) const {
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(after - line_starts_.begin());
}

int SourceText::column_of(std::size_t offset) const {
  std::size_t start = line_starts_[static_cast<std::size_t>(line_of(offset) - 1)];
  int column = 1;
  for (std::size_t i = start; i < offset && i < text_.size(); ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;  // count code points
  return column;
}

std::string_view SourceText::line_text(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts_.size()) return {};
  std::size_t start = line_starts_[static_cast<std::size_t>(line - 1)];
  std::size_t end = text_.find('\n', start);
  if (end == std::string_view::npos) end = text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, end - start);
}

Diagnostic SourceText::error_at(const std::string& file, int line, int column, std::string message,
                                std::string hint) const {
  Diagnostic d;
  d.file = file;
  d.line = line;
  d.column = column;
  d.message = std::move(message);
  d.hint = std::move(hint);
  d.excerpt = std::string(line_text(line));
  return d;
}

namespace grammar {

std::string hint_for_expected(const std::string& what) {
  if (what == "a closing '\"'" || what == "a \"string\"") return "strings are written in double quotes: \"...\"";
  if (what == "a `pattern`") return "patterns are written in backticks: `recruit* OR enlist*`";
  if (what == "a name") return "ids use lower-case letters, digits, '.', '-' and '_', e.g. tip.3a.acts";
  if (what == "'{'") return "a block opens with '{' after its id (and, for elements and red flags, its title)";
  if (what.find("'}'") != std::string::npos)
    return "every '{' needs a matching '}'; fields are written `key value`, e.g. `class mandatory`";
  if (what.find("after the backslash") != std::string::npos) return "inside a string only \\\" and \\\\ are escapes";
  if (what == "'version'") return "the header reads: model \"NAME\" version \"VERSION\"";
  if (what.rfind("'model'", 0) == 0)
    return "at the top level a file holds only the model header, synonyms, lexicon and obligation blocks";
  if (what.rfind("a value", 0) == 0) return "every field has a value: `class mandatory`, `title \"...\"`, `en `...``";
  return {};
}

file_type const& file() { return file_rule; }
skipper_type const& skipper() { return skipper_rule; }

}  // namespace grammar

namespace {

// A string's line breaks (with the indentation around them) become one space.
std::string fold_line_breaks(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      std::size_t j = i;
      bool has_break = false;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n')) {
        has_break = has_break || text[j] == '\n';
        ++j;
      }
      if (has_break)
        out += ' ';
      else
        out.append(text, i, j - i);
      i = j;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

void fold_token(ast::Token& token) {
  if (token.kind == ast::Token::string) token.text = fold_line_breaks(token.text);
}

struct FoldStrings {
  void operator()(ast::Field& f) const {
    fold_token(f.key);
    fold_token(f.value);
  }
  void operator()(ast::Block& b) const {
    fold_token(b.title);
    for (auto& f : b.fields) (*this)(f);
  }
  void operator()(ast::Header& h) const {
    fold_token(h.name);
    fold_token(h.version);
  }
  void operator()(ast::Synonyms&) const {}
  void operator()(ast::Lexicon& l) const {
    for (auto& f : l.fields) (*this)(f);
  }
  void operator()(ast::Obligation& o) const {
    for (auto& e : o.entries) boost::apply_visitor(*this, e);
  }
};

}  // namespace

Result<ast::File> parse_model_source(std::string_view text, const std::string& file_name) {
  namespace x3 = boost::spirit::x3;
  using Iterator = const char*;
  SourceText source(text);
  grammar::ParseState state{source, file_name, std::nullopt};
  std::ostringstream unused_output;  // x3::error_handler wants a stream; we report via ParseState
  x3::error_handler<Iterator> position_handler(text.data(), text.data() + text.size(), unused_output, file_name);

  auto const parser = x3::with<x3::error_handler_tag>(
      std::ref(position_handler))[x3::with<grammar::parse_state_tag>(std::ref(state))[grammar::file_rule]];

  ast::File tree;
  Iterator first = text.data();
  Iterator last = text.data() + text.size();
  bool ok = false;
  try {
    ok = x3::phrase_parse(first, last, parser, grammar::skipper_rule, tree);
  } catch (const x3::expectation_failure<Iterator>& failure) {
    // Only reached if a failure escapes every rule's handler; report it all the same.
    state.record(failure.where(), "expected " + failure.which() + " here", grammar::hint_for_expected(failure.which()));
  }
  if (state.first_error) return *state.first_error;
  if (!ok || first != last) {
    auto offset = static_cast<std::size_t>(first - text.data());
    int line = source.line_of(offset);
    return source.error_at(file_name, line, source.column_of(offset),
                           "expected 'model', 'synonyms', 'lexicon' or 'obligation' here");
  }
  for (auto& item : tree) boost::apply_visitor(FoldStrings{}, item);
  return tree;
}

}  // namespace palermo::model
