// Penalty clauses found in statute text ("liable ... to imprisonment for a term not exceeding twenty
// years", "sept ans d'emprisonnement et de 150 000 € d'amende", "prisión de cinco a quince años").
// The Spirit X3 grammar behind it is instantiated once, in grammars/penalty/penalty.cpp.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace palermo::penalty {

// One penalty phrase as it stands in the text.
struct PenaltyMention {
  std::size_t begin = 0, end = 0;  // byte range in the text searched
  double min_years = -1;           // -1 when not stated
  double max_years = -1;           // -1 when not stated (or only a fine)
  bool life = false;               // imprisonment / réclusion for life
  bool imprisonment = false;       // some custodial penalty is stated
  bool fine = false;               // a fine is available
  bool fine_in_lieu = false;       // a fine alone may be imposed instead of imprisonment
  std::string text;                // the words of the phrase
};

// The penalty of one offence, summarised over its mentions (first and subsequent convictions,
// aggravated forms): the highest maximum, the lowest minimum.
struct Penalty {
  double min_years = -1, max_years = -1;
  bool life = false, imprisonment = false, fine = false, fine_in_lieu = false;
  std::string text;  // the mentions' words, joined with " / "
  bool found() const { return imprisonment || fine; }
};

// Every penalty phrase in `text`, in order, non-overlapping.
std::vector<PenaltyMention> find_penalties(std::string_view text);
Penalty summarize(const std::vector<PenaltyMention>& mentions);

}  // namespace palermo::penalty
