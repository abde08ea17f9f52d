// Helpers for the analysis tests: load the real statutes and the project's model once, and find
// findings by id.
#pragma once
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "akn/reader.hpp"
#include "analysis/analyze.hpp"
#include "model/model.hpp"

namespace palermo::analysis::testing {

inline const std::string kStatutes = std::string(PALERMO_SHARED_DIR) + "/statutes/akn/";

inline akn::Document load_document(const std::string& path) {
  auto r = akn::read_document(path);
  if (!r.ok()) {
    ADD_FAILURE() << r.errors().front().format();
    return {};
  }
  return std::move(r).value();
}

inline const model::Model& project_model() {
  static const model::Model model = [] {
    auto m = model::load_model(std::string(PALERMO_SOURCE_DIR) + "/protocol-model");
    if (!m.ok()) {
      ADD_FAILURE() << m.errors().front().format();
      return model::Model{};
    }
    return std::move(m).value();
  }();
  return model;
}

// The report for one statute of /work/shared/statutes/akn, analysed once per test binary.
inline const CountryReport& report_for(const std::string& file) {
  static std::map<std::string, CountryReport> cache;
  auto it = cache.find(file);
  if (it == cache.end()) {
    std::vector<akn::Document> docs{load_document(kStatutes + file)};
    it = cache.emplace(file, analyze(docs, project_model())).first;
  }
  return it->second;
}

inline const ObligationFinding& obligation(const CountryReport& r, const std::string& id) {
  for (const auto& f : r.findings)
    if (f.id == id) return f;
  ADD_FAILURE() << "no obligation " << id;
  static const ObligationFinding none;
  return none;
}

inline const ElementFinding& element(const CountryReport& r, const std::string& obligation_id, const std::string& id) {
  const ObligationFinding& o = obligation(r, obligation_id);
  for (const auto* list : {&o.elements, &o.red_flags})
    for (const auto& e : *list)
      if (e.id == id) return e;
  ADD_FAILURE() << "no element " << obligation_id << "/" << id;
  static const ElementFinding none;
  return none;
}

// True when the first evidence stands in the provision `eid` or inside it.
inline bool cites_within(const ElementFinding& e, const std::string& eid) {
  if (e.evidence.empty()) return false;
  const std::string& got = e.evidence.front().eid;
  return got == eid || got.rfind(eid + "__", 0) == 0;
}

inline std::string first_eid(const ElementFinding& e) { return e.evidence.empty() ? "(none)" : e.evidence.front().eid; }

}  // namespace palermo::analysis::testing
