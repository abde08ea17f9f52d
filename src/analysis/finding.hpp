// What the analysis concludes, as plain data for the renderers: one finding per obligation, one per
// element and red flag inside it, each with the statute passages that support it.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/model.hpp"

namespace palermo::analysis {

// not_assessed: palermo could not read the documents (a language the model has no patterns for):
// no verdict is given, in either direction.
// not_in_documents: nothing was found, and the obligation usually sits in a kind of law (penal code,
// extradition law, ...) that was not among the documents checked: "not found in the documents
// checked", kept apart from gaps unless the user declares the documents complete (--complete).
enum class Status { met, partial, gap, conflict, not_applicable, not_assessed, not_in_documents };
// "met", "partial", "gap", "conflict", "not applicable", "not assessed", "not in documents"
std::string_view to_string(Status s);

// One step in the chain that carries evidence into an offence:
// "s 3(1) uses the defined term 'exploitation'" -> "defined in s 1".
struct ChainLink {
  std::string kind;      // "offence", "defined-term", "cross-reference", "general-part"
  std::string document;  // the document's path or title
  std::string eid;
  std::string citation;  // "s 1"
  std::string label;     // "uses the defined term 'exploitation'", "refers to section 4"

  bool operator==(const ChainLink&) const = default;
};

// One passage of a statute that supports (or, for a red flag, triggers) a finding.
struct Evidence {
  std::string document;  // Document::path
  std::string doc_title;
  std::string eid;       // the innermost provision holding the matched words
  std::string citation;  // "s 3(1)(a)"
  std::string passage;   // the provision's text (trimmed to a readable window around the match)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> highlights;  // byte ranges in `passage`
  std::string matched;                                              // the matched words, joined with " … "
  std::string pattern;           // the pattern source that matched (or the check that found it)
  std::string language;          // the pattern's language
  std::vector<ChainLink> chain;  // empty when the passage stands in the offence itself

  bool operator==(const Evidence&) const = default;
};

struct ElementFinding {
  std::string id;  // element id from the model
  std::string title;
  bool red_flag = false;
  Status status = Status::gap;
  double confidence = 0.0;  // 0..1
  std::string reason;       // one sentence a lawyer can check
  std::vector<Evidence> evidence;

  bool operator==(const ElementFinding&) const = default;
};

struct ObligationFinding {
  std::string id;  // obligation id
  std::string instrument, article, title;
  model::ObligationClass klass = model::ObligationClass::mandatory;
  model::Area area = model::Area::definition;
  Status status = Status::gap;
  double confidence = 0.0;
  std::string reason;
  std::string advice;                      // drafting advice, shown when not met
  std::vector<std::string> legislated_in;  // where countries usually legislate it (model::Obligation)
  std::vector<ElementFinding> elements;
  std::vector<ElementFinding> red_flags;

  bool operator==(const ObligationFinding&) const = default;
};

// A provision found to create an offence, and whether it is a trafficking offence.
struct Offence {
  std::string document, eid, citation, heading;
  bool trafficking = false;
  // No offence in the law is built like trafficking; this one (moving or dealing in persons) is the
  // closest and stands in for it, so its acts, penalty and red flags are assessed.
  bool substitute = false;
  // Normalised penalty (grammars/penalty): years of imprisonment; -1 when not stated or for life
  // imprisonment, which `life` says.
  double min_years = -1, max_years = -1;
  bool life = false;
  bool fine = false;          // a fine is available
  bool fine_in_lieu = false;  // a fine alone may replace imprisonment ("or to both", "or")
  std::string penalty_text;   // the words the penalty was read from
  // How it was found, in a sentence a lawyer can check ("built like art 3: 5 acts, a purpose of
  // exploitation and means", "punishes the crime named in art 3(6), which defines it").
  std::string found_by;
  // Other provisions assembled into the offence: the definition of the crime's name, the penalty
  // provision ("art 3(6) (definition)", "s 10 (penalty)").
  std::vector<std::string> parts;
  // A trafficking offence narrower than art 3 (one act, a closed list of purposes, movement only,
  // children only): assessed, with its defects named by the elements and red flags.
  bool narrow = false;

  bool operator==(const Offence&) const = default;
};

// A provision considered as the trafficking offence, with the signals for and against it
// (`palermo check --explain`).
struct OffenceCandidate {
  std::string document, eid, citation, heading;
  std::vector<std::string> signals_for, signals_against;
  std::string decision;  // "trafficking offence", "ancillary offence", "smuggling of migrants", "other offence"

  bool operator==(const OffenceCandidate&) const = default;
};

struct DocumentInfo {
  std::string path, title, country, doc_type, language, expression_date, expression_uri, sha256, dialect;
  std::size_t provisions = 0;
  // The kinds of law its title names ("penal-code", "trafficking-act", ...; see legislated-in).
  std::vector<std::string> kinds{};

  bool operator==(const DocumentInfo&) const = default;
};

// Another law the documents name ("the Prevention of Organised Crime Act, 2004"): a suggested input
// when an obligation usually sits in a kind of law that was not checked.
struct NamedLaw {
  std::string title;
  std::vector<std::string> kinds{};  // the kinds of law its title names, as DocumentInfo::kinds
  std::string document;              // where it is first named: the document's path
  std::string eid, citation;         // ... and provision
  int mentions = 0;

  bool operator==(const NamedLaw&) const = default;
};

struct CountryReport {
  std::string country;
  std::string model_version;
  std::string generated;  // ISO date-time the report was made
  std::vector<DocumentInfo> documents;
  std::vector<Offence> offences;
  std::vector<OffenceCandidate> candidates;  // every provision weighed as the trafficking offence
  // Documents palermo could not read (language without patterns): "title (Greek, ell)".
  std::vector<std::string> not_assessed;
  // Citations given with --offence that match no provision of the documents.
  std::vector<std::string> unresolved_offences;
  std::vector<ObligationFinding> findings;  // in model order
  // The user declared the documents the whole of the relevant law (--complete): nothing is "not in
  // the documents checked", every absence is a gap.
  bool complete = false;
  // Laws the documents name that are not among them, most mentioned first.
  std::vector<NamedLaw> named_laws;

  bool operator==(const CountryReport&) const = default;
};

}  // namespace palermo::analysis
