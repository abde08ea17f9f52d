// Finding the provisions that create offences, which of them define trafficking, and the penalty
// each carries (read with grammars/penalty, following a citation when the penalty stands elsewhere).
#pragma once
#include <cstddef>
#include <vector>

#include "analysis/corpus.hpp"
#include "analysis/finding.hpp"
#include "grammars/penalty/penalty.hpp"

namespace palermo::analysis {

struct OffenceSite {
  Offence info;              // what the report shows
  std::size_t doc = 0;
  std::size_t unit = 0;      // the section/article creating the offence
  std::size_t words = 0;     // the provision holding the offence-creating words ("commits an offence")
  penalty::Penalty penalty;   // over every mention (first and repeat convictions, aggravated forms)
  double basic_max_years = -1; // the first stated maximum: the basic offence, first conviction (999: life)
  std::size_t penalty_doc = 0;
  ByteRange penalty_range{0, 0};  // where the penalty words stand (flattened text of penalty_doc)
  bool penalty_by_reference = false;  // read from a provision the offence cites
  bool with_means = false;            // names trafficking, lists acts, purpose and means (art 3 shape)
  int acts = -1;                      // how many of the five acts (by their usual verbs) it names; -1 not counted
  bool person_object = false;         // it speaks of a person (not of goods or money)
};

// Every offence-creating unit of every document, in document order. Trafficking offences are
// those whose text or heading names trafficking (traite, trata) and combines at least two of the
// acts with a purpose of exploitation and one of the means; when no offence has a means, those
// with the acts and the purpose.
std::vector<OffenceSite> find_offences(Corpus& corpus);

// True when the folded text has words that create an offence ("commits an offence", "est puni de").
bool creates_offence(std::string_view folded);
// True when the folded text names one of the Protocol's means (threat, force, fraud, menace, ...).
bool mentions_means(std::string_view folded);

}  // namespace palermo::analysis
