// palermo check FILE...: one country's statutes against the Protocol model -> a gap report.
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

constexpr const char* kCheckHelpTail = R"(
Reads every FILE (or every *.xml below a DIR) as one country's law: evidence may come from any of
them (an act, a penal code's general part, an immigration act).

Formats: text (default; coloured on a terminal unless NO_COLOR is set), md, json (schema
palermo-report/1, see reports/SCHEMA.md), html (one self-contained page with the statute text).

--fail-on decides the exit code when the law falls short (without it, check exits 0 on success):
  mandatory  exit 1 when any mandatory obligation is a gap, partial or conflict
  any        exit 1 when any mandatory or optional (qualified, endeavour, consider) obligation is
             not met; good practice never fails a check, and "not applicable" is never a failure

How the trafficking offence is found: an offence built like art 3 (acts with a purpose of
exploitation); else one that punishes the crime by its name, read with the provision defining
that name; else a narrower offence under the crime's name. --explain lists every provision weighed,
with the signals for and against it, instead of the report. When palermo misses the offence, name
it: --offence "art 182" (repeatable; the citation as the report writes it, or the number alone).

Documents in a language the model has no wording for are reported "not assessed", never as gaps.

palermo assesses legislation as written, not its implementation.
)";

// The offence search, for --explain: every provision weighed, the signals for and against it.
std::string render_explanation(const analysis::CountryReport& report) {
  std::string out;
  for (const std::string& d : report.not_assessed) out += "not assessed: " + d + "\n";
  if (report.candidates.empty()) out += "no provision creates an offence or names the crime of trafficking\n";
  for (const analysis::OffenceCandidate& c : report.candidates) {
    out += (c.citation.empty() ? c.eid : c.citation) + (c.heading.empty() ? "" : " \u2014 " + c.heading) + "  [" +
           c.document + "#" + c.eid + "]\n";
    for (const std::string& s : c.signals_for) out += "    + " + s + "\n";
    for (const std::string& s : c.signals_against) out += "    - " + s + "\n";
    out += "    => " + c.decision + "\n";
  }
  for (const analysis::Offence& o : report.offences)
    if (o.trafficking) {
      out += "assessed as the trafficking offence: " + (o.citation.empty() ? o.eid : o.citation);
      for (const std::string& p : o.parts) out += " + " + p;
      out += o.narrow ? " (narrow)\n" : "\n";
    }
  return out;
}

bool falls_short(const analysis::CountryReport& report, const std::string& fail_on) {
  for (const auto& f : report.findings) {
    if (f.status == analysis::Status::met || f.status == analysis::Status::not_applicable) continue;
    if (fail_on == "mandatory" && f.klass == model::ObligationClass::mandatory) return true;
    if (fail_on == "any" && f.klass != model::ObligationClass::good_practice) return true;
  }
  return false;
}

// What the formats render from: the report, the statutes (the HTML shows their text) and the text options.
struct CheckResult {
  const analysis::CountryReport& report;
  const std::vector<akn::Document>& documents;
  report::TextOptions text;
};

const std::vector<Format<CheckResult>> kCheckFormats = {
    {"text",
     [](const CheckResult& r) {
       // --explain --detail: the offences weighed, then the detailed report with its patterns.
       return (r.text.patterns ? render_explanation(r.report) + "\n" : std::string()) +
              report::render_text(r.report, r.text);
     }},
    {"md", [](const CheckResult& r) { return report::render_markdown(r.report); }},
    {"json", [](const CheckResult& r) { return report::render_json(r.report); }},
    {"html", [](const CheckResult& r) { return report::render_html(r.report, r.documents); }},
};

}  // namespace

int cmd_check(int argc, char** argv) {
  CommandLine cl("check",
                 "Check one country's statutes against the Trafficking in Persons Protocol and write a gap "
                 "report.");
  cl.country("country code for the report (default: the documents' FRBRcountry)")
      .formats(format_names(kCheckFormats))
      .output()
      .model()
      .skip_unreadable();
  cl.add()("fail-on", "mandatory | any: exit 1 when obligations of that kind are not met",
           cxxopts::value<std::string>()->default_value(""))(
      "complete",
      "the documents are the whole of the relevant law: an obligation usually legislated in a kind "
      "of law not given (penal code, extradition law, ...) is a gap, not 'not in the documents checked'")(
      "detail", "text format: every finding with the statute passages that support it (default: a summary)")(
      "explain",
      "list every provision weighed as the trafficking offence, with the signals for and against it; "
      "with --detail, followed by the detailed report and the search patterns that matched")(
      "offence", "the trafficking offence is CITATION (repeatable), e.g. --offence \"art 182\"",
      cxxopts::value<std::vector<std::string>>());
  cl.operand("inputs", "statute files or folders", true).operands_usage("FILE|DIR...");
  if (auto rc = cl.parse(argc, argv, kCheckHelpTail)) return *rc;
  const std::string fail_on = cl.text("fail-on");
  if (!fail_on.empty() && !one_of(fail_on, {"mandatory", "any"})) {
    std::fprintf(stderr, "palermo check: --fail-on takes 'mandatory' or 'any', not '%s'\n", fail_on.c_str());
    return exit_usage;
  }
  if (!cl.has("inputs")) {
    std::fprintf(stderr, "palermo check: name at least one statute FILE (Akoma Ntoso XML) or DIR\n");
    return exit_usage;
  }
  std::vector<InputProblem> missing;
  auto files = expand_inputs(cl.texts("inputs"), &missing);
  if (input_problems_fail(missing, cl.skip_unreadable_given())) return exit_input;
  if (files.empty()) {
    std::fprintf(stderr, "palermo check: no .xml files found in the folders given\n");
    return exit_input;
  }
  auto documents = read_statutes(files);
  if (!documents) return exit_input;
  auto model = load_model_for("check", cl.model_dir());
  if (!model) return exit_input;

  analysis::CheckOptions options;
  options.country = cl.text("country");
  options.offences = cl.texts("offence");
  options.complete = cl.has("complete");
  const analysis::CountryReport report = analysis::analyze(*documents, *model, options);
  if (!report.unresolved_offences.empty()) {
    std::string known;
    for (const analysis::OffenceCandidate& c : report.candidates)
      if (!c.citation.empty() && known.size() < 200) known += (known.empty() ? "" : ", ") + c.citation;
    for (const std::string& u : report.unresolved_offences)
      std::fprintf(stderr, "palermo check: --offence '%s' matches no provision of the documents%s%s\n", u.c_str(),
                   known.empty() ? "" : "; offences found: ", known.c_str());
    return exit_usage;
  }
  const bool detail = cl.has("detail");
  if (cl.has("explain") && !detail) return emit("check", cl.output_path(), render_explanation(report));

  const std::string output = cl.output_path();
  report::TextOptions text;
  text.colour = output.empty() && use_colour(1);
  text.detail = detail;
  text.patterns = detail && cl.has("explain");
  const std::string rendered = render(kCheckFormats, cl.format(), CheckResult{report, *documents, text});
  if (int rc = emit("check", output, rendered); rc != exit_ok) return rc;
  if (!fail_on.empty() && falls_short(report, fail_on)) return exit_gaps;
  return exit_ok;
}

}  // namespace palermo::cli
