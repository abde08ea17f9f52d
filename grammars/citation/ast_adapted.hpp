// Fusion adaptation of the citation AST, so Items can be printed or used as a sequence attribute;
// the grammar itself fills Items and Segment through semantic actions.
#pragma once
#include <boost/fusion/include/adapt_struct.hpp>

#include "grammars/citation/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(palermo::citation::ast::Items, paths, range)
