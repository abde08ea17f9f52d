// Declaration of the penalty clause rule (defined in grammar_def.hpp, instantiated in penalty.cpp).
#pragma once
#include <boost/spirit/home/x3.hpp>

#include "grammars/penalty/ast.hpp"

namespace palermo::penalty::grammar {

namespace x3 = boost::spirit::x3;

using clause_type = x3::rule<class clause_class, ast::Clause>;
BOOST_SPIRIT_DECLARE(clause_type)

using iterator_type = const char*;
using skipper_type = x3::ascii::space_type;
using context_type = x3::phrase_parse_context<skipper_type>::type;

clause_type const& clause();

}  // namespace palermo::penalty::grammar
