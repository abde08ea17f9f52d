#include "report/findings_json.hpp"

#include <array>

namespace palermo::analysis {
namespace {

using json = nlohmann::json;

// The stored form names statuses, classes and areas as the reports do ("not in documents"), so a
// row read by a person says what it means; reading accepts exactly those names.
constexpr std::array kStatuses = {
    Status::met,          Status::partial,         Status::gap, Status::conflict, Status::not_applicable,
    Status::not_assessed, Status::not_in_documents};
constexpr std::array kClasses = {model::ObligationClass::mandatory, model::ObligationClass::qualified,
                                 model::ObligationClass::endeavour, model::ObligationClass::consider,
                                 model::ObligationClass::good_practice};
constexpr std::array kAreas = {model::Area::definition,   model::Area::criminalization, model::Area::sanctions,
                               model::Area::jurisdiction, model::Area::victims,         model::Area::prevention,
                               model::Area::cooperation};

template <class Enum, std::size_t N>
Enum enum_named(const json& j, const std::array<Enum, N>& values, const char* what) {
  if (!j.is_string())
    throw json::type_error::create(302, std::string("type must be string, but is ") + j.type_name() + " (" + what + ")",
                                   &j);
  const std::string& name = j.get_ref<const std::string&>();
  for (Enum v : values)
    if (to_string(v) == name) return v;
  throw json::other_error::create(501, std::string("unknown ") + what + " \"" + name + "\"", &j);
}

}  // namespace

void to_json(json& j, const ChainLink& v) {
  j = json{{"kind", v.kind}, {"document", v.document}, {"eid", v.eid}, {"citation", v.citation}, {"label", v.label}};
}
void from_json(const json& j, ChainLink& v) {
  j.at("kind").get_to(v.kind);
  j.at("document").get_to(v.document);
  j.at("eid").get_to(v.eid);
  j.at("citation").get_to(v.citation);
  j.at("label").get_to(v.label);
}

void to_json(json& j, const Evidence& v) {
  j = json{{"document", v.document}, {"doc_title", v.doc_title}, {"eid", v.eid},
           {"citation", v.citation}, {"passage", v.passage},     {"highlights", v.highlights},
           {"matched", v.matched},   {"pattern", v.pattern},     {"language", v.language},
           {"chain", v.chain}};
}
void from_json(const json& j, Evidence& v) {
  j.at("document").get_to(v.document);
  j.at("doc_title").get_to(v.doc_title);
  j.at("eid").get_to(v.eid);
  j.at("citation").get_to(v.citation);
  j.at("passage").get_to(v.passage);
  j.at("highlights").get_to(v.highlights);
  // The renderers cut the passage at these offsets: a hand-edited row must not point outside it.
  for (const auto& [begin, end] : v.highlights)
    if (begin > end || end > v.passage.size())
      throw json::other_error::create(501, "a highlight lies outside its passage", &j);
  j.at("matched").get_to(v.matched);
  j.at("pattern").get_to(v.pattern);
  j.at("language").get_to(v.language);
  j.at("chain").get_to(v.chain);
}

void to_json(json& j, const ElementFinding& v) {
  j = json{{"id", v.id},
           {"title", v.title},
           {"red_flag", v.red_flag},
           {"status", to_string(v.status)},
           {"confidence", v.confidence},
           {"reason", v.reason},
           {"evidence", v.evidence}};
}
void from_json(const json& j, ElementFinding& v) {
  j.at("id").get_to(v.id);
  j.at("title").get_to(v.title);
  j.at("red_flag").get_to(v.red_flag);
  v.status = enum_named(j.at("status"), kStatuses, "status");
  j.at("confidence").get_to(v.confidence);
  j.at("reason").get_to(v.reason);
  j.at("evidence").get_to(v.evidence);
}

void to_json(json& j, const ObligationFinding& v) {
  j = json{{"id", v.id},
           {"instrument", v.instrument},
           {"article", v.article},
           {"title", v.title},
           {"class", to_string(v.klass)},
           {"area", to_string(v.area)},
           {"status", to_string(v.status)},
           {"confidence", v.confidence},
           {"reason", v.reason},
           {"advice", v.advice},
           {"legislated_in", v.legislated_in},
           {"elements", v.elements},
           {"red_flags", v.red_flags}};
}
void from_json(const json& j, ObligationFinding& v) {
  j.at("id").get_to(v.id);
  j.at("instrument").get_to(v.instrument);
  j.at("article").get_to(v.article);
  j.at("title").get_to(v.title);
  v.klass = enum_named(j.at("class"), kClasses, "obligation class");
  v.area = enum_named(j.at("area"), kAreas, "area");
  v.status = enum_named(j.at("status"), kStatuses, "status");
  j.at("confidence").get_to(v.confidence);
  j.at("reason").get_to(v.reason);
  j.at("advice").get_to(v.advice);
  j.at("legislated_in").get_to(v.legislated_in);
  j.at("elements").get_to(v.elements);
  j.at("red_flags").get_to(v.red_flags);
}

void to_json(json& j, const Offence& v) {
  j = json{{"document", v.document},
           {"eid", v.eid},
           {"citation", v.citation},
           {"heading", v.heading},
           {"trafficking", v.trafficking},
           {"substitute", v.substitute},
           {"min_years", v.min_years},
           {"max_years", v.max_years},
           {"life", v.life},
           {"fine", v.fine},
           {"fine_in_lieu", v.fine_in_lieu},
           {"penalty_text", v.penalty_text},
           {"found_by", v.found_by},
           {"parts", v.parts},
           {"narrow", v.narrow}};
}
void from_json(const json& j, Offence& v) {
  j.at("document").get_to(v.document);
  j.at("eid").get_to(v.eid);
  j.at("citation").get_to(v.citation);
  j.at("heading").get_to(v.heading);
  j.at("trafficking").get_to(v.trafficking);
  j.at("substitute").get_to(v.substitute);
  j.at("min_years").get_to(v.min_years);
  j.at("max_years").get_to(v.max_years);
  j.at("life").get_to(v.life);
  j.at("fine").get_to(v.fine);
  j.at("fine_in_lieu").get_to(v.fine_in_lieu);
  j.at("penalty_text").get_to(v.penalty_text);
  j.at("found_by").get_to(v.found_by);
  j.at("parts").get_to(v.parts);
  j.at("narrow").get_to(v.narrow);
}

void to_json(json& j, const OffenceCandidate& v) {
  j = json{{"document", v.document},       {"eid", v.eid},
           {"citation", v.citation},       {"heading", v.heading},
           {"signals_for", v.signals_for}, {"signals_against", v.signals_against},
           {"decision", v.decision}};
}
void from_json(const json& j, OffenceCandidate& v) {
  j.at("document").get_to(v.document);
  j.at("eid").get_to(v.eid);
  j.at("citation").get_to(v.citation);
  j.at("heading").get_to(v.heading);
  j.at("signals_for").get_to(v.signals_for);
  j.at("signals_against").get_to(v.signals_against);
  j.at("decision").get_to(v.decision);
}

void to_json(json& j, const DocumentInfo& v) {
  j = json{{"path", v.path},
           {"title", v.title},
           {"country", v.country},
           {"doc_type", v.doc_type},
           {"language", v.language},
           {"expression_date", v.expression_date},
           {"expression_uri", v.expression_uri},
           {"sha256", v.sha256},
           {"dialect", v.dialect},
           {"provisions", v.provisions},
           {"kinds", v.kinds}};
}
void from_json(const json& j, DocumentInfo& v) {
  j.at("path").get_to(v.path);
  j.at("title").get_to(v.title);
  j.at("country").get_to(v.country);
  j.at("doc_type").get_to(v.doc_type);
  j.at("language").get_to(v.language);
  j.at("expression_date").get_to(v.expression_date);
  j.at("expression_uri").get_to(v.expression_uri);
  j.at("sha256").get_to(v.sha256);
  j.at("dialect").get_to(v.dialect);
  j.at("provisions").get_to(v.provisions);
  j.at("kinds").get_to(v.kinds);
}

void to_json(json& j, const NamedLaw& v) {
  j = json{{"title", v.title}, {"kinds", v.kinds},       {"document", v.document},
           {"eid", v.eid},     {"citation", v.citation}, {"mentions", v.mentions}};
}
void from_json(const json& j, NamedLaw& v) {
  j.at("title").get_to(v.title);
  j.at("kinds").get_to(v.kinds);
  j.at("document").get_to(v.document);
  j.at("eid").get_to(v.eid);
  j.at("citation").get_to(v.citation);
  j.at("mentions").get_to(v.mentions);
}

void to_json(json& j, const CountryReport& v) {
  j = json{{"schema", report::kFindingsSchema},
           {"country", v.country},
           {"model_version", v.model_version},
           {"generated", v.generated},
           {"documents", v.documents},
           {"offences", v.offences},
           {"candidates", v.candidates},
           {"not_assessed", v.not_assessed},
           {"unresolved_offences", v.unresolved_offences},
           {"findings", v.findings},
           {"complete", v.complete},
           {"named_laws", v.named_laws}};
}
void from_json(const json& j, CountryReport& v) {
  const std::string schema = j.at("schema").get<std::string>();
  if (schema != report::kFindingsSchema)
    throw json::other_error::create(501, "schema \"" + schema + "\", not " + report::kFindingsSchema, &j);
  j.at("country").get_to(v.country);
  j.at("model_version").get_to(v.model_version);
  j.at("generated").get_to(v.generated);
  j.at("documents").get_to(v.documents);
  j.at("offences").get_to(v.offences);
  j.at("candidates").get_to(v.candidates);
  j.at("not_assessed").get_to(v.not_assessed);
  j.at("unresolved_offences").get_to(v.unresolved_offences);
  j.at("findings").get_to(v.findings);
  j.at("complete").get_to(v.complete);
  j.at("named_laws").get_to(v.named_laws);
}

}  // namespace palermo::analysis

namespace palermo::report {

Result<std::string> write_findings_json(const analysis::CountryReport& report) {
  try {
    return nlohmann::json(report).dump();
  } catch (const nlohmann::json::exception& e) {
    return Diagnostic{.message = "the findings of " + report.country + " cannot be stored as JSON: " + e.what()};
  }
}

Result<analysis::CountryReport> read_findings_json(std::string_view text, const std::string& file,
                                                   const std::string& country) {
  try {
    return nlohmann::json::parse(text.begin(), text.end()).get<analysis::CountryReport>();
  } catch (const nlohmann::json::exception& e) {
    return Diagnostic{.file = file,
                      .message = "the stored findings of " + country + " are unreadable (" + e.what() + ")",
                      .hint = "index that country's documents again (palermo index ...) to store them anew"};
  }
}

}  // namespace palermo::report
