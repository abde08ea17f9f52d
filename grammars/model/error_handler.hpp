// What the model grammar does when a rule succeeds (records where its node starts) or when an
// expectation fails (records "expected X here" at the exact spot; the first error wins, because
// the innermost rule sees it first and outer rules only see its consequences).
#pragma once
#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/utility/error_reporting.hpp>
#include <optional>
#include <string>
#include <type_traits>

#include "grammars/model/ast.hpp"
#include "grammars/model/parse.hpp"

namespace palermo::model::grammar {

namespace x3 = boost::spirit::x3;

// Reached through the parser context (x3::with) by the handlers below.
struct parse_state_tag;
struct ParseState {
  const SourceText& source;
  const std::string& file;
  std::optional<Diagnostic> first_error;

  // `skip_blanks`: an expectation fails where the previous token ended, but the writer has to
  // look where the next one starts, after whitespace and comments (not inside strings/patterns).
  void record(const char* where, std::string message, std::string hint, bool skip_blanks = true) {
    if (first_error) return;
    const char* end = source.text().data() + source.text().size();
    while (skip_blanks && where < end) {
      if (*where == ' ' || *where == '\t' || *where == '\r' || *where == '\n') {
        ++where;
      } else if (*where == '#') {
        while (where < end && *where != '\n') ++where;
      } else {
        break;
      }
    }
    auto offset = static_cast<std::size_t>(where - source.text().data());
    int line = source.line_of(offset);
    first_error = source.error_at(file, line, source.column_of(offset), std::move(message), std::move(hint));
  }
};

// Hints for the things most often missing, keyed by the rule name in the message.
std::string hint_for_expected(const std::string& what);

// Base of every rule ID: tags AST nodes with their position, reports failed expectations.
struct located_rule {
  template <class Iterator, class Attribute, class Context>
  void on_success(Iterator const& first, Iterator const& last, Attribute& node, Context const& context) {
    if constexpr (std::is_base_of_v<ast::Located, std::remove_reference_t<Attribute>>) {
      auto& handler = x3::get<x3::error_handler_tag>(context).get();
      handler.tag(node, first, last);
      auto& state = x3::get<parse_state_tag>(context).get();
      auto offset = static_cast<std::size_t>(handler.position_of(node).begin() - state.source.text().data());
      node.line = state.source.line_of(offset);
      node.column = state.source.column_of(offset);
    }
  }

  template <class Iterator, class Exception, class Context>
  x3::error_handler_result on_error(Iterator&, Iterator const&, Exception const& failure, Context const& context) {
    auto& state = x3::get<parse_state_tag>(context).get();
    std::string what = failure.which();
    state.record(failure.where(), "expected " + what + " here", hint_for_expected(what));
    return x3::error_handler_result::fail;
  }
};

// A string or pattern that runs to the end of the file is reported where it opens, which is
// where the writer has to look.
template <char Delimiter>
struct delimited_rule : located_rule {
  template <class Iterator, class Exception, class Context>
  x3::error_handler_result on_error(Iterator& first, Iterator const& last, Exception const& failure,
                                    Context const& context) {
    auto& state = x3::get<parse_state_tag>(context).get();
    if (failure.where() == last) {
      const char* kind = Delimiter == '"' ? "string" : "pattern";
      state.record(first,
                   std::string("unterminated ") + kind + ": no closing " + Delimiter + " before the end of the file",
                   std::string("close the ") + kind + " with " + Delimiter +
                       (Delimiter == '"' ? " (write \\\" for a quote inside it)" : ""),
                   false);
      return x3::error_handler_result::fail;
    }
    std::string what = failure.which();
    state.record(failure.where(), "expected " + what + " here", hint_for_expected(what), false);
    return x3::error_handler_result::fail;
  }
};

}  // namespace palermo::model::grammar
