// Import speed: palermo's import of a plain-text statute (decode, structure grammar, AKN writer) against
// the floor of libxml2 parsing the same statute published as Akoma Ntoso, so the ratio says what
// reading a law from text costs beside reading it from XML. And whole processes: `palermo import` of
// a PDF of a whole statute (two columns, hyphenated, running heads; written by the tests' PDF
// writer) against `pdftotext` of the same file, and of the statute's text against `cat`.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <poppler-document.h>
#include <poppler-page.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "import/import.hpp"
#include "tests/import/fixtures.hpp"

extern char** environ;

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

// ---- PDF ---------------------------------------------------------------------------------------

// Namibia's Combating of Trafficking in Persons Act 2018, the whole act (38 kB of text), set as a
// gazette sets it: two justified columns, words hyphenated at line ends, a running head and a page
// number on each of its 10 pages.
const char* const kPdfStatute = "na_act_2018_1_combating-of-trafficking-in-persons";

struct PdfFixture {
  std::string text_path, pdf_path, pdf;
  ~PdfFixture() {
    if (!pdf_path.empty()) std::filesystem::remove(pdf_path);
  }
};

const PdfFixture& pdf_fixture() {
  static const PdfFixture fixture = [] {
    PdfFixture f;
    f.text_path = std::string(PALERMO_SHARED_DIR) + "/statutes/text/" + kPdfStatute + ".txt";
    const std::string text = slurp(f.text_path);
    if (text.empty()) return f;
    import::fixtures::PdfLayout layout;
    layout.running_head = "GOVERNMENT GAZETTE OF THE REPUBLIC OF NAMIBIA";
    f.pdf = import::fixtures::statute_pdf(text, layout);
    f.pdf_path = import::fixtures::temp_path(std::string(kPdfStatute) + ".pdf");
    std::ofstream(f.pdf_path, std::ios::binary) << f.pdf;
    return f;
  }();
  return fixture;
}

// palermo beside this benchmark binary in the build folder, or $PALERMO_BINARY.
std::string palermo_binary() {
  if (const char* p = std::getenv("PALERMO_BINARY")) return p;
  return (std::filesystem::read_symlink("/proc/self/exe").parent_path() / "palermo").string();
}

// Runs argv[0] (looked up on PATH) with standard output and error to /dev/null; its exit code.
int run_quietly(const std::vector<std::string>& args) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void whole_process(benchmark::State& state, const std::vector<std::string>& args) {
  if (pdf_fixture().pdf.empty()) {
    state.SkipWithError("the statute text is absent (../shared not present)");
    return;
  }
  if (run_quietly(args) != 0) {
    state.SkipWithError((args[0] + " is missing or failed (bash scripts/dev.sh deps; build palermo)").c_str());
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(run_quietly(args));
}

void BM_WholeProcess_Pdftotext_NamibiaPdf(benchmark::State& state) {
  whole_process(state, {"pdftotext", pdf_fixture().pdf_path, "/dev/null"});
}
BENCHMARK(BM_WholeProcess_Pdftotext_NamibiaPdf)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WholeProcess_PalermoImport_NamibiaPdf(benchmark::State& state) {
  whole_process(state, {palermo_binary(), "import", "-q", pdf_fixture().pdf_path, "-o", "/dev/null"});
}
BENCHMARK(BM_WholeProcess_PalermoImport_NamibiaPdf)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WholeProcess_Cat_NamibiaText(benchmark::State& state) {
  // `cat X.txt > /dev/null`: the shell's redirection is the spawn's.
  whole_process(state, {"cat", pdf_fixture().text_path});
}
BENCHMARK(BM_WholeProcess_Cat_NamibiaText)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WholeProcess_PalermoImport_NamibiaText(benchmark::State& state) {
  whole_process(state, {palermo_binary(), "import", "-q", pdf_fixture().text_path, "-o", "/dev/null"});
}
BENCHMARK(BM_WholeProcess_PalermoImport_NamibiaText)->Unit(benchmark::kMillisecond)->UseRealTime();

// In process: poppler's own text of every page (what pdftotext does) against palermo's PDF import
// (poppler's words, reading order, structure, AKN).
void BM_PopplerPageText_NamibiaPdf(benchmark::State& state) {
  const std::string& pdf = pdf_fixture().pdf;
  if (pdf.empty()) {
    state.SkipWithError("the statute text is absent (../shared not present)");
    return;
  }
  for (auto _ : state) {
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
    std::size_t bytes = 0;
    for (int p = 0; p < doc->pages(); ++p) {
      std::unique_ptr<poppler::page> page(doc->create_page(p));
      bytes += page->text().size();
    }
    benchmark::DoNotOptimize(bytes);
  }
}
BENCHMARK(BM_PopplerPageText_NamibiaPdf)->Unit(benchmark::kMillisecond);

void BM_ImportPdf_NamibiaPdf(benchmark::State& state) {
  const std::string& pdf = pdf_fixture().pdf;
  if (pdf.empty()) {
    state.SkipWithError("the statute text is absent (../shared not present)");
    return;
  }
  for (auto _ : state) {
    auto imported = import::import_bytes(pdf, std::string(kPdfStatute) + ".pdf", {});
    if (!imported) {
      state.SkipWithError("the import failed");
      break;
    }
    benchmark::DoNotOptimize(imported.value());
  }
}
BENCHMARK(BM_ImportPdf_NamibiaPdf)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace palermo::bench
