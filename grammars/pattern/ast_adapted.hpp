// Fusion adaptation of the pattern AST, so X3 can fill the structs from sequence attributes.
#pragma once
#include <boost/fusion/include/adapt_struct.hpp>

#include "grammars/pattern/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(palermo::pattern::ast::NearCall, keyword, phrases, distance)
BOOST_FUSION_ADAPT_STRUCT(palermo::pattern::ast::NearLink, op, operand)
BOOST_FUSION_ADAPT_STRUCT(palermo::pattern::ast::NearChain, first, links)
BOOST_FUSION_ADAPT_STRUCT(palermo::pattern::ast::NotChain, first, excluded)
BOOST_FUSION_ADAPT_STRUCT(palermo::pattern::ast::Group, open, body)
