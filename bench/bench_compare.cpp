// Comparing many countries: 200 synthetic countries made from the corpus, analysed and laid out as the
// comparison matrix and its HTML heatmap, as `palermo compare` does for a regional review.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>

#include "akn/reader.hpp"
#include "analysis/analyze.hpp"
#include "bench_support.hpp"
#include "report/report.hpp"

namespace palermo::bench {
namespace {

// Removes the provisions marked in `drop` together with their subtrees, and every def, term and ref
// that stood in them, keeping parent/children indexes consistent.
akn::Document without_provisions(const akn::Document& source, const std::vector<bool>& drop) {
  akn::Document d = source;
  const std::size_t n = source.provisions.size();
  std::vector<bool> removed(n, false);
  std::vector<std::size_t> new_index(n, akn::kNoProvision);
  d.provisions.clear();
  for (std::size_t i = 0; i < n; ++i) {  // pre-order: a parent comes before its children
    const int parent = source.provisions[i].parent;
    removed[i] = drop[i] || (parent >= 0 && removed[static_cast<std::size_t>(parent)]);
    if (removed[i]) continue;
    new_index[i] = d.provisions.size();
    akn::Provision p = source.provisions[i];
    if (parent >= 0) p.parent = static_cast<int>(new_index[static_cast<std::size_t>(parent)]);
    p.children.clear();
    d.provisions.push_back(std::move(p));
  }
  for (std::size_t i = 0; i < n; ++i)
    if (!removed[i] && source.provisions[i].parent >= 0)
      d.provisions[static_cast<std::size_t>(d.provisions[new_index[i]].parent)].children.push_back(new_index[i]);
  auto keep = [&](std::size_t provision) { return provision == akn::kNoProvision || !removed[provision]; };
  auto remap = [&](std::size_t provision) { return provision == akn::kNoProvision ? provision : new_index[provision]; };
  auto filter_marks = [&](std::vector<akn::TermMark>& marks) {
    std::vector<akn::TermMark> kept;
    for (akn::TermMark m : marks)
      if (keep(m.provision)) m.provision = remap(m.provision), kept.push_back(std::move(m));
    marks = std::move(kept);
  };
  filter_marks(d.definitions);
  filter_marks(d.term_uses);
  std::vector<akn::Reference> refs;
  for (akn::Reference r : d.references)
    if (keep(r.provision)) r.provision = remap(r.provision), refs.push_back(std::move(r));
  d.references = std::move(refs);
  return d;
}

// The corpus countries as a drafter would check them: each folder's enacted documents (bills left out).
std::vector<std::vector<akn::Document>> corpus_countries() {
  std::map<std::string, std::vector<akn::Document>> by_folder;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(PALERMO_SOURCE_DIR) + "/corpus", ec)) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name.size() < 8 || name.substr(name.size() - 8) != ".akn.xml") continue;
    auto doc = akn::read_document(e.path().string());
    if (doc && doc->doc_type != "bill")
      by_folder[e.path().parent_path().filename().string()].push_back(std::move(doc).value());
  }
  std::vector<std::vector<akn::Document>> out;
  for (auto& [folder, docs] : by_folder) out.push_back(std::move(docs));
  return out;
}

struct SyntheticCountry {
  std::string code;
  std::vector<akn::Document> documents;
};

// `count` countries cycling through the corpus ones, each losing a seeded ~10% of its provisions
// (whole subtrees), so their findings differ the way real neighbours' laws do.
std::vector<SyntheticCountry> synthetic_countries(std::size_t count) {
  const auto bases = corpus_countries();
  std::vector<SyntheticCountry> out;
  if (bases.empty()) return out;
  std::mt19937 random(20261127);  // fixed seed: every run times the same 200 countries
  std::bernoulli_distribution dropped(0.10);
  for (std::size_t i = 0; i < count; ++i) {
    SyntheticCountry c;
    char code[32];
    std::snprintf(code, sizeof code, "q%03zu", i);  // q000 ... q199: user-assigned, like the corpus' xa..xe
    c.code = code;
    for (const akn::Document& base : bases[i % bases.size()]) {
      std::vector<bool> drop(base.provisions.size());
      for (std::size_t p = 0; p < drop.size(); ++p) drop[p] = dropped(random);
      akn::Document d = without_provisions(base, drop);
      d.frbr.country = c.code;
      c.documents.push_back(std::move(d));
    }
    out.push_back(std::move(c));
  }
  return out;
}

void BM_Compare_200Countries(benchmark::State& state) {
  const auto countries = synthetic_countries(static_cast<std::size_t>(state.range(0)));
  if (countries.empty()) {
    state.SkipWithError("no corpus documents");
    return;
  }
  const model::Model& model = embedded_model();
  std::size_t html_bytes = 0, distinct_columns = 0;
  for (auto _ : state) {
    std::vector<analysis::CountryReport> reports;
    reports.reserve(countries.size());
    for (const SyntheticCountry& c : countries)
      reports.push_back(analysis::analyze(c.documents, model, analysis::CheckOptions{.country = c.code}));
    const report::CompareMatrix matrix = report::build_matrix(reports);
    const std::string html = report::render_compare_html(matrix, reports);
    html_bytes = html.size();
    distinct_columns = matrix.countries.size();
    benchmark::DoNotOptimize(html.data());
  }
  state.counters["countries"] = static_cast<double>(distinct_columns);
  state.counters["html_MB"] = static_cast<double>(html_bytes) / 1e6;
}
BENCHMARK(BM_Compare_200Countries)->Arg(200)->Unit(benchmark::kMillisecond)->Iterations(1);

// The analysis alone, per corpus country, to tell how much of a comparison is analysis.
void BM_Check_CorpusCountry(benchmark::State& state) {
  const auto countries = corpus_countries();
  const std::size_t which = static_cast<std::size_t>(state.range(0));
  if (which >= countries.size()) {
    state.SkipWithError("no such corpus country");
    return;
  }
  const model::Model& model = embedded_model();
  for (auto _ : state) {
    analysis::CountryReport r = analysis::analyze(countries[which], model);
    benchmark::DoNotOptimize(r.findings.data());
  }
  state.SetLabel(countries[which].front().frbr.country);
}
BENCHMARK(BM_Check_CorpusCountry)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace palermo::bench
