// Single-document speed on the UK Act: libxml2's bare parse (the floor), palermo's reader, and a full check.
#include <benchmark/benchmark.h>
#include <libxml/parser.h>

#include <memory>

#include "akn/reader.hpp"
#include "analysis/analyze.hpp"
#include "bench_support.hpp"

namespace palermo::bench {
namespace {

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

// What xmllint --noout costs inside a process: parse to a tree and free it, nothing else.
void BM_LibxmlParse_UkAct(benchmark::State& state) {
  const std::string path = uk_act_path();
  for (auto _ : state) {
    std::unique_ptr<xmlDoc, XmlDocFree> doc(xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET));
    if (!doc) {
      state.SkipWithError("the UK Act does not parse");
      break;
    }
    benchmark::DoNotOptimize(doc.get());
  }
}
BENCHMARK(BM_LibxmlParse_UkAct)->Unit(benchmark::kMillisecond);

void BM_ReadDocument_UkAct(benchmark::State& state) {
  const std::string path = uk_act_path();
  std::size_t provisions = 0;
  for (auto _ : state) {
    auto doc = akn::read_document(path);
    if (!doc) {
      state.SkipWithError("akn::read_document refused the UK Act");
      break;
    }
    provisions = doc->provisions.size();
    benchmark::DoNotOptimize(provisions);
  }
  state.counters["provisions"] = static_cast<double>(provisions);
}
BENCHMARK(BM_ReadDocument_UkAct)->Unit(benchmark::kMillisecond);

// `palermo check` without the rendering: read the Act and analyse it against the embedded model
// (the model is loaded once, outside the loop, as it is compiled in).
void BM_Check_UkAct(benchmark::State& state) {
  const std::string path = uk_act_path();
  const model::Model& model = embedded_model();
  std::size_t findings = 0;
  for (auto _ : state) {
    auto doc = akn::read_document(path);
    if (!doc) {
      state.SkipWithError("akn::read_document refused the UK Act");
      break;
    }
    std::vector<akn::Document> docs;
    docs.push_back(std::move(doc).value());
    analysis::CountryReport report = analysis::analyze(docs, model);
    findings = report.findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_Check_UkAct)->Unit(benchmark::kMillisecond);

void BM_LoadEmbeddedModel(benchmark::State& state) {
  for (auto _ : state) {
    auto m = model::load_model("");
    benchmark::DoNotOptimize(m.ok());
  }
}
BENCHMARK(BM_LoadEmbeddedModel)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace palermo::bench
