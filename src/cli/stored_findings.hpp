// What `palermo index` stores for each country and `palermo compare --db` reads back: the findings,
// keyed by what made them (this palermo build, the model's version and digest, --complete) and by
// the SHA-256 of every document they were made from. Findings that no longer hold are never served.
#pragma once
#include <string>
#include <vector>

#include "akn/document.hpp"
#include "analysis/finding.hpp"
#include "model/model.hpp"
#include "store/store.hpp"

namespace palermo::cli {

// What made a set of findings, apart from the documents.
struct AnalysisIdentity {
  std::string palermo_build;  // "palermo 0.1.0 (commit 2290848abcde)"
  std::string model_version;
  std::string model_digest;  // SHA-256 of the model's compiled form
};
AnalysisIdentity analysis_identity(const model::Model& model);

// The row to store for one country's report, made from `documents` (and their components).
store::StoredFindings findings_row(const analysis::CountryReport& report, const std::vector<akn::Document>& documents,
                                   const AnalysisIdentity& identity, std::string report_json);

// Why stored findings would not be what `palermo compare` makes of the same files now, one
// sentence each, from what the row says alone: made by another palermo build or another model, with
// another --complete, or one of their files changed on disk or gone (read and hashed here). The
// index's side (store::Store::findings_disagreements) is asked separately. Empty: they still hold.
std::vector<std::string> stale_reasons(const store::StoredFindings& findings, const AnalysisIdentity& identity,
                                       bool complete);

// A bill is not law yet: a folder's bills are left out of its country's findings (compare them with
// `palermo diff`); a bill named on the command line is taken as given.
inline bool left_out_of_findings(const akn::Document& document, bool found_in_folder) {
  return found_in_folder && document.doc_type == "bill";
}

}  // namespace palermo::cli
