// palermo compare FILE|DIR...: several countries side by side, one row per obligation.
#include <cstdio>
#include <cxxopts.hpp>
#include <filesystem>

#include "analysis/analyze.hpp"
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

}  // namespace

int cmd_compare(int argc, char** argv) {
  cxxopts::Options opts("palermo compare", "Compare countries obligation by obligation.");
  opts.add_options()("format", "text | csv | md | html | json", cxxopts::value<std::string>()->default_value("text"))(
      "o,output", "write to PATH (atomically) instead of stdout", cxxopts::value<std::string>()->default_value(""))(
      "model", "read the Protocol model from DIR instead of the built-in one",
      cxxopts::value<std::string>()->default_value(""))(
      "complete", "each country's documents are the whole of its relevant law: what they lack is a gap, not "
                  "'not in the documents checked'")(
      "link-reports", "html: link each cell to the country's own report, TEMPLATE with {country} for the code "
                      "(e.g. \"{country}.html\"), instead of inlining the evidence",
      cxxopts::value<std::string>()->default_value(""))("skip-unreadable", kSkipUnreadableHelp)("h,help", "show this help")(
      "inputs", "folders (one per country) or files", cxxopts::value<std::vector<std::string>>());
  opts.parse_positional({"inputs"});
  opts.positional_help("FILE|DIR...");
  cxxopts::ParseResult args;
  try {
    args = opts.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& e) {
    std::fprintf(stderr, "palermo compare: %s\nrun 'palermo compare --help' for usage\n", e.what());
    return exit_usage;
  }
  if (args.count("help")) {
    std::printf("%s%s", opts.help().c_str(), kCompareHelpTail);
    return exit_ok;
  }
  const std::string format = args["format"].as<std::string>();
  if (!one_of(format, {"text", "csv", "md", "html", "json"})) {
    std::fprintf(stderr, "palermo compare: unknown format '%s' (use text, csv, md, html or json)\n", format.c_str());
    return exit_usage;
  }
  if (!args.count("inputs")) {
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
  for (const auto& operand : args["inputs"].as<std::vector<std::string>>()) {
    std::error_code ec;
    const bool is_dir = fs::is_directory(operand, ec);
    std::vector<InputProblem> missing;
    auto files = expand_inputs({operand}, &missing);
    if (input_problems_fail(missing, args.count("skip-unreadable") > 0)) {
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
  auto model = load_model_for("compare", args["model"].as<std::string>());
  if (!model) return exit_input;

  analysis::CheckOptions options;
  options.complete = args.count("complete") > 0;
  std::vector<const std::vector<akn::Document>*> inputs;
  for (const auto& c : countries) inputs.push_back(&c.documents);
  const std::vector<analysis::CountryReport> reports = analysis::analyze_countries(inputs, *model, options);
  const report::CompareMatrix matrix = report::build_matrix(reports);

  const std::string output = args["output"].as<std::string>();
  std::string rendered;
  if (format == "csv") rendered = report::render_compare_csv(matrix);
  else if (format == "md") rendered = report::render_compare_md(matrix);
  else if (format == "json") rendered = report::render_compare_json(matrix, reports);
  else if (format == "html") {
    report::CompareHtmlOptions html;
    html.report_link = args["link-reports"].as<std::string>();
    rendered = report::render_compare_html(matrix, reports, html);
  }
  else rendered = report::render_compare_text(matrix, report::TextOptions{output.empty() && use_colour(1)});
  return emit("compare", output, rendered);
}

}  // namespace palermo::cli
