// Definitions of the model-language grammar (protocol-model/LANGUAGE.md). Included by exactly one
// translation unit, model_grammar.cpp. The grammar is deliberately generic about fields
// (`key value`): which keys and values are allowed is checked by the loader, which can then say
// "unknown class 'manditory'" at the value instead of a vaguer "expected ..." from the parser.
#pragma once
#include <boost/spirit/home/x3.hpp>

#include "grammars/model/ast.hpp"
#include "grammars/model/ast_adapted.hpp"
#include "grammars/model/error_handler.hpp"
#include "grammars/model/grammar.hpp"

namespace palermo::model::grammar {

namespace x3 = boost::spirit::x3;
using x3::attr;
using x3::char_;
using x3::eoi;
using x3::eol;
using x3::lexeme;
using x3::lit;
using x3::ascii::space;

// Rule IDs; the rule names are what an error message says was expected.
struct quoted_text_class : delimited_rule<'"'> {};
struct escaped_char_class : located_rule {};
struct pattern_text_class : delimited_rule<'`'> {};
struct name_token_class : located_rule {};
struct string_token_class : located_rule {};
struct pattern_token_class : located_rule {};
struct key_token_class : located_rule {};
struct value_class : located_rule {};
struct field_class : located_rule {};
struct block_kind_class : located_rule {};
struct block_class : located_rule {};
struct block_end_class : located_rule {};
struct entry_class : located_rule {};
struct obligation_class : located_rule {};
struct obligation_end_class : located_rule {};
struct header_class : located_rule {};
struct version_keyword_class : located_rule {};
struct synonyms_class : located_rule {};
struct lexicon_class : located_rule {};
struct lexicon_end_class : located_rule {};
struct top_level_class : located_rule {};
struct end_of_file_class : located_rule {};
struct file_class : located_rule {};
struct skipper_class {};

x3::rule<quoted_text_class, std::string> const quoted_text = "a closing '\"'";
x3::rule<escaped_char_class, char> const escaped_char = "'\"' or '\\' after the backslash";
x3::rule<pattern_text_class, std::string> const pattern_text = "a closing '`'";
x3::rule<name_token_class, ast::Token> const name_token = "a name";
x3::rule<string_token_class, ast::Token> const string_token = "a \"string\"";
x3::rule<pattern_token_class, ast::Token> const pattern_token = "a `pattern`";
x3::rule<key_token_class, ast::Token> const key_token = "a field name";
x3::rule<value_class, ast::Token> const value = "a value (a name, a \"string\" or a `pattern`)";
x3::rule<field_class, ast::Field> const field = "a field";
x3::rule<block_kind_class, std::string> const block_kind = "'element' or 'red-flag'";
x3::rule<block_class, ast::Block> const block = "an element or red-flag";
x3::rule<block_end_class> const block_end = "a field or the closing '}'";
x3::rule<entry_class, ast::ObligationEntry> const entry = "a field, element or red-flag";
x3::rule<obligation_class, ast::Obligation> const obligation = "an obligation";
x3::rule<obligation_end_class> const obligation_end = "a field, 'element', 'red-flag' or the closing '}'";
x3::rule<header_class, ast::Header> const header = "the model header";
x3::rule<version_keyword_class> const version_keyword = "'version'";
x3::rule<synonyms_class, ast::Synonyms> const synonyms = "a synonyms block";
x3::rule<lexicon_class, ast::Lexicon> const lexicon = "a lexicon block";
x3::rule<lexicon_end_class> const lexicon_end = "a field or the closing '}'";
x3::rule<top_level_class, ast::TopLevel> const top_level = "'model', 'synonyms', 'lexicon' or 'obligation'";
x3::rule<end_of_file_class> const end_of_file = "'model', 'synonyms', 'lexicon' or 'obligation'";
file_type const file_rule = "a model file";
skipper_type const skipper_rule = "whitespace or a comment";

// Characters of names: ids, keys and values such as `offence-terms`.
auto const name_char = char_("a-zA-Z0-9._-");
// A keyword is a whole word: `model` must not match the start of `models`.
auto keyword(char const* word) { return lexeme[lit(word) >> !name_char]; }
auto const reserved = keyword("element") | keyword("red-flag") | keyword("obligation") | keyword("synonyms") |
                      keyword("lexicon") | keyword("model");

auto const skipper_rule_def = space | (lit('#') >> *(char_ - eol));

auto const escaped_char_def = char_("\"\\");
auto const quoted_text_def = lit('"') > *((lit('\\') > escaped_char) | ~char_('"')) > lit('"');
auto const pattern_text_def = lit('`') > *~char_('`') > lit('`');

auto const name_token_def = lexeme[attr(char(ast::Token::name)) >> +name_char];
auto const string_token_def = lexeme[attr(char(ast::Token::string)) >> quoted_text];
auto const pattern_token_def = lexeme[attr(char(ast::Token::pattern)) >> pattern_text];
auto const key_token_def = !reserved >> name_token;
auto const value_def = string_token | pattern_token | name_token;
auto const field_def = key_token > value;

auto const block_kind_def = lexeme[(x3::string("element") | x3::string("red-flag")) >> !name_char];
auto const block_end_def = lit('}');
auto const block_def = block_kind > name_token > string_token > lit('{') > *field > block_end;

auto const entry_def = block | field;
auto const obligation_end_def = lit('}');
auto const obligation_def = keyword("obligation") > name_token > lit('{') > *entry > obligation_end;

auto const version_keyword_def = keyword("version");
auto const header_def = keyword("model") > string_token > version_keyword > string_token;
auto const synonyms_def = keyword("synonyms") > name_token > pattern_token;

auto const lexicon_end_def = lit('}');
auto const lexicon_def = keyword("lexicon") > name_token > lit('{') > *field > lexicon_end;

auto const top_level_def = header | synonyms | lexicon | obligation;
auto const end_of_file_def = eoi;
auto const file_rule_def = *top_level > end_of_file;

BOOST_SPIRIT_DEFINE(quoted_text, escaped_char, pattern_text, name_token, string_token, pattern_token, key_token, value,
                    field, block_kind, block, block_end, entry, obligation, obligation_end, header, version_keyword,
                    synonyms, lexicon, lexicon_end, top_level, end_of_file, file_rule, skipper_rule)

}  // namespace palermo::model::grammar
