// Definition of the X3 evidence-pattern grammar (see pattern.hpp for the language). Included only by
// pattern_grammar.cpp, which instantiates it once. Rule names are what errors say was expected.
#pragma once
#include <boost/spirit/home/x3.hpp>

#include "grammars/pattern/ast.hpp"
#include "grammars/pattern/ast_adapted.hpp"
#include "grammars/pattern/pattern_grammar.hpp"

namespace palermo::pattern::grammar {

using x3::lexeme;
using x3::lit;
using x3::raw;

// A byte that may be part of a bare word: ASCII letters, digits, '_', and every byte of a multi-byte
// UTF-8 sequence (accented and non-Latin letters; folding later decides what is a letter).
struct word_char_parser : x3::parser<word_char_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&, Attribute&) const {
    x3::skip_over(first, last, context);
    if (first == last) return false;
    const auto c = static_cast<unsigned char>(*first);
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
    if (ok) ++first;
    return ok;
  }
};
constexpr word_char_parser word_char{};

// Operators are upper case, as in FTS5; "and", "near" or "NEARBY" are words.
auto const keyword = lexeme[(lit("AND") | "OR" | "NOT" | "NEAR") >> !word_char];
auto const and_keyword = lexeme[lit("AND") >> !word_char];
auto const or_keyword = lexeme[lit("OR") >> !word_char];
auto const not_keyword = lexeme[lit("NOT") >> !word_char];

x3::rule<class bare_word_class, ast::Text> const bare_word = "a word";
x3::rule<class quoted_class, ast::Text> const quoted = "a quoted phrase";
x3::rule<class closing_quote_class> const closing_quote = "a closing '\"'";
x3::rule<class closing_curly_quote_class> const closing_curly_quote = "a closing '\u201D'";
x3::rule<class phrase_operand_class, ast::Text> const phrase_operand = "a word or a quoted phrase";
x3::rule<class phrase_list_class, std::vector<ast::Text>> const phrase_list = "a word or a quoted phrase";
x3::rule<class distance_class, unsigned> const distance = "a number (the distance in tokens)";
x3::rule<class near_number_class> const near_number = "a number after NEAR/";
x3::rule<class near_operator_class, ast::Text> const near_operator = "NEAR";
x3::rule<class near_link_class, ast::NearLink> const near_link = "NEAR";
x3::rule<class near_call_class, ast::NearCall> const near_call = "NEAR(...)";
x3::rule<class close_paren_class> const close_paren = "')'";
x3::rule<class group_class, ast::Group> const group = "'('";
x3::rule<class primary_class, ast::Primary> const primary = "a word, a quoted phrase, NEAR(...) or '('";
x3::rule<class near_chain_class, ast::NearChain> const near_chain = "a word, a quoted phrase, NEAR(...) or '('";
x3::rule<class not_chain_class, ast::NotChain> const not_chain = "a word, a quoted phrase, NEAR(...) or '('";
x3::rule<class and_chain_class, ast::AndChain> const and_chain = "a word, a quoted phrase, NEAR(...) or '('";
x3::rule<class or_chain_class, ast::OrChain> const or_chain = "a word, a quoted phrase, NEAR(...) or '('";
x3::rule<class end_class> const end_of_pattern = "an operator, a word or the end of the pattern";
pattern_type const pattern_rule = "a word, a quoted phrase, NEAR(...) or '('";

// exploit*  co-operation  d'êtres : '-' and '\'' only between word characters; '*' only at the end.
auto const bare_word_def =
    raw[lexeme[!keyword >> word_char >> *(word_char | (x3::char_("-'") >> &word_char)) >> -lit('*')]];
// "forced lab*"  "forced lab"*  "say ""no""" : a doubled quote stands for one quote, as in FTS5.
// A phrase pasted from a word processor may come in typographic quotes: “forced labour”.
auto const quoted_def = raw[lexeme[('"' >> *(lit("\"\"") | ~x3::char_('"')) > closing_quote) >> -lit('*')]] |
                        raw[lexeme[(lit("\u201C") >> *(x3::char_ - lit("\u201D")) > closing_curly_quote) >> -lit('*')]];
auto const closing_curly_quote_def = lit("\u201D");
auto const closing_quote_def = lit('"');
auto const phrase_operand_def = quoted | bare_word;
auto const phrase_list_def = +phrase_operand;
auto const distance_def = lexeme[x3::uint_ >> !word_char];
auto const near_number_def = x3::uint_ >> !word_char;
// Infix NEAR: "NEAR/5" or plain "NEAR" (distance 10); "NEAR(" or "NEAR (" is the function form.
auto const near_operator_def =
    raw[lexeme[lit("NEAR") >> !(*x3::ascii::space >> '(') >> (('/' > near_number) | !word_char)]];
auto const near_link_def = near_operator > phrase_operand;
auto const near_call_def = raw[lexeme[lit("NEAR") >> *x3::ascii::space >> '(']] > phrase_list >
                           -(',' > distance) > close_paren;
auto const close_paren_def = lit(')');
auto const group_def = raw[lit('(')] > or_chain > close_paren;
auto const primary_def = near_call | group | phrase_operand;
auto const near_chain_def = primary >> *near_link;
auto const not_chain_def = near_chain >> *(not_keyword > near_chain);
auto const and_chain_def = not_chain >> *((and_keyword > not_chain) | not_chain);
auto const or_chain_def = and_chain >> *(or_keyword > and_chain);
auto const end_of_pattern_def = x3::eoi;
auto const pattern_rule_def = x3::expect[or_chain] > end_of_pattern;

BOOST_SPIRIT_DEFINE(bare_word, quoted, closing_quote, closing_curly_quote, phrase_operand, phrase_list, distance,
                    near_number, near_operator, near_link, near_call, close_paren, group, primary, near_chain,
                    not_chain, and_chain, or_chain, end_of_pattern, pattern_rule)

const pattern_type& pattern() { return pattern_rule; }

}  // namespace palermo::pattern::grammar
