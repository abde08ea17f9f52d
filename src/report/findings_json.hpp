// A CountryReport as JSON that reads back into the same struct (from_json(to_json(r)) == r), for the
// findings `palermo index` stores and `palermo compare --db` reads. Unlike render_json, which is
// written for people and other programs, this form keeps every field exactly, and only that: nothing
// derived (verdicts, recommendations, country names) is stored, since it is derived again on reading.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "analysis/finding.hpp"
#include "util/result.hpp"

namespace palermo::analysis {

// One pair per struct of finding.hpp, found by nlohmann::json through argument-dependent lookup.
// from_json throws nlohmann::json::exception on a missing field, a wrong type or an unknown status;
// read_findings_json turns that into a diagnostic.
void to_json(nlohmann::json& j, const ChainLink& v);
void from_json(const nlohmann::json& j, ChainLink& v);
void to_json(nlohmann::json& j, const Evidence& v);
void from_json(const nlohmann::json& j, Evidence& v);
void to_json(nlohmann::json& j, const ElementFinding& v);
void from_json(const nlohmann::json& j, ElementFinding& v);
void to_json(nlohmann::json& j, const ObligationFinding& v);
void from_json(const nlohmann::json& j, ObligationFinding& v);
void to_json(nlohmann::json& j, const Offence& v);
void from_json(const nlohmann::json& j, Offence& v);
void to_json(nlohmann::json& j, const OffenceCandidate& v);
void from_json(const nlohmann::json& j, OffenceCandidate& v);
void to_json(nlohmann::json& j, const DocumentInfo& v);
void from_json(const nlohmann::json& j, DocumentInfo& v);
void to_json(nlohmann::json& j, const NamedLaw& v);
void from_json(const nlohmann::json& j, NamedLaw& v);
void to_json(nlohmann::json& j, const CountryReport& v);
void from_json(const nlohmann::json& j, CountryReport& v);

}  // namespace palermo::analysis

namespace palermo::report {

// Names the stored form; a reader refuses any other.
inline constexpr const char* kFindingsSchema = "palermo-findings/1";

// The report as compact JSON, or a diagnostic when it cannot be written as JSON (a string that is
// not UTF-8).
Result<std::string> write_findings_json(const analysis::CountryReport& report);
// Reads what write_findings_json wrote. Anything else (truncated, hand-edited, another schema,
// highlights outside their passage) gives a diagnostic naming `file` (the index) and `country`,
// never a crash.
Result<analysis::CountryReport> read_findings_json(std::string_view text, const std::string& file,
                                                   const std::string& country);

}  // namespace palermo::report
