// A realistic hand-built gap report for a fictional country (Arcadia, "xz"): two documents, findings in
// every status and layer, a chain through a defined term, a red flag, and a hostile passage.
#pragma once
#include <string>
#include <vector>

#include "akn/document.hpp"
#include "analysis/finding.hpp"

namespace palermo::report::fixture {

using analysis::ChainLink;
using analysis::CountryReport;
using analysis::ElementFinding;
using analysis::Evidence;
using analysis::ObligationFinding;
using analysis::Status;
using model::Area;
using model::ObligationClass;

inline const char* kActPath = "fixture/xz-act.akn.xml";
inline const char* kPenalPath = "fixture/xz-penal-code.akn.xml";

inline const char* kDefinitions =
    "In this Act \"exploitation\" includes forced labour, slavery, servitude and sexual exploitation.";
inline const char* kOffence =
    "A person who recruits, transports or harbours another person by means of threat, force or deception for "
    "the purpose of exploitation commits an offence.";
inline const char* kPenalty =
    "A person convicted under subsection (1) is liable to a fine not exceeding 10 000 dollars or to "
    "imprisonment for a term not exceeding three years.";
inline const char* kVictims =
    "A victim who is a woman or child shall be provided with shelter <script>alert('x')</script> & care.";
inline const char* kAttempt = "Any person who attempts to commit an offence is liable to the same punishment.";

inline akn::Provision provision(std::string eid, std::string citation, std::string heading, std::string text,
                                int parent = -1, int depth = 0) {
  akn::Provision p;
  p.element = depth == 0 ? "section" : "subsection";
  p.eid = std::move(eid);
  p.citation = std::move(citation);
  p.num = p.citation;
  p.heading = std::move(heading);
  p.text = std::move(text);
  p.parent = parent;
  p.depth = depth;
  return p;
}

inline std::vector<akn::Document> documents() {
  akn::Document act;
  act.path = kActPath;
  act.title = "Prevention of Trafficking in Persons Act, 2024";
  act.doc_type = "act";
  act.frbr.country = "xz";
  act.provisions = {
      provision("sec_1", "s 1", "Definitions", kDefinitions),
      provision("sec_3", "s 3", "Trafficking in persons", ""),
      provision("sec_3__subsec_1", "s 3(1)", "", kOffence, 1, 1),
      provision("sec_3__subsec_2", "s 3(2)", "", kPenalty, 1, 1),
      provision("sec_4", "s 4", "Assistance to victims", kVictims),
  };
  act.provisions[1].children = {2, 3};
  akn::Document penal;
  penal.path = kPenalPath;
  penal.title = "Penal Code (General Part)";
  penal.doc_type = "act";
  penal.frbr.country = "xz";
  penal.provisions = {provision("sec_20", "s 20", "Attempt", kAttempt)};
  return {act, penal};
}

// Evidence with each of `words` highlighted at its first occurrence in `passage`.
inline Evidence evidence(std::string document, std::string eid, std::string citation, std::string passage,
                         const std::vector<std::string>& words, std::vector<ChainLink> chain = {}) {
  Evidence e;
  e.document = document;
  e.doc_title = document == kActPath ? "Prevention of Trafficking in Persons Act, 2024" : "Penal Code (General Part)";
  e.eid = std::move(eid);
  e.citation = std::move(citation);
  e.passage = std::move(passage);
  for (const auto& w : words) {
    auto at = e.passage.find(w);
    if (at == std::string::npos) continue;
    e.highlights.emplace_back(static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + w.size()));
    e.matched += (e.matched.empty() ? "" : " … ") + w;
  }
  e.pattern = "fixture pattern";
  e.language = "en";
  e.chain = std::move(chain);
  return e;
}

inline ElementFinding element(std::string id, std::string title, Status status, std::string reason,
                              std::vector<Evidence> ev = {}, bool red_flag = false) {
  ElementFinding el;
  el.id = std::move(id);
  el.title = std::move(title);
  el.status = status;
  el.reason = std::move(reason);
  el.evidence = std::move(ev);
  el.red_flag = red_flag;
  el.confidence = status == Status::met ? 0.9 : 0.6;
  return el;
}

inline ObligationFinding obligation(std::string id, std::string instrument, std::string article, std::string title,
                                    ObligationClass klass, Area area, Status status, std::string reason,
                                    std::vector<ElementFinding> elements, std::string advice = "") {
  ObligationFinding f;
  f.id = std::move(id);
  f.instrument = std::move(instrument);
  f.article = std::move(article);
  f.title = std::move(title);
  f.klass = klass;
  f.area = area;
  f.status = status;
  f.reason = std::move(reason);
  f.elements = std::move(elements);
  f.advice = advice.empty() ? "Amend the offence to state this requirement expressly." : std::move(advice);
  f.confidence = 0.8;
  return f;
}

inline CountryReport report() {
  CountryReport r;
  r.country = "xz";
  r.model_version = "2026.11-fixture";
  r.generated = "2026-11-27T12:00:00Z";
  analysis::DocumentInfo act{kActPath,
                             "Prevention of Trafficking in Persons Act, 2024",
                             "xz",
                             "act",
                             "eng",
                             "2024-03-01",
                             "/akn/xz/act/2024/3/eng@2024-03-01",
                             "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
                             "akn-3.0",
                             5};
  analysis::DocumentInfo penal{kPenalPath,
                               "Penal Code (General Part)",
                               "xz",
                               "act",
                               "eng",
                               "2019-01-01",
                               "/akn/xz/act/2019/1/eng@2019-01-01",
                               "aa1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1ff",
                               "akn-3.0",
                               1};
  r.documents = {act, penal};
  analysis::Offence offence;
  offence.document = kActPath;
  offence.eid = "sec_3__subsec_1";
  offence.citation = "s 3(1)";
  offence.heading = "Trafficking in persons";
  offence.trafficking = true;
  offence.max_years = 3;
  offence.fine = true;
  offence.fine_in_lieu = true;
  offence.penalty_text = "a fine not exceeding 10 000 dollars or to imprisonment for a term not exceeding three years";
  r.offences = {offence};

  auto offence_ev = [](std::vector<std::string> words) {
    return evidence(kActPath, "sec_3__subsec_1", "s 3(1)", kOffence, words);
  };
  std::vector<ChainLink> via_definition = {
      {"offence", kActPath, "sec_3__subsec_1", "s 3(1)", "uses the defined term 'exploitation'"},
      {"defined-term", kActPath, "sec_1", "s 1", "defines 'exploitation'"}};

  r.findings = {
      obligation("tip.3a.acts", "Protocol", "3(a)", "Acts: recruitment, transportation, transfer, harbouring, receipt",
                 ObligationClass::mandatory, Area::definition, Status::partial,
                 "Three of the five acts are in the offence; transfer and receipt are missing.",
                 {element("recruitment", "Recruitment", Status::met, "The offence names recruitment.",
                          {offence_ev({"recruits"})}),
                  element("transportation", "Transportation", Status::met, "The offence names transport.",
                          {offence_ev({"transports"})}),
                  element("harbouring", "Harbouring", Status::met, "The offence names harbouring.",
                          {offence_ev({"harbours"})}),
                  element("transfer", "Transfer", Status::gap, "No word for transfer in the offence."),
                  element("receipt", "Receipt", Status::gap, "No word for receipt in the offence.")},
                 "Add \"transfers\" and \"receives\" to the acts listed in s 3(1)."),
      obligation("tip.3a.means", "Protocol", "3(a)", "Means", ObligationClass::mandatory, Area::definition, Status::met,
                 "The offence lists threat, force and deception.",
                 {element("threat", "Threat or use of force", Status::met, "Named in the offence.",
                          {offence_ev({"threat", "force"})})}),
      obligation("tip.3a.purpose", "Protocol", "3(a)", "Purpose: exploitation at a minimum", ObligationClass::mandatory,
                 Area::definition, Status::met, "Exploitation is defined to include the minimum forms.",
                 {element("forced-labour", "Forced labour or services", Status::met,
                          "Reached through the definition of 'exploitation'.",
                          {evidence(kActPath, "sec_1", "s 1", kDefinitions, {"forced labour"}, via_definition)})}),
      obligation("untoc.34.2", "UNTOC", "34(2)", "No transnationality or organized group required",
                 ObligationClass::mandatory, Area::criminalization, Status::met,
                 "The offence requires neither a border crossing nor an organized criminal group.",
                 {element("no-transnationality", "No transnational element", Status::met, "None required.",
                          {offence_ev({"another person"})})}),
      obligation("tip.5.2a.attempt", "Protocol", "5(2)(a)", "Attempt", ObligationClass::qualified,
                 Area::criminalization, Status::met, "The general part punishes attempts to commit any offence.",
                 {element("attempt", "Attempt", Status::met, "General attempt rule.",
                          {evidence(kPenalPath, "sec_20", "s 20", kAttempt, {"attempts"})})}),
      obligation(
          "untoc.11.1.sanctions", "UNTOC", "11(1)", "Sanctions: \"serious crime\", four years at least",
          ObligationClass::mandatory, Area::sanctions, Status::conflict,
          "A fine may replace imprisonment, and the maximum is three years.",
          {element("threshold", "Maximum penalty of at least four years", Status::gap, "The maximum is three years.",
                   {evidence(kActPath, "sec_3__subsec_2", "s 3(2)", kPenalty, {"three years"})})},
          "Provide imprisonment of at least four years and remove the fine as an alternative."),
      obligation("tip.6.6.compensation", "Protocol", "6(6)", "Compensation for victims", ObligationClass::mandatory,
                 Area::victims, Status::gap, "No provision offers victims the possibility of compensation.",
                 {element("compensation", "Possibility of compensation", Status::gap, "Nothing found.")},
                 "Add a provision allowing courts to order compensation to victims."),
      obligation("tip.6.3.recovery", "Protocol", "6(3)", "Recovery: housing, counselling, medical assistance",
                 ObligationClass::consider, Area::victims, Status::partial, "Shelter is provided, but only to some.",
                 {element("housing", "Appropriate housing", Status::met, "Shelter is provided.",
                          {evidence(kActPath, "sec_4", "s 4", kVictims, {"shelter"})})}),
      obligation("gp.non-punishment", "ModelLaw", "10", "Non-punishment of victims", ObligationClass::good_practice,
                 Area::victims, Status::gap, "No non-punishment clause.",
                 {element("non-punishment", "Non-punishment clause", Status::gap, "Nothing found.")}),
  };
  // The red flag: a fine may replace imprisonment.
  r.findings[5].red_flags = {element(
      "fine-in-lieu", "A fine may replace imprisonment", Status::conflict, "The penalty allows a fine alone.",
      {evidence(kActPath, "sec_3__subsec_2", "s 3(2)", kPenalty, {"a fine not exceeding 10 000 dollars or"})}, true)};
  return r;
}

}  // namespace palermo::report::fixture
