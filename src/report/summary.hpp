// What every renderer says the same way: the layers (mandatory / optional / good practice), the
// headline counts, status symbols, highlight spans, chains and provenance wording. Internal to src/report.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/finding.hpp"

namespace palermo::report {

// Optional obligations (qualified, endeavour, consider) and good practice never lower the core verdict,
// so every report keeps the three layers apart.
enum class Layer { mandatory, optional, good_practice };
Layer layer_of(model::ObligationClass klass);
std::string_view to_string(Layer layer);      // "mandatory", "optional", "good-practice"
std::string_view layer_heading(Layer layer);  // "Mandatory obligations", ...
inline constexpr Layer kLayers[] = {Layer::mandatory, Layer::optional, Layer::good_practice};

inline constexpr model::Area kAreas[] = {
    model::Area::definition, model::Area::criminalization, model::Area::sanctions,  model::Area::jurisdiction,
    model::Area::victims,    model::Area::prevention,      model::Area::cooperation};
std::string area_heading(model::Area area);  // "Definition", "Criminalization", ...

struct StatusCounts {
  int total = 0, met = 0, partial = 0, gap = 0, conflict = 0, not_applicable = 0;
  int not_assessed = 0;      // no verdict: the documents are in a language the model cannot read
  int not_in_documents = 0;  // not answerable: the kind of law it sits in was not among the documents
  void add(analysis::Status s);
};

StatusCounts count_layer(const analysis::CountryReport& report, Layer layer);
// Whether the report has any finding of that layer (a section to print).
bool has_layer(const analysis::CountryReport& report, Layer layer);
StatusCounts count_area(const analysis::CountryReport& report, Layer layer, model::Area area);

// "Mandatory obligations: 18 of 27 met, 5 partial, 3 gaps, 1 conflict" (not-applicable ones are left
// out of the total and named at the end when there are any).
std::string headline(std::string_view label, const StatusCounts& counts);
std::string mandatory_headline(const analysis::CountryReport& report);

// Grid symbols for the comparison matrix: ● met, ◐ partial, ○ gap, ✕ conflict, · not applicable,
// – not assessed, ◌ not in the documents checked.
std::string_view status_symbol(analysis::Status s);
// Short upper-case label for the text report: "MET", "PARTIAL", "GAP", "CONFLICT", "N/A".
std::string_view status_label(analysis::Status s);
// An element's status as a reader should read it: a red flag is "raised" (conflict) or "clear" (absent),
// never "met"; other elements read as their status. Upper-case for the terminal with `upper`.
std::string element_status(analysis::Status s, bool red_flag, bool upper = false);

// A word-level redline between two texts: the words of each, marked kept, deleted or inserted, in reading order.
struct WordEdit {
  enum class Kind { keep, del, ins } kind;
  std::string text;  // one or more words with the spaces between them
};
std::vector<WordEdit> word_diff(std::string_view before, std::string_view after);

// How a format marks a redline: deleted words between del_open/del_close, inserted ones between
// ins_open/ins_close, every word through `escape`.
struct RedlineMarks {
  std::string_view del_open, del_close, ins_open, ins_close;
  std::function<std::string(std::string_view)> escape;
};
// The redline of an element's first old and first new passage; "" when there is nothing to compare
// (evidence on one side only, or the same words).
std::string element_redline(const std::vector<analysis::Evidence>& before, const std::vector<analysis::Evidence>& after,
                            const RedlineMarks& marks);

// Ordering by how well the law does: met 3, partial 2, gap 1, conflict 0, not applicable 3.
int status_rank(analysis::Status s);

// Highlights sorted, merged, clamped to the passage and moved off the middle of UTF-8 sequences.
std::vector<std::pair<std::size_t, std::size_t>> clean_highlights(const analysis::Evidence& e);
// The passage with each highlighted range wrapped: plain pieces pass through `escape`, marked pieces
// through `escape` and then between `open` and `close`.
std::string mark_passage(const analysis::Evidence& e, std::string_view open, std::string_view close,
                         const std::function<std::string(std::string_view)>& escape);

// "via s 3(1): uses the defined term 'exploitation' → s 1: defined here" ("" when the chain is empty).
std::string chain_sentence(const analysis::Evidence& e);

// "Protocol art 3(a)", "UNTOC art 34(2)".
std::string article_label(const analysis::ObligationFinding& f);
std::string article_label(std::string_view instrument, std::string_view article);

// Class shown beside each finding: "mandatory", "qualified", ..., "good practice".
std::string class_label(model::ObligationClass klass);

// The sentence every report carries.
inline constexpr const char* kAssessmentNote =
    "palermo assesses legislation as written, not its implementation: a provision met here says what the "
    "statute text provides, not how it is applied in practice.";

// A document's 1-based number in the report (matched by path), 0 when the report does not list it.
int document_number(const std::vector<analysis::DocumentInfo>& documents, std::string_view path);
// The anchor a piece of evidence links to: "doc1-sec_3__subsec_1" (characters outside [A-Za-z0-9_.-]
// become '-').
std::string provision_anchor(int document_number, std::string_view eid);

// The first `n` characters of a hash, for compact display.
std::string short_hash(std::string_view sha256, std::size_t n = 12);

}  // namespace palermo::report
