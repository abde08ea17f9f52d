// The small plain entry point to the model-language grammar: text in, syntax tree or a diagnostic
// out. Only model_grammar.cpp instantiates Boost.Spirit X3; everything else includes this header.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "grammars/model/ast.hpp"
#include "util/result.hpp"

namespace palermo::model {

// A file's text with its line starts, to turn byte offsets into 1-based line and column numbers
// (columns count code points, so a caret lines up under UTF-8 text) and to quote a line.
class SourceText {
 public:
  explicit SourceText(std::string_view text);
  std::string_view text() const { return text_; }
  int line_of(std::size_t offset) const;
  int column_of(std::size_t offset) const;
  std::string_view line_text(int line) const;  // without the line break
  // An error at (line, column) of `file`, with the line as excerpt.
  Diagnostic error_at(const std::string& file, int line, int column, std::string message, std::string hint = {}) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

// Parses one *.pal file. On a syntax error, one Diagnostic "expected X here" at the exact spot
// (FILE:LINE:COL), with the line as excerpt and a hint.
Result<ast::File> parse_model_source(std::string_view text, const std::string& file_name);

}  // namespace palermo::model
