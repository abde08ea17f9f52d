// Import speed: palermo's import of a plain-text statute (decode, structure grammar, AKN writer) against
// the floor of libxml2 parsing the same statute published as Akoma Ntoso, so the ratio says what
// reading a law from text costs beside reading it from XML.
#include <benchmark/benchmark.h>
#include <libxml/parser.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "bench_support.hpp"
#include "import/import.hpp"

namespace palermo::bench {
namespace {

// Rwanda's Law 51/2018 in English: a whole act of 36 articles, published both as text and as AKN.
const char* const kStatute = "rw_act_2018_51_trafficking-in-persons-and-exploitation-of-others";

std::string statute_path(const char* folder, const char* extension) {
  return std::string(PALERMO_SHARED_DIR) + "/statutes/" + folder + "/" + kStatute + extension;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

void BM_LibxmlParse_RwandaAkn(benchmark::State& state) {
  const std::string path = statute_path("akn", ".akn.xml");
  for (auto _ : state) {
    std::unique_ptr<xmlDoc, XmlDocFree> doc(xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET));
    if (!doc) {
      state.SkipWithError("the published AKN is absent (../shared not present)");
      break;
    }
    benchmark::DoNotOptimize(doc.get());
  }
}
BENCHMARK(BM_LibxmlParse_RwandaAkn)->Unit(benchmark::kMillisecond);

void BM_ImportText_Rwanda(benchmark::State& state) {
  const std::string path = statute_path("text", ".txt");
  const std::string bytes = slurp(path);
  if (bytes.empty()) {
    state.SkipWithError("the statute text is absent (../shared not present)");
    return;
  }
  import::Options options;
  options.language = "eng";
  for (auto _ : state) {
    auto imported = import::import_bytes(bytes, path, options);
    if (!imported) {
      state.SkipWithError("the import failed");
      break;
    }
    benchmark::DoNotOptimize(imported.value());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes.size()));
}
BENCHMARK(BM_ImportText_Rwanda)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace palermo::bench
