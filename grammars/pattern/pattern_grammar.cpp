// The one translation unit that instantiates the X3 pattern grammar.
#include "grammars/pattern/pattern_grammar_def.hpp"

namespace palermo::pattern::grammar {

BOOST_SPIRIT_INSTANTIATE(pattern_type, iterator_type, context_type)

}  // namespace palermo::pattern::grammar
