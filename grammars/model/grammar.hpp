// Rule declarations of the model-language grammar (protocol-model/LANGUAGE.md). Definitions are in
// grammar_def.hpp and are instantiated once, in model_grammar.cpp.
#pragma once
#include <boost/spirit/home/x3.hpp>

#include "grammars/model/ast.hpp"

namespace palermo::model::grammar {

namespace x3 = boost::spirit::x3;

struct file_class;
using file_type = x3::rule<file_class, ast::File>;
BOOST_SPIRIT_DECLARE(file_type)

// Whitespace and `#` comments (to the end of the line) between tokens.
struct skipper_class;
using skipper_type = x3::rule<skipper_class>;
BOOST_SPIRIT_DECLARE(skipper_type)

file_type const& file();
skipper_type const& skipper();

}  // namespace palermo::model::grammar
