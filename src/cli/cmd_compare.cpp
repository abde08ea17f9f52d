// palermo compare FILE|DIR...: several countries side by side, one row per obligation.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cxxopts.hpp>
#include <filesystem>
#include <thread>

#include "analysis/analyze.hpp"
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/inputs.hpp"
#include "cli/report_inputs.hpp"
#include "cli/stored_findings.hpp"
#include "report/findings_json.hpp"
#include "report/report.hpp"
#include "store/store.hpp"

namespace palermo::cli {

namespace {

constexpr const char* kCompareHelpTail = R"(
Each DIR is one country: every *.xml below it, except bills (a bill is not law yet: compare a bill
with `palermo diff`). FILEs given directly are grouped into countries by their FRBRcountry, and are
always included. Columns follow the order of the operands.

With --db INDEX, the operands are country codes (none: every country in the index), and the
findings `palermo index` stored are compared without analysing anything: the output is the same as
comparing the countries' folders. Findings that no longer hold are refused (exit 3), never shown:
a document changed or gone from disk, indexed again on its own or added to the country since, or
findings made by another palermo build, another model, or with another --complete. The message
names each country and why; index those countries' documents again.

Formats: text (default; a grid: ● met  ◐ partial  ○ gap  ✕ conflict  · not applicable), csv (RFC 4180),
md, json (schema palermo-compare/1), html (a heatmap whose cells link to the evidence).
)";

struct CountryInputs {
  std::string key;  // the folder, or the FRBRcountry of loose files
  std::vector<akn::Document> documents;
};

struct CompareResult {
  const report::CompareMatrix& matrix;
  const std::vector<analysis::CountryReport>& reports;
  report::TextOptions text;
  report::CompareHtmlOptions html;
};

const std::vector<Format<CompareResult>> kCompareFormats = {
    {"text", [](const CompareResult& r) { return report::render_compare_text(r.matrix, r.text); }},
    {"csv", [](const CompareResult& r) { return report::render_compare_csv(r.matrix); }},
    {"md", [](const CompareResult& r) { return report::render_compare_md(r.matrix); }},
    {"html", [](const CompareResult& r) { return report::render_compare_html(r.matrix, r.reports, r.html); }},
    {"json", [](const CompareResult& r) { return report::render_compare_json(r.matrix, r.reports); }},
};

// Reads the stored findings of `codes` (all when empty) in that order; nothing when any is missing,
// unreadable or no longer holds (each told on stderr).
std::optional<std::vector<analysis::CountryReport>> stored_reports(const std::string& db_path,
                                                                   const std::vector<std::string>& codes,
                                                                   const model::Model& model, bool complete) {
  auto store = store::Store::open(db_path, /*read_only=*/true);
  if (!store) {
    print_diagnostics(store.errors());
    return std::nullopt;
  }
  auto rows = store->findings(codes);
  if (!rows) {
    print_diagnostics(rows.errors());
    return std::nullopt;
  }
  bool failed = false;
  for (const std::string& code : codes)
    if (std::none_of(rows->begin(), rows->end(), [&](const store::StoredFindings& f) { return f.country == code; })) {
      std::fprintf(stderr, "%s: error: holds no findings for '%s'\n", db_path.c_str(), code.c_str());
      failed = true;
    }
  if (failed) {
    std::fprintf(stderr,
                 "  hint: with --db the operands are country codes (FRBRcountry); index a country's documents with "
                 "palermo index --db %s DIR\n",
                 db_path.c_str());
    return std::nullopt;
  }
  if (rows->empty()) {
    std::fprintf(stderr, "%s: error: holds no findings\n  hint: palermo index --db %s DIR... stores them\n",
                 db_path.c_str(), db_path.c_str());
    return std::nullopt;
  }
  // The index's own view first (one connection, one thread); then the files are hashed and the
  // JSON read on every core, each country on its own.
  std::vector<std::vector<std::string>> reasons(rows->size());
  for (std::size_t i = 0; i < rows->size(); ++i) {
    auto disagreements = store->findings_disagreements((*rows)[i]);
    if (!disagreements) {
      print_diagnostics(disagreements.errors());
      return std::nullopt;
    }
    reasons[i] = std::move(*disagreements);
  }
  const AnalysisIdentity identity = analysis_identity(model);
  std::vector<analysis::CountryReport> reports(rows->size());
  std::vector<std::vector<Diagnostic>> unreadable(rows->size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < rows->size(); i = next++) {
      const store::StoredFindings& row = (*rows)[i];
      for (std::string& r : stale_reasons(row, identity, complete)) reasons[i].push_back(std::move(r));
      if (!reasons[i].empty()) continue;
      auto report = report::read_findings_json(row.report_json, db_path, row.country);
      if (report)
        reports[i] = std::move(*report);
      else
        unreadable[i] = report.errors();
    }
  };
  const unsigned threads =
      std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(rows->size())));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  std::vector<std::string> stale;
  std::vector<std::string> folders;  // where the stale countries' documents are, to index again
  for (std::size_t i = 0; i < rows->size(); ++i) {
    if (!unreadable[i].empty()) {
      print_diagnostics(unreadable[i]);
      failed = true;
    }
    if (reasons[i].empty()) continue;
    std::fprintf(stderr, "%s: error: the findings of %s no longer hold, so they are not compared:\n", db_path.c_str(),
                 (*rows)[i].country.c_str());
    for (const std::string& r : reasons[i]) std::fprintf(stderr, "  - %s\n", r.c_str());
    stale.push_back((*rows)[i].country);
    for (const store::FindingsDocument& d : (*rows)[i].documents) {
      std::string folder = std::filesystem::path(d.path).parent_path().string();
      if (folder.empty()) folder = ".";
      if (!d.component && std::find(folders.begin(), folders.end(), folder) == folders.end()) folders.push_back(folder);
    }
    failed = true;
  }
  if (!stale.empty()) {
    std::string list, command;
    for (const std::string& c : stale) list += (list.empty() ? "" : ", ") + c;
    for (const std::string& f : folders) command += " " + f;
    std::fprintf(stderr,
                 "  hint: index the documents of %s again with this palermo (palermo index --db %s%s), or compare "
                 "their folders without --db\n",
                 list.c_str(), db_path.c_str(), command.c_str());
  }
  if (failed) return std::nullopt;
  return reports;
}

// Each operand folder is a country, loose files are grouped by FRBRcountry; every country is
// analysed, on every core. Nothing when an input cannot be read (each told on stderr).
std::optional<std::vector<analysis::CountryReport>> analyse_operands(const CommandLine& cl) {
  namespace fs = std::filesystem;
  std::vector<CountryInputs> countries;
  auto country_for = [&](const std::string& key) -> CountryInputs& {
    for (auto& c : countries)
      if (c.key == key) return c;
    countries.push_back(CountryInputs{key, {}});
    return countries.back();
  };
  bool failed = false;
  for (const auto& operand : cl.texts("inputs")) {
    std::error_code ec;
    const bool is_dir = fs::is_directory(operand, ec);
    std::vector<InputProblem> missing;
    auto files = expand_inputs({operand}, &missing);
    if (input_problems_fail(missing, cl.skip_unreadable_given())) {
      failed = true;
      continue;
    }
    auto docs = read_statutes(files);
    if (!docs) {
      failed = true;
      continue;
    }
    for (auto& d : *docs) {
      if (left_out_of_findings(d, is_dir)) {
        std::fprintf(stderr, "palermo compare: leaving out %s (a bill; use 'palermo diff' to assess it)\n",
                     d.path.c_str());
        continue;
      }
      std::string key = is_dir ? "dir:" + operand : "country:" + d.frbr.country;
      country_for(key).documents.push_back(std::move(d));
    }
  }
  if (failed) return std::nullopt;
  std::erase_if(countries, [](const CountryInputs& c) { return c.documents.empty(); });
  if (countries.empty()) {
    std::fprintf(stderr, "palermo compare: no statutes to compare\n");
    return std::nullopt;
  }
  auto model = load_model_for("compare", cl.model_dir());
  if (!model) return std::nullopt;

  analysis::CheckOptions options;
  options.complete = cl.has("complete");
  std::vector<const std::vector<akn::Document>*> inputs;
  for (const auto& c : countries) inputs.push_back(&c.documents);
  return analysis::analyze_countries(inputs, *model, options);
}

}  // namespace

int cmd_compare(int argc, char** argv) {
  CommandLine cl("compare", "Compare countries obligation by obligation.");
  cl.formats(format_names(kCompareFormats)).output().model().skip_unreadable();
  cl.add()("complete",
           "each country's documents are the whole of its relevant law: what they lack is a gap, not "
           "'not in the documents checked'")(
      "link-reports",
      "html: link each cell to the country's own report, TEMPLATE with {country} for the code "
      "(e.g. \"{country}.html\"), instead of inlining the evidence",
      cxxopts::value<std::string>()->default_value(""))(
      "db",
      "compare the findings `palermo index` stored in this index (the operands are then country codes, "
      "none for all) instead of analysing files",
      cxxopts::value<std::string>()->default_value(""));
  cl.operand("inputs", "folders (one per country) or files; with --db, country codes", true)
      .operands_usage("FILE|DIR... | --db INDEX [COUNTRY...]");
  if (auto rc = cl.parse(argc, argv, kCompareHelpTail)) return *rc;
  const std::string db_path = cl.text("db");
  if (!cl.has("inputs") && db_path.empty()) {
    std::fprintf(stderr, "palermo compare: name the countries' folders or files, or --db INDEX\n");
    return exit_usage;
  }
  std::vector<analysis::CountryReport> reports;
  if (!db_path.empty()) {
    auto model = load_model_for("compare", cl.model_dir());
    if (!model) return exit_input;
    auto stored = stored_reports(db_path, cl.has("inputs") ? cl.texts("inputs") : std::vector<std::string>{}, *model,
                                 cl.has("complete"));
    if (!stored) return exit_input;
    reports = std::move(*stored);
  } else {
    auto analysed = analyse_operands(cl);
    if (!analysed) return exit_input;
    reports = std::move(*analysed);
  }
  const report::CompareMatrix matrix = report::build_matrix(reports);

  const std::string output = cl.output_path();
  CompareResult result{matrix, reports, report::TextOptions{}, report::CompareHtmlOptions{}};
  result.text.colour = output.empty() && use_colour(1);
  result.html.report_link = cl.text("link-reports");
  const std::string rendered = render(kCompareFormats, cl.format(), result);
  return emit("compare", output, rendered);
}

}  // namespace palermo::cli
