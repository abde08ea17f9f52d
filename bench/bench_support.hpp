// Inputs shared by the benchmarks: the reference documents they time, read once and kept in memory.
#pragma once
#include <string>
#include <vector>

#include "akn/document.hpp"
#include "model/model.hpp"

namespace palermo::bench {

// The UK Act used as the single-document yardstick (a long, real, consolidated Act).
std::string uk_act_path();
// Every XML file under PALERMO_SHARED_DIR/akn/samples, sorted.
std::vector<std::string> sample_paths();
// The samples palermo reads (a few are deliberately broken or pre-1.0 and may be refused), parsed once.
const std::vector<akn::Document>& sample_documents();
// The embedded model, loaded once (aborts the benchmark run when it does not load).
const model::Model& embedded_model();

// One row for the FTS5 floor: the words Store::put gives FTS5 for one provision.
struct ProvisionText {
  std::string heading, text;
};
// Every provision of every sample document, pre-extracted the way Store::put extracts it.
const std::vector<ProvisionText>& sample_provision_text();

}  // namespace palermo::bench
