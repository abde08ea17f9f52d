// The gap analysis: one country's documents against the whole model -> a CountryReport.
#pragma once
#include <string>
#include <vector>

#include "akn/document.hpp"
#include "analysis/finding.hpp"
#include "model/model.hpp"
#include "util/result.hpp"

namespace palermo::analysis {

struct CheckOptions {
  std::string country;  // overrides FRBRcountry when not empty
  // Citations of the trafficking offence named by the user ("art 182", "s 279.01"): they are the
  // trafficking offences, whatever the detection would say.
  std::vector<std::string> offences{};
  // The documents are the whole of the relevant law: an obligation found in none of them is a gap even
  // when it usually sits in a kind of law not among them (otherwise "not in the documents checked").
  bool complete = false;
};

// Pure function of its inputs (apart from CountryReport::generated, the current time).
// Documents may be several statutes of one country: a trafficking act, a penal code's general part,
// an immigration act; evidence may come from any of them.
CountryReport analyze(const std::vector<akn::Document>& documents, const model::Model& model,
                      const CheckOptions& options = {});

// One report per country, in the order given, analysed on up to `threads` threads (0: one per core).
// Each analysis has its own tokenizers and caches; the model is only read, so they run side by side.
std::vector<CountryReport> analyze_countries(const std::vector<const std::vector<akn::Document>*>& countries,
                                             const model::Model& model, const CheckOptions& options = {},
                                             unsigned threads = 0);

}  // namespace palermo::analysis
