// Declaration of the X3 pattern grammar; instantiated only in pattern_grammar.cpp.
#pragma once
#include <boost/spirit/home/x3.hpp>

#include "grammars/pattern/ast.hpp"

namespace palermo::pattern::grammar {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;
using skipper_type = x3::ascii::space_type;
using context_type = x3::phrase_parse_context<skipper_type>::type;

// The whole pattern, up to the end of input.
struct pattern_class;
using pattern_type = x3::rule<pattern_class, ast::OrChain>;
BOOST_SPIRIT_DECLARE(pattern_type)

const pattern_type& pattern();

}  // namespace palermo::pattern::grammar
