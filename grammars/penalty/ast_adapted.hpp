// Fusion adaptation of the penalty AST, so a Part can be printed or used as a sequence attribute;
// the grammar itself fills the AST through semantic actions.
#pragma once
#include <boost/fusion/include/adapt_struct.hpp>

#include "grammars/penalty/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(palermo::penalty::ast::Part, kind, min_years, max_years, life)
