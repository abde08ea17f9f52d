// palermo diff OLD NEW: which obligations a new text (a bill, an amended act) closes, opens or changes.
#include <cstdio>
#include <cxxopts.hpp>

#include "analysis/analyze.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/inputs.hpp"
#include "cli/report_inputs.hpp"
#include "report/report.hpp"

namespace palermo::cli {

namespace {

constexpr const char* kDiffHelpTail = R"(
OLD and NEW are each a file or a folder (every *.xml below it), e.g. the current law, and the current
law with a bill. Repeat --old-with/--new-with FILE to add a document to one side only (a penal code's
general part read with both, say: `palermo diff act.xml bill.xml --old-with gp.xml --new-with gp.xml`).

closed     was gap, partial or conflict; now met
opened     was met; now worse
changed    any other change of status, or the same status on different evidence
unchanged  the rest (counted, not listed)

Formats: text (default), md, json (schema palermo-diff/1), html.
)";

}  // namespace

int cmd_diff(int argc, char** argv) {
  cxxopts::Options opts("palermo diff", "Show which obligations a new text closes, opens or changes against the old.");
  opts.add_options()("format", "text | md | json | html", cxxopts::value<std::string>()->default_value("text"))(
      "o,output", "write to PATH (atomically) instead of stdout", cxxopts::value<std::string>()->default_value(""))(
      "old-with", "add FILE to the old side", cxxopts::value<std::vector<std::string>>())(
      "new-with", "add FILE to the new side", cxxopts::value<std::vector<std::string>>())(
      "country", "country code for the diff (default: the documents' FRBRcountry)",
      cxxopts::value<std::string>()->default_value(""))(
      "model", "read the Protocol model from DIR instead of the built-in one",
      cxxopts::value<std::string>()->default_value(""))("skip-unreadable", kSkipUnreadableHelp)("h,help", "show this help")(
      "inputs", "OLD and NEW", cxxopts::value<std::vector<std::string>>());
  opts.parse_positional({"inputs"});
  opts.positional_help("OLD NEW");
  cxxopts::ParseResult args;
  try {
    args = opts.parse(argc, argv);
  } catch (const cxxopts::exceptions::exception& e) {
    std::fprintf(stderr, "palermo diff: %s\nrun 'palermo diff --help' for usage\n", e.what());
    return exit_usage;
  }
  if (args.count("help")) {
    std::printf("%s%s", opts.help().c_str(), kDiffHelpTail);
    return exit_ok;
  }
  const std::string format = args["format"].as<std::string>();
  if (!one_of(format, {"text", "md", "json", "html"})) {
    std::fprintf(stderr, "palermo diff: unknown format '%s' (use text, md, json or html)\n", format.c_str());
    return exit_usage;
  }
  const auto operands = args.count("inputs") ? args["inputs"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (operands.size() != 2) {
    std::fprintf(stderr, "palermo diff: give exactly two operands, OLD and NEW (files or folders)\n");
    return exit_usage;
  }
  auto side = [&](const std::string& operand, const char* extra) -> std::optional<std::vector<akn::Document>> {
    std::vector<std::string> wanted{operand};
    if (args.count(extra))
      for (const auto& f : args[extra].as<std::vector<std::string>>()) wanted.push_back(f);
    std::vector<InputProblem> missing;
    auto files = expand_inputs(wanted, &missing);
    if (input_problems_fail(missing, args.count("skip-unreadable") > 0)) return std::nullopt;
    if (files.empty()) {
      std::fprintf(stderr, "palermo diff: no .xml files in %s\n", operand.c_str());
      return std::nullopt;
    }
    return read_statutes(files);
  };
  auto old_docs = side(operands[0], "old-with");
  auto new_docs = side(operands[1], "new-with");
  if (!old_docs || !new_docs) return exit_input;
  auto model = load_model_for("diff", args["model"].as<std::string>());
  if (!model) return exit_input;

  analysis::CheckOptions options;
  options.country = args["country"].as<std::string>();
  const auto old_report = analysis::analyze(*old_docs, *model, options);
  const auto new_report = analysis::analyze(*new_docs, *model, options);
  const report::DiffResult diff = report::diff_reports(old_report, new_report);

  const std::string output = args["output"].as<std::string>();
  std::string rendered;
  if (format == "md") rendered = report::render_diff_md(diff);
  else if (format == "json") rendered = report::render_diff_json(diff);
  else if (format == "html") rendered = report::render_diff_html(diff);
  else rendered = report::render_diff_text(diff, report::TextOptions{output.empty() && use_colour(1)});
  return emit("diff", output, rendered);
}

}  // namespace palermo::cli
