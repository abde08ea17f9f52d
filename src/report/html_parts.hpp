// Mustache data for the pieces the HTML pages share (finding, element, evidence, documents, page frame).
#pragma once
#include <string>
#include <vector>

#include "analysis/finding.hpp"
#include "report/templates.hpp"

namespace palermo::report {

std::string percent(int part, int whole);
std::string status_class(analysis::Status s);  // "met", "partial", "gap", "conflict", "not-applicable"
mustache::data evidence_data(const analysis::Evidence& e, const std::vector<analysis::DocumentInfo>& documents);
mustache::data element_data(const analysis::ElementFinding& el, const std::vector<analysis::DocumentInfo>& documents);
mustache::data finding_data(const analysis::ObligationFinding& f, const std::vector<analysis::DocumentInfo>& documents);
mustache::data documents_data(const std::vector<analysis::DocumentInfo>& documents);
// country (page title), note, css, js.
mustache::data page_basics(const std::string& title_country);

}  // namespace palermo::report
