// The renderers' public face: one CountryReport to text, Markdown, JSON or HTML; several reports to a
// comparison matrix; two reports (a law before and after a bill) to a diff. Pure functions of their inputs.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "akn/document.hpp"
#include "analysis/finding.hpp"

namespace palermo::report {

using analysis::CountryReport;
using analysis::Status;

// The JSON schema identifiers (documented in reports/SCHEMA.md). Bump the number on any breaking change.
inline constexpr const char* kReportSchema = "palermo-report/1";
inline constexpr const char* kCompareSchema = "palermo-compare/1";
inline constexpr const char* kDiffSchema = "palermo-diff/1";

struct TextOptions {
  bool colour = false;  // ANSI colours and bold highlights; the CLI decides (tty and NO_COLOR)
  // render_text: the summary (verdict, recommendations, one line per obligation) unless `detail`,
  // which adds every finding's evidence; `patterns` adds the search patterns that matched.
  bool detail = false;
  bool patterns = false;
  std::size_t width = 80;  // columns the text is wrapped to
};

// ---- one country -------------------------------------------------------------------------------
std::string render_text(const CountryReport& report, const TextOptions& options = {});
std::string render_markdown(const CountryReport& report);
std::string render_json(const CountryReport& report);
// `documents` are the statutes the report was made from: their text is rendered below the checklist,
// every provision with id="docN-<eId>" (N = 1-based position in report.documents, matched by path).
std::string render_html(const CountryReport& report, const std::vector<akn::Document>& documents);

// ---- several countries side by side ------------------------------------------------------------
struct CompareCell {
  std::optional<Status> status;  // empty when that country's report has no such obligation
  int finding = -1;              // index into that report's findings, -1 when absent
};

struct CompareRow {
  std::string id, instrument, article, title;
  model::ObligationClass klass = model::ObligationClass::mandatory;
  model::Area area = model::Area::definition;
  std::vector<CompareCell> cells;  // one per country, in CompareMatrix::countries order
};

struct CompareMatrix {
  std::vector<std::string> countries;       // column heads, in the order the reports were given
  std::vector<std::string> model_versions;  // per country (they should agree; the renderers say so if not)
  std::vector<CompareRow> rows;             // first report's obligation order, then any others' extras
};

CompareMatrix build_matrix(const std::vector<CountryReport>& reports);
std::string render_compare_text(const CompareMatrix& matrix, const TextOptions& options = {});
std::string render_compare_csv(const CompareMatrix& matrix);
std::string render_compare_md(const CompareMatrix& matrix);
std::string render_compare_json(const CompareMatrix& matrix, const std::vector<CountryReport>& reports);
// A heatmap whose cells link to the evidence: inlined below it per country and obligation (in full for
// up to kFullEvidenceCountries countries, as one line per finding beyond, so that a page for hundreds
// of countries stays small), or, when `report_link` is given, into each country's own report:
// "{country}.html" links a cell to "na.html#ob-def.acts".
struct CompareHtmlOptions {
  std::string report_link;
};
inline constexpr std::size_t kFullEvidenceCountries = 12;
std::string render_compare_html(const CompareMatrix& matrix, const std::vector<CountryReport>& reports,
                                const CompareHtmlOptions& options = {});

// ---- before and after --------------------------------------------------------------------------
enum class Change { closed, opened, changed, unchanged };
std::string_view to_string(Change c);  // "closed", "opened", "changed", "unchanged"

struct ElementDiff {
  std::string id, title;
  bool red_flag = false;
  Change change = Change::unchanged;
  std::optional<Status> old_status, new_status;  // empty when the element exists on one side only
  std::vector<analysis::Evidence> old_evidence, new_evidence;
};

struct ObligationDiff {
  std::string id, instrument, article, title, advice;
  model::ObligationClass klass = model::ObligationClass::mandatory;
  model::Area area = model::Area::definition;
  Change change = Change::unchanged;
  std::optional<Status> old_status, new_status;
  std::string old_reason, new_reason;
  std::vector<ElementDiff> elements;  // elements first, then red flags
};

struct DiffResult {
  std::string country;
  std::string old_model_version, new_model_version;
  std::vector<analysis::DocumentInfo> old_documents, new_documents;
  std::vector<ObligationDiff> obligations;  // in the new report's order, then obligations only in the old
  int closed = 0, opened = 0, changed = 0, unchanged = 0;
};

// closed: gap/partial/conflict -> met; opened: met -> anything worse; changed: any other change of
// status, or the same status on different evidence (compared by eId, citation and matched words);
// unchanged otherwise. An obligation's change is judged on its own status and its elements' evidence.
DiffResult diff_reports(const CountryReport& old_report, const CountryReport& new_report);
std::string render_diff_text(const DiffResult& diff, const TextOptions& options = {});
std::string render_diff_md(const DiffResult& diff);
std::string render_diff_json(const DiffResult& diff);
std::string render_diff_html(const DiffResult& diff);

}  // namespace palermo::report
