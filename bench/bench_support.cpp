// Inputs shared by the benchmarks (see bench_support.hpp); BENCHMARK_MAIN lives in bench_main.cpp.
#include "bench_support.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "akn/reader.hpp"

namespace palermo::bench {

std::string uk_act_path() {
  return std::string(PALERMO_SHARED_DIR) + "/akn/samples/uk/ukpga-2023-29-2024-11-01.akn.xml";
}

std::vector<std::string> sample_paths() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(std::string(PALERMO_SHARED_DIR) + "/akn/samples", ec))
    if (e.is_regular_file() && e.path().extension() == ".xml") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

const std::vector<akn::Document>& sample_documents() {
  static const std::vector<akn::Document> docs = [] {
    std::vector<akn::Document> out;
    for (const std::string& p : sample_paths())
      if (auto d = akn::read_document(p)) out.push_back(std::move(d).value());
    return out;
  }();
  return docs;
}

const model::Model& embedded_model() {
  static const model::Model m = [] {
    auto loaded = model::load_model("");
    if (!loaded) {
      // A benchmark of the analysis without its model would measure nothing; stop loudly.
      for (const auto& d : loaded.errors()) std::fprintf(stderr, "%s\n", d.format().c_str());
      std::abort();
    }
    return std::move(loaded).value();
  }();
  return m;
}

const std::vector<ProvisionText>& sample_provision_text() {
  static const std::vector<ProvisionText> rows = [] {
    std::vector<ProvisionText> out;
    // Store::put indexes every document and its components, each provision's own text + wrap-up.
    auto add = [&](const akn::Document& d, auto&& self) -> void {
      for (const akn::Provision& p : d.provisions) {
        std::string own = p.text;
        if (!p.wrap_up.empty()) own += (own.empty() ? "" : " ") + p.wrap_up;
        out.push_back({p.heading, std::move(own)});
      }
      for (const akn::Document& c : d.components) self(c, self);
    };
    for (const akn::Document& d : sample_documents()) add(d, add);
    return out;
  }();
  return rows;
}

}  // namespace palermo::bench
