// Finding the provisions that create offences, assembling the trafficking offence from its parts
// (conduct, the definition of the crime's name, the penalty), and reading the penalty each carries
// (grammars/penalty, following a citation when the penalty stands elsewhere). The words it relies
// on come from the model's lexicons (protocol-model/05-lexicon.pal), never from lists in C++.
#pragma once
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "analysis/corpus.hpp"
#include "analysis/definitions.hpp"
#include "analysis/finding.hpp"
#include "analysis/lexicon.hpp"
#include "grammars/penalty/penalty.hpp"

namespace palermo::analysis {

// A provision assembled into an offence besides the one that creates it.
struct OffencePart {
  std::size_t doc = 0;
  std::size_t provision = 0;  // the unit, or a definition's provision
  ByteRange range{0, 0};      // the words that belong to the offence (a whole unit, or one definition)
  std::string role;           // "definition", "penalty"
};

// A life term where maxima are compared: longer than any term in years. Never stored in a report
// (Offence::life says it there).
inline constexpr double kLifeYears = std::numeric_limits<double>::infinity();

struct OffenceSite {
  Offence info;  // what the report shows
  std::size_t doc = 0;
  std::size_t unit = 0;   // the section/article creating the offence
  std::size_t words = 0;  // the provision holding the offence-creating words ("commits an offence")
  // The offence's own words: the unit's text, or, where an amending act inserts several articles
  // of a code as plain text in one article ("411 bis.- ... 411 quáter.- ..."), the inserted
  // article that holds the offence.
  ByteRange range{0, 0};
  // The clause that states the offence: from its start to the end of the subsection holding its
  // first act. A means named only in a later subsection ("Where an offence under subsection (1) is
  // committed by threat ... the offender is liable to ...") aggravates it; it is not required.
  ByteRange core{0, 0};
  std::vector<OffencePart> parts;  // the definition of the crime's name, when the offence punishes it by name
  penalty::Penalty penalty;        // over every mention (first and repeat convictions, aggravated forms)
  double basic_max_years = -1;     // the first stated maximum: the basic offence, first conviction (kLifeYears: life)
  std::size_t penalty_doc = 0;
  ByteRange penalty_range{0, 0};      // where the penalty words stand (flattened text of penalty_doc)
  bool penalty_by_reference = false;  // read from a provision the offence cites
  bool with_means = false;            // names trafficking, lists acts, purpose and means (art 3 shape)
  int acts = -1;                      // how many of the five acts it names (with its definition parts)
  bool person_object = false;         // it speaks of a person (not of goods or money)
  bool means = false;                 // it (or its definition) names one of the means
  bool purpose = false;               // it (or its definition) names a purpose of exploitation
  bool by_name = false;               // its conduct is the crime's name ("engages in trafficking")
  // Its conduct can be read: at least one act and a purpose, in the offence or its definition. An
  // offence known only by its name ("El delito de trata ... será sancionado") says nothing about
  // the means it requires, so no "requires no means" reading may be drawn from it.
  bool conduct_visible() const { return acts >= 1 && purpose; }
};

struct OffenceSearch {
  std::vector<OffenceSite> offences;
  std::vector<OffenceCandidate> candidates;  // for --explain
  std::vector<std::string> unresolved;       // user citations matching no provision
};

// Every offence-creating unit of every assessed document, in document order, with the trafficking
// offences marked. `named` are citations the user gave with --offence: those provisions are the
// trafficking offences.
OffenceSearch find_offences(Corpus& corpus, Lexicons& lex, const Definitions& defs,
                            const std::vector<std::string>& named = {});

// True when the offence or its assembled definition names words of the lexicon.
bool offence_mentions(Corpus& corpus, Lexicons& lex, const OffenceSite& o, std::string_view lexicon);
// True when the offence requires one of the means: named in its core clause or in its definition.
bool offence_requires_means(Corpus& corpus, Lexicons& lex, const OffenceSite& o);
// A limb of the offence for child victims that lists acts but no means ("(2) procuring, ... or
// receiving a child"): its provision index, or -1 when the offence has none.
int child_limb_without_means(Corpus& corpus, Lexicons& lex, const OffenceSite& o);

}  // namespace palermo::analysis
