// palermo compare FILE|DIR...: several countries side by side, one row per obligation.
#include <cstdio>
#include <cxxopts.hpp>
#include <filesystem>

#include "analysis/analyze.hpp"
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/inputs.hpp"
#include "cli/report_inputs.hpp"
#include "report/report.hpp"

namespace palermo::cli {

namespace {

constexpr const char* kCompareHelpTail = R"(
Each DIR is one country: every *.xml below it, except bills (a bill is not law yet: compare a bill
with `palermo diff`). FILEs given directly are grouped into countries by their FRBRcountry, and are
always included. Columns follow the order of the operands.

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
      cxxopts::value<std::string>()->default_value(""));
  cl.operand("inputs", "folders (one per country) or files", true).operands_usage("FILE|DIR...");
  if (auto rc = cl.parse(argc, argv, kCompareHelpTail)) return *rc;
  if (!cl.has("inputs")) {
    std::fprintf(stderr, "palermo compare: name the countries' folders or files\n");
    return exit_usage;
  }

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
      if (is_dir && d.doc_type == "bill") {
        std::fprintf(stderr, "palermo compare: leaving out %s (a bill; use 'palermo diff' to assess it)\n",
                     d.path.c_str());
        continue;
      }
      std::string key = is_dir ? "dir:" + operand : "country:" + d.frbr.country;
      country_for(key).documents.push_back(std::move(d));
    }
  }
  if (failed) return exit_input;
  std::erase_if(countries, [](const CountryInputs& c) { return c.documents.empty(); });
  if (countries.empty()) {
    std::fprintf(stderr, "palermo compare: no statutes to compare\n");
    return exit_input;
  }
  auto model = load_model_for("compare", cl.model_dir());
  if (!model) return exit_input;

  analysis::CheckOptions options;
  options.complete = cl.has("complete");
  std::vector<const std::vector<akn::Document>*> inputs;
  for (const auto& c : countries) inputs.push_back(&c.documents);
  const std::vector<analysis::CountryReport> reports = analysis::analyze_countries(inputs, *model, options);
  const report::CompareMatrix matrix = report::build_matrix(reports);

  const std::string output = cl.output_path();
  CompareResult result{matrix, reports, report::TextOptions{}, report::CompareHtmlOptions{}};
  result.text.colour = output.empty() && use_colour(1);
  result.html.report_link = cl.text("link-reports");
  const std::string rendered = render(kCompareFormats, cl.format(), result);
  return emit("compare", output, rendered);
}

}  // namespace palermo::cli
