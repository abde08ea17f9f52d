// palermo index FILE|DIR... [--db PATH]: read statutes and add them to the full-text store.
#include <unistd.h>

#include <cstdio>
#include <cxxopts.hpp>
#include <filesystem>
#include <future>
#include <optional>
#include <thread>

#include "akn/reader.hpp"
#include "analysis/analyze.hpp"
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/inputs.hpp"
#include "cli/report_inputs.hpp"
#include "cli/stored_findings.hpp"
#include "import/import.hpp"
#include "report/findings_json.hpp"
#include "store/store.hpp"

namespace palermo::cli {
namespace {

constexpr const char* kIndexHelpTail = R"(
Each country's documents are also analysed, and its findings stored in the index with the SHA-256 of
every document, the model's version and digest and this palermo's build, so that
`palermo compare --db INDEX` can compare the countries without analysing them again. A country is
its documents' FRBRcountry; a folder's bills are left out of its findings (they are still indexed
for search). Index a country's documents in one run: findings made from part of them are not
served. --no-findings indexes for search only.
)";

void draw_progress(std::size_t done, std::size_t total) {
  const int width = 30;
  int filled = total == 0 ? width : static_cast<int>(width * done / total);
  std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled, "##############################", width - filled, "", done,
               total);
  if (done == total) std::fputc('\n', stderr);
  std::fflush(stderr);
}

// One country's documents of this run, for its findings.
struct CountryDocuments {
  std::string country;  // FRBRcountry
  std::vector<akn::Document> documents;
};

// Analyses every country of the run (on every core) and stores its findings in one transaction.
// Returns the number of countries stored, or nothing when the index could not be written.
std::optional<std::size_t> store_findings(store::Store& store, const std::vector<CountryDocuments>& countries,
                                          const model::Model& model, bool complete, int& failures) {
  std::vector<const std::vector<akn::Document>*> inputs;
  for (const CountryDocuments& c : countries) inputs.push_back(&c.documents);
  analysis::CheckOptions options;
  options.complete = complete;
  const std::vector<analysis::CountryReport> reports = analysis::analyze_countries(inputs, model, options);
  const AnalysisIdentity identity = analysis_identity(model);
  if (auto err = store.begin_batch()) {
    print_diagnostics({*err});
    return std::nullopt;
  }
  std::size_t stored = 0;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    auto json = report::write_findings_json(reports[i]);
    if (!json) {
      print_diagnostics(json.errors());
      ++failures;
      continue;
    }
    store::StoredFindings row = findings_row(reports[i], countries[i].documents, identity, std::move(*json));
    auto put = store.put_findings(row);
    if (!put) {
      print_diagnostics(put.errors());
      return std::nullopt;
    }
    // Said now rather than only when compare --db refuses them: findings made from part of a country.
    auto disagreements = store.findings_disagreements(row);
    if (disagreements && !disagreements->empty()) {
      std::fprintf(stderr,
                   "palermo index: warning: the findings of %s were made from this run's documents only, and "
                   "'compare --db' will not use them:\n",
                   row.country.c_str());
      for (const std::string& d : *disagreements) std::fprintf(stderr, "  - %s\n", d.c_str());
      std::fprintf(stderr, "  hint: index all of %s's documents in one run\n", row.country.c_str());
    }
    ++stored;
  }
  if (auto err = store.commit_batch()) {
    print_diagnostics({*err});
    return std::nullopt;
  }
  return stored;
}

}  // namespace

int cmd_index(int argc, char** argv) {
  CommandLine cl("index",
                 "Add Akoma Ntoso statutes to the full-text index (SQLite FTS5).\n"
                 "A DIR stands for every *.xml file below it. Re-indexing a document "
                 "replaces it (matched by FRBR expression URI, else path).");
  cl.add()("db", "index database (default: $PALERMO_DB, else ./palermo.db)",
           cxxopts::value<std::string>()->default_value(""))("q,quiet", "no progress bar or summary")(
      "complete", "store the findings as 'palermo compare --complete' makes them")(
      "no-findings", "index for search only: do not analyse the countries nor store their findings");
  cl.model().skip_unreadable().operand("inputs", "files or folders", true).operands_usage("FILE|DIR...");
  if (auto rc = cl.parse(argc, argv, kIndexHelpTail)) return *rc;
  const auto& args = cl.args();
  if (!args.count("inputs")) {
    std::fprintf(stderr, "palermo index: name at least one FILE or DIR to index\n");
    return exit_usage;
  }
  std::vector<InputProblem> missing;
  // Each file remembers whether a folder gave it: a folder's bills are left out of its findings.
  std::vector<std::string> files;
  std::vector<bool> from_folder;
  for (const std::string& operand : args["inputs"].as<std::vector<std::string>>()) {
    std::error_code ec;
    const bool is_dir = std::filesystem::is_directory(operand, ec);
    for (std::string& f : expand_inputs({operand}, &missing)) {
      files.push_back(std::move(f));
      from_folder.push_back(is_dir);
    }
  }
  const bool inputs_failed = input_problems_fail(missing, args.count("skip-unreadable") > 0);
  if (files.empty()) {
    std::fprintf(stderr, "palermo index: no .xml files to index\n");
    return exit_input;
  }
  const std::string db_path = default_db_path(args["db"].as<std::string>());
  const bool quiet = args.count("quiet") > 0;
  const bool progress = !quiet && isatty(2) && files.size() > 1;
  const bool findings = !cl.has("no-findings");
  std::optional<model::Model> model;
  if (findings) {
    model = load_model_for("index", cl.model_dir());
    if (!model) return exit_input;
  }
  std::vector<CountryDocuments> countries;
  auto country_for = [&](const std::string& code) -> CountryDocuments& {
    for (CountryDocuments& c : countries)
      if (c.country == code) return c;
    countries.push_back(CountryDocuments{code, {}});
    return countries.back();
  };
  std::size_t without_country = 0;
  // Another indexer holding the database is waited for (PALERMO_LOCK_WAIT_S bounds the wait).
  store::LockWait wait = store::default_lock_wait();
  wait.report = [&](double seconds) {
    std::fprintf(stderr,
                 "%spalermo index: %s is locked by another process (another 'palermo index'?); waiting (%.0f s, at "
                 "most %.0f s)\n",
                 progress ? "\n" : "", db_path.c_str(), seconds, static_cast<double>(wait.max_wait.count()) / 1000.0);
    std::fflush(stderr);
  };
  auto store = store::Store::open(db_path, /*read_only=*/false, wait);
  if (!store) {
    print_diagnostics(store.errors());
    return exit_input;
  }

  int failures = inputs_failed ? 1 : 0;
  bool unreadable_seen = false;
  std::size_t provisions = 0, replaced = 0, stored = 0;
  // The documents put in the current batch: a batch that fails is rolled back whole, and then these
  // (and the ones not reached) are named as not indexed.
  std::vector<std::string> batch;
  std::size_t batch_provisions = 0, batch_replaced = 0;
  auto give_up = [&](const Diagnostic& why, std::size_t next_file) {
    if (progress) std::fputc('\n', stderr);
    print_diagnostics({why});
    std::vector<std::string> lost = batch;
    for (std::size_t k = next_file; k < files.size(); ++k) lost.push_back(files[k]);
    stored -= batch.size();
    provisions -= batch_provisions;
    replaced -= batch_replaced;
    std::fprintf(stderr, "palermo index: %zu document(s) not indexed; the index holds what it held before them:\n",
                 lost.size());
    for (const auto& f : lost) std::fprintf(stderr, "  %s\n", f.c_str());
    std::fprintf(
        stderr,
        "  hint: free space on the disk holding %s (or fix what is reported above) and run the same command again\n",
        db_path.c_str());
    if (!quiet && stored > 0)
      std::fprintf(stderr, "palermo index: %zu document(s) indexed before the failure\n", stored);
  };

  // Reading and parsing XML runs on a worker thread while the main thread writes the previous file:
  // SQLite writes are serial, parsing is not.
  auto read = [](const std::string& path) { return import::load_document(path); };
  std::future<Result<akn::Document>> next = std::async(std::launch::async, read, files[0]);
  // Commit every few dozen files: few FTS5 flushes, yet a long run keeps its progress if stopped.
  constexpr std::size_t kBatch = 64;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (i % kBatch == 0) {
      if (auto err = store->commit_batch()) {
        next.wait();
        give_up(*err, i);
        return exit_input;
      }
      batch.clear();
      batch_provisions = batch_replaced = 0;
      if (auto err = store->begin_batch()) {
        next.wait();
        give_up(*err, i);
        return exit_input;
      }
    }
    auto doc = next.get();
    if (i + 1 < files.size()) next = std::async(std::launch::async, read, files[i + 1]);
    if (!doc) {
      if (progress) std::fputc('\n', stderr);
      print_diagnostics(doc.errors());
      ++failures;
      unreadable_seen = true;
    } else {
      auto put = store->put(*doc);
      if (!put) {
        if (!store->in_batch()) {  // storage failed: the batch was rolled back
          if (next.valid()) next.wait();
          batch.push_back(files[i]);
          give_up(put.errors().front(), i + 1);
          return exit_input;
        }
        print_diagnostics(put.errors());
        ++failures;
      } else {
        ++stored;
        provisions += doc->provisions.size();
        if (*put) ++replaced;
        batch.push_back(files[i]);
        batch_provisions += doc->provisions.size();
        if (*put) ++batch_replaced;
        if (findings && !left_out_of_findings(*doc, from_folder[i])) {
          if (doc->frbr.country.empty()) {
            ++without_country;
          } else {
            CountryDocuments& country = country_for(doc->frbr.country);
            country.documents.push_back(std::move(doc).value());
          }
        }
      }
    }
    if (progress) draw_progress(i + 1, files.size());
  }
  if (auto err = store->commit_batch()) {
    give_up(*err, files.size());
    return exit_input;
  }
  std::size_t countries_stored = 0;
  if (findings && unreadable_seen) {
    std::fprintf(stderr,
                 "palermo index: no findings stored: a document could not be read (see above), so no country's "
                 "law is known whole; fix it and index again (earlier findings that it changes are not served)\n");
  } else if (findings && !countries.empty()) {
    auto done = store_findings(*store, countries, *model, cl.has("complete"), failures);
    if (!done) return exit_input;
    countries_stored = *done;
  }
  store->settle_for_readers();  // readers who cannot write the folder can then search it
  if (!quiet) {
    std::fprintf(stderr, "palermo index: %zu document(s), %zu provisions into %s (%zu replaced)%s\n", stored,
                 provisions, db_path.c_str(), replaced, failures ? "; some inputs failed, see above" : "");
    if (findings)
      std::fprintf(stderr, "palermo index: findings of %zu countr%s stored%s\n", countries_stored,
                   countries_stored == 1 ? "y" : "ies",
                   without_country ? "; documents without an FRBRcountry are searchable but have no findings" : "");
  }
  return failures ? exit_input : exit_ok;
}

}  // namespace palermo::cli
