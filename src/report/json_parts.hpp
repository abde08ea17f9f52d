// JSON pieces shared by the report, comparison and diff renderers (so evidence has one shape everywhere).
#pragma once
#include <nlohmann/json.hpp>

#include "analysis/finding.hpp"
#include "report/summary.hpp"

namespace palermo::report {

nlohmann::ordered_json counts_json(const StatusCounts& c);
nlohmann::ordered_json evidence_json(const analysis::Evidence& e);
nlohmann::ordered_json element_json(const analysis::ElementFinding& el);
nlohmann::ordered_json finding_json(const analysis::ObligationFinding& f);
nlohmann::ordered_json document_json(const analysis::DocumentInfo& d);
nlohmann::ordered_json report_json(const analysis::CountryReport& report);

}  // namespace palermo::report
