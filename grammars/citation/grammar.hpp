// Declaration of the citation chain rule (defined in grammar_def.hpp, instantiated in citation.cpp).
#pragma once
#include <boost/spirit/home/x3.hpp>

#include "grammars/citation/ast.hpp"

namespace palermo::citation::grammar {

namespace x3 = boost::spirit::x3;

using chain_type = x3::rule<class chain_class, ast::Chain>;
BOOST_SPIRIT_DECLARE(chain_type)

using iterator_type = const char*;
using skipper_type = x3::ascii::space_type;
using context_type = x3::phrase_parse_context<skipper_type>::type;

chain_type const& chain();

}  // namespace palermo::citation::grammar
