// palermo diff OLD NEW: which obligations a new text (a bill, an amended act) closes, opens or changes.
#include <cstdio>
#include <cxxopts.hpp>

#include "analysis/analyze.hpp"
#include "cli/command_line.hpp"
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

struct DiffOutput {
  const report::DiffResult& diff;
  report::TextOptions text;
};

const std::vector<Format<DiffOutput>> kDiffFormats = {
    {"text", [](const DiffOutput& d) { return report::render_diff_text(d.diff, d.text); }},
    {"md", [](const DiffOutput& d) { return report::render_diff_md(d.diff); }},
    {"json", [](const DiffOutput& d) { return report::render_diff_json(d.diff); }},
    {"html", [](const DiffOutput& d) { return report::render_diff_html(d.diff); }},
};

}  // namespace

int cmd_diff(int argc, char** argv) {
  CommandLine cl("diff", "Show which obligations a new text closes, opens or changes against the old.");
  cl.formats(format_names(kDiffFormats)).output();
  cl.add()("old-with", "add FILE to the old side", cxxopts::value<std::vector<std::string>>())(
      "new-with", "add FILE to the new side", cxxopts::value<std::vector<std::string>>());
  cl.country("country code for the diff (default: the documents' FRBRcountry)").model().skip_unreadable();
  cl.operand("inputs", "OLD and NEW", true).operands_usage("OLD NEW");
  if (auto rc = cl.parse(argc, argv, kDiffHelpTail)) return *rc;
  const auto operands = cl.texts("inputs");
  if (operands.size() != 2) {
    std::fprintf(stderr, "palermo diff: give exactly two operands, OLD and NEW (files or folders)\n");
    return exit_usage;
  }
  auto side = [&](const std::string& operand, const char* extra) -> std::optional<std::vector<akn::Document>> {
    std::vector<std::string> wanted{operand};
    for (const auto& f : cl.texts(extra)) wanted.push_back(f);
    std::vector<InputProblem> missing;
    auto files = expand_inputs(wanted, &missing);
    if (input_problems_fail(missing, cl.skip_unreadable_given())) return std::nullopt;
    if (files.empty()) {
      std::fprintf(stderr, "palermo diff: no .xml files in %s\n", operand.c_str());
      return std::nullopt;
    }
    return read_statutes(files);
  };
  auto old_docs = side(operands[0], "old-with");
  auto new_docs = side(operands[1], "new-with");
  if (!old_docs || !new_docs) return exit_input;
  auto model = load_model_for("diff", cl.model_dir());
  if (!model) return exit_input;

  analysis::CheckOptions options;
  options.country = cl.text("country");
  const auto old_report = analysis::analyze(*old_docs, *model, options);
  const auto new_report = analysis::analyze(*new_docs, *model, options);
  const report::DiffResult diff = report::diff_reports(old_report, new_report);

  const std::string output = cl.output_path();
  const std::string rendered = render(kDiffFormats, cl.format(),
                                      DiffOutput{diff, report::TextOptions{.colour = output.empty() && use_colour(1)}});
  return emit("diff", output, rendered);
}

}  // namespace palermo::cli
