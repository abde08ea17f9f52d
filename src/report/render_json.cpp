// The JSON report (schema "palermo-report/1", documented field by field in reports/SCHEMA.md).
#include <nlohmann/json.hpp>

#include "report/countries.hpp"
#include "report/json_parts.hpp"
#include "report/priorities.hpp"
#include "report/report.hpp"
#include "report/summary.hpp"

namespace palermo::report {

using json = nlohmann::ordered_json;

json counts_json(const StatusCounts& c) {
  return json{{"total", c.total},
              {"met", c.met},
              {"partial", c.partial},
              {"gap", c.gap},
              {"conflict", c.conflict},
              {"not_applicable", c.not_applicable},
              {"not_assessed", c.not_assessed},
              {"not_in_documents", c.not_in_documents}};
}

json evidence_json(const analysis::Evidence& e) {
  json highlights = json::array();
  for (auto [b, en] : clean_highlights(e)) highlights.push_back(json::array({b, en}));
  json chain = json::array();
  for (const auto& l : e.chain)
    chain.push_back(
        json{{"kind", l.kind}, {"document", l.document}, {"eid", l.eid}, {"citation", l.citation}, {"label", l.label}});
  return json{{"document", e.document}, {"doc_title", e.doc_title}, {"eid", e.eid},
              {"citation", e.citation}, {"passage", e.passage},     {"highlights", highlights},
              {"matched", e.matched},   {"pattern", e.pattern},     {"language", e.language},
              {"chain", chain}};
}

json element_json(const analysis::ElementFinding& el) {
  json evidence = json::array();
  for (const auto& e : el.evidence) evidence.push_back(evidence_json(e));
  return json{{"id", el.id},
              {"title", el.title},
              {"red_flag", el.red_flag},
              {"status", std::string(analysis::to_string(el.status))},
              {"confidence", el.confidence},
              {"reason", el.reason},
              {"evidence", evidence}};
}

json finding_json(const analysis::ObligationFinding& f) {
  json elements = json::array(), red_flags = json::array();
  for (const auto& el : f.elements) elements.push_back(element_json(el));
  for (const auto& rf : f.red_flags) red_flags.push_back(element_json(rf));
  return json{{"id", f.id},
              {"instrument", f.instrument},
              {"article", f.article},
              {"title", f.title},
              {"class", std::string(model::to_string(f.klass))},
              {"layer", std::string(to_string(layer_of(f.klass)))},
              {"area", std::string(model::to_string(f.area))},
              {"status", std::string(analysis::to_string(f.status))},
              {"confidence", f.confidence},
              {"reason", f.reason},
              {"advice", f.advice},
              {"legislated_in", f.legislated_in},
              {"elements", elements},
              {"red_flags", red_flags}};
}

json document_json(const analysis::DocumentInfo& d) {
  return json{{"path", d.path},
              {"title", d.title},
              {"country", d.country},
              {"doc_type", d.doc_type},
              {"language", d.language},
              {"expression_date", d.expression_date},
              {"expression_uri", d.expression_uri},
              {"sha256", d.sha256},
              {"dialect", d.dialect},
              {"provisions", d.provisions},
              {"kinds", d.kinds}};
}

json report_json(const CountryReport& report) {
  json documents = json::array();
  for (const auto& d : report.documents) documents.push_back(document_json(d));
  json offences = json::array();
  for (const auto& o : report.offences) {
    auto years = [](double y) { return y < 0 ? json(nullptr) : json(y); };
    offences.push_back(json{{"document", o.document},
                            {"eid", o.eid},
                            {"citation", o.citation},
                            {"heading", o.heading},
                            {"trafficking", o.trafficking},
                            {"min_years", years(o.min_years)},
                            {"max_years", o.life ? json(nullptr) : years(o.max_years)},
                            {"life", o.life},
                            {"fine", o.fine},
                            {"fine_in_lieu", o.fine_in_lieu},
                            {"penalty_text", o.penalty_text},
                            {"found_by", o.found_by},
                            {"parts", o.parts},
                            {"narrow", o.narrow}});
  }
  // How the offence was found: every provision weighed, with the signals for and against it.
  json search = json::array();
  for (const auto& c : report.candidates)
    search.push_back(json{{"document", c.document},
                          {"eid", c.eid},
                          {"citation", c.citation},
                          {"heading", c.heading},
                          {"signals_for", c.signals_for},
                          {"signals_against", c.signals_against},
                          {"decision", c.decision}});
  json findings = json::array();
  for (const auto& f : report.findings) findings.push_back(finding_json(f));
  json named_laws = json::array();
  for (const analysis::NamedLaw& law : report.named_laws)
    named_laws.push_back(json{{"title", law.title},
                              {"kinds", law.kinds},
                              {"document", law.document},
                              {"eid", law.eid},
                              {"citation", law.citation},
                              {"mentions", law.mentions}});
  json recs = json::array();
  for (const Recommendation& r : recommendations(report))
    recs.push_back(json{{"number", r.number},
                        {"priority", priority_label(r.priority)},
                        {"obligation", r.finding->id},
                        {"title", r.finding->title},
                        {"article", article_label(*r.finding)},
                        {"status", analysis::to_string(r.finding->status)},
                        {"missing", r.missing},
                        {"red_flags", r.red_flags},
                        {"where", r.where},
                        {"action", r.action}});
  return json{{"schema", kReportSchema},
              {"country", report.country},
              {"country_name", country_name(report.country)},
              {"verdict", verdict(report)},
              {"named_laws", named_laws},
              {"recommendations", recs},
              {"generated", report.generated},
              {"model", json{{"version", report.model_version}}},
              {"assessment_note", kAssessmentNote},
              {"documents", documents},
              {"summary", json{{"headline", mandatory_headline(report)},
                               {"mandatory", counts_json(count_layer(report, Layer::mandatory))},
                               {"optional", counts_json(count_layer(report, Layer::optional))},
                               {"good_practice", counts_json(count_layer(report, Layer::good_practice))}}},
              {"not_assessed", report.not_assessed},
              {"offences", offences},
              {"offence_search", search},
              {"findings", findings}};
}

std::string render_json(const CountryReport& report) { return report_json(report).dump(2) + "\n"; }

}  // namespace palermo::report
