// Where evidence for an element may stand: the trafficking offence itself; the offence plus the
// definitions of the terms it uses and the provisions it cites; or anywhere in the country's law.
#pragma once
#include <cstddef>
#include <vector>

#include "analysis/corpus.hpp"
#include "analysis/definitions.hpp"
#include "analysis/finding.hpp"
#include "analysis/lexicon.hpp"
#include "analysis/offences.hpp"

namespace palermo::analysis {

struct ScopeItem {
  std::size_t doc = 0;
  ByteRange range{0, 0};
  std::size_t provision = 0;     // the provision the range belongs to (a unit, or a definition's provision)
  int tier = 0;                  // 0 the offence, 1 a defined term or cited provision, 2 elsewhere
  std::vector<ChainLink> chain;  // empty in the offence itself
};

struct Scopes {
  std::vector<ScopeItem> offence;        // the trafficking offences' sections
  std::vector<ScopeItem> offence_terms;  // + definitions of the terms they use + provisions they cite
  // offence_terms plus the aggravated forms of the offence ("L'infraction prévue à l'article
  // 225-4-1 est punie de ... lorsque ...", "Aggravated trafficking"): where sanctions and
  // aggravating circumstances stand, but not the definition of the crime.
  std::vector<ScopeItem> offence_terms_aggravated;
  std::vector<ScopeItem> anywhere;  // every section of every document (treaty schedules excluded)
  // The same without definition sections: a definition says what a word means, it does not
  // establish a duty or a power, so it is no evidence for obligations outside the definition area.
  std::vector<ScopeItem> anywhere_operative;
  std::vector<std::string> terms;  // the defined terms the offences use (display form), for reasons
};

Scopes build_scopes(Corpus& corpus, Lexicons& lex, const std::vector<OffenceSite>& offences, const Definitions& defs);

}  // namespace palermo::analysis
