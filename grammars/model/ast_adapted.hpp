// Fusion adaptation of the model-language syntax tree, so the X3 grammar fills it directly.
#pragma once
#include <boost/fusion/include/adapt_struct.hpp>

#include "grammars/model/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(palermo::model::ast::Token, kind, text)
BOOST_FUSION_ADAPT_STRUCT(palermo::model::ast::Field, key, value)
BOOST_FUSION_ADAPT_STRUCT(palermo::model::ast::Block, kind, id, title, fields)
BOOST_FUSION_ADAPT_STRUCT(palermo::model::ast::Obligation, id, entries)
BOOST_FUSION_ADAPT_STRUCT(palermo::model::ast::Header, name, version)
BOOST_FUSION_ADAPT_STRUCT(palermo::model::ast::Synonyms, name, pattern)
BOOST_FUSION_ADAPT_STRUCT(palermo::model::ast::Lexicon, name, fields)
