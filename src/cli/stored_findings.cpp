#include "cli/stored_findings.hpp"

#include <filesystem>

#include "model/compiled.hpp"
#include "palermo_git_commit.hpp"  // generated at build time by cmake/git_commit.cmake
#include "util/files.hpp"

namespace palermo::cli {

AnalysisIdentity analysis_identity(const model::Model& model) {
  // The findings are a function of the documents, the model and the analysis code: the build names
  // the code (a new palermo may read the same law differently), the digest the model's patterns
  // (edited patterns keep their version number until a release).
  return AnalysisIdentity{std::string("palermo ") + PALERMO_VERSION + " (commit " + PALERMO_GIT_COMMIT + ")",
                          model.version, sha256_hex(model::compile_model(model))};
}

store::StoredFindings findings_row(const analysis::CountryReport& report, const std::vector<akn::Document>& documents,
                                   const AnalysisIdentity& identity, std::string report_json) {
  store::StoredFindings row;
  row.country = report.country;
  row.palermo_build = identity.palermo_build;
  row.model_version = identity.model_version;
  row.model_digest = identity.model_digest;
  row.complete = report.complete;
  row.report_json = std::move(report_json);
  auto add = [&](const akn::Document& d, bool component) {
    row.documents.push_back(
        store::FindingsDocument{store::identity_of(d), d.path, store::absolute_path(d.path), d.sha256, component});
  };
  for (const akn::Document& d : documents) {
    add(d, false);
    for (const akn::Document& c : d.components) add(c, true);
  }
  return row;
}

std::vector<std::string> stale_reasons(const store::StoredFindings& f, const AnalysisIdentity& identity,
                                       bool complete) {
  std::vector<std::string> reasons;
  if (f.model_version != identity.model_version)
    reasons.push_back("they were made with model " + f.model_version + "; this palermo reads model " +
                      identity.model_version);
  else if (f.model_digest != identity.model_digest)
    reasons.push_back("they were made with another edition of model " + f.model_version +
                      " (its patterns or obligations differ)");
  if (f.palermo_build != identity.palermo_build)
    reasons.push_back("they were made by " + f.palermo_build + "; this is " + identity.palermo_build);
  if (f.complete != complete)
    reasons.push_back(f.complete ? "they were made with --complete (give --complete to compare them)"
                                 : "they were made without --complete");
  for (const store::FindingsDocument& d : f.documents) {
    if (d.component) continue;  // a component is part of its collection's file
    std::error_code ec;
    if (!std::filesystem::exists(d.file, ec)) {
      reasons.push_back(d.path + " is gone from disk (" + d.file + "), so they cannot be checked against it");
      continue;
    }
    auto bytes = read_file(d.file);
    if (!bytes)
      reasons.push_back(d.path + " cannot be read: " + bytes.errors().front().message);
    else if (sha256_hex(*bytes) != d.sha256)
      reasons.push_back(d.path + " has changed since it was indexed");
  }
  return reasons;
}

}  // namespace palermo::cli
