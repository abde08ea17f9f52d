// analyze(): documents + model -> CountryReport. Builds the shared views once (flattened texts,
// offences, definitions, scopes), then evaluates every obligation in model order.
#include "analysis/analyze.hpp"

#include <chrono>
#include <ctime>

#include "analysis/corpus.hpp"
#include "analysis/definitions.hpp"
#include "analysis/evaluate.hpp"
#include "analysis/offences.hpp"
#include "analysis/scope.hpp"

namespace palermo::analysis {

namespace {

std::string now_iso8601() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

CountryReport analyze(const std::vector<akn::Document>& documents, const model::Model& model,
                      const CheckOptions& options) {
  CountryReport report;
  report.model_version = model.version;
  report.generated = now_iso8601();
  for (const akn::Document& d : documents) {
    DocumentInfo info;
    info.path = d.path;
    info.title = d.title;
    info.country = d.frbr.country;
    info.doc_type = d.doc_type;
    info.language = d.frbr.language;
    info.expression_date = d.frbr.expression_date;
    info.expression_uri = d.frbr.expression_uri;
    info.sha256 = d.sha256;
    info.dialect = d.dialect;
    info.provisions = d.provisions.size();
    report.documents.push_back(std::move(info));
  }
  report.country = options.country;
  if (report.country.empty())
    for (const akn::Document& d : documents)
      if (!d.frbr.country.empty()) {
        report.country = d.frbr.country;
        break;
      }

  Corpus corpus(documents);
  std::vector<OffenceSite> offences = find_offences(corpus);
  Definitions definitions = find_definitions(corpus);
  Scopes scopes = build_scopes(corpus, offences, definitions);
  for (const OffenceSite& o : offences) report.offences.push_back(o.info);

  Evaluator evaluator(corpus, offences, definitions, scopes);
  for (const model::Obligation& o : model.obligations) report.findings.push_back(evaluator.evaluate(o));
  return report;
}

}  // namespace palermo::analysis
