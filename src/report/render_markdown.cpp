// The Markdown report: provenance, a summary table by area, the checklist, then findings by layer and
// area with the evidence quoted (> blockquote) and the matched words in bold.
#include <fmt/format.h>

#include "report/countries.hpp"
#include "report/markdown.hpp"
#include "report/priorities.hpp"
#include "report/report.hpp"
#include "report/summary.hpp"

namespace palermo::report {

std::string md_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '#':
      case '~':
      case '!':
      case '|':
        out += '\\';
        out += c;
        break;
      // Backslash escapes, not HTML entities: the Markdown pastes into Word and Google Docs as text.
      case '<':
        out += "\\<";
        break;
      case '>':
        out += "\\>";
        break;
      case '&':
        out += "\\&";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string md_cell(std::string_view s) { return md_escape(s); }

std::string md_code(std::string_view s) {
  // Backslashes are literal inside a code span, so nothing is escaped but the span's own delimiter and
  // the table bar (GFM reads "\|" as "|" even in code).
  std::string out = "`";
  for (char c : s) {
    if (c == '`')
      out += '\'';
    else if (c == '|')
      out += "\\|";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out + "`";
}

namespace {

std::string md_status(Status s) { return fmt::format("{} {}", status_symbol(s), status_label(s)); }

void append_evidence(std::string& out, const analysis::Evidence& e) {
  out += fmt::format("  - {} ({}, {})\n", md_escape(e.citation.empty() ? e.eid : e.citation), md_code(e.eid),
                     md_escape(e.doc_title.empty() ? e.document : e.doc_title));
  out += "\n    > " + mark_passage(e, "**", "**", [](std::string_view s) { return md_escape(s); }) + "\n\n";
  std::string chain = chain_sentence(e);
  if (!chain.empty()) out += "    " + md_escape(chain) + "\n\n";
  if (!e.pattern.empty())
    out += fmt::format("    *Matched pattern{}:* {}\n\n", e.language.empty() ? "" : " (" + md_escape(e.language) + ")",
                       md_code(e.pattern));
}

void append_element(std::string& out, const analysis::ElementFinding& el) {
  out += fmt::format("- **{}{}**: {} {} (confidence {:.2f}){}\n", el.red_flag ? "Red flag: " : "", md_escape(el.title),
                     status_symbol(el.status), element_status(el.status, el.red_flag, true), el.confidence,
                     el.reason.empty() ? "" : ". " + md_escape(el.reason));
  for (const auto& e : el.evidence) append_evidence(out, e);
}

void append_finding(std::string& out, const analysis::ObligationFinding& f) {
  out += fmt::format("#### {}: {}\n\n", md_escape(article_label(f)), md_escape(f.title));
  out += fmt::format("**{}** · {} · confidence {:.2f} · id `{}`\n\n", md_status(f.status), class_label(f.klass),
                     f.confidence, f.id);
  if (!f.reason.empty()) out += md_escape(f.reason) + "\n\n";
  for (const auto& el : f.elements) append_element(out, el);
  for (const auto& rf : f.red_flags) append_element(out, rf);
  out += '\n';
  if (f.status != Status::met && f.status != Status::not_applicable && f.status != Status::not_assessed &&
      !f.advice.empty())
    out += "**Drafting advice:** " + md_escape(f.advice) + "\n\n";
}

}  // namespace

std::string render_markdown(const CountryReport& report) {
  std::string out;
  out += fmt::format("# Gap report: {}\n\n", md_escape(country_label(report.country)));
  out += "**Verdict.** " + md_escape(verdict(report)) + "\n\n";
  out += "**" + mandatory_headline(report) + "**\n\n";
  for (Layer layer : {Layer::optional, Layer::good_practice}) {
    StatusCounts c = count_layer(report, layer);
    if (c.total + c.not_applicable == 0) continue;
    out += headline(layer == Layer::optional ? "Optional obligations" : "Good practice", c) +
           " (these never lower the core verdict)\n\n";
  }
  out += fmt::format("> {}\n\n", kAssessmentNote);

  const std::vector<Recommendation> recs = recommendations(report);
  if (!recs.empty()) {
    out +=
        "## Recommendations\n\nMost urgent first: conflicts with the Protocol, then mandatory obligations, then "
        "optional "
        "ones, then good practice.\n\n";
    for (const Recommendation& r : recs) {
      std::string label(priority_label(r.priority));
      label[0] = static_cast<char>(label[0] - 'a' + 'A');
      out += fmt::format("{}. **{}: {}** ({}). *Where:* {}. {}\n", r.number, label, md_escape(r.finding->title),
                         md_escape(article_label(*r.finding)), md_escape(r.where), md_escape(r.action));
    }
    out += "\n";
  }

  out += "## What was checked\n\n";
  out += "| # | Document | Type | Language | Expression date | SHA-256 |\n|---|---|---|---|---|---|\n";
  for (std::size_t i = 0; i < report.documents.size(); ++i) {
    const auto& d = report.documents[i];
    out += fmt::format("| {} | {} · {} | {} | {} | {} | {} |\n", i + 1, md_cell(d.title.empty() ? d.path : d.title),
                       md_code(d.path), md_cell(d.doc_type), md_cell(d.language),
                       md_cell(d.expression_date.empty() ? "not stated" : d.expression_date), md_code(d.sha256));
  }
  if (!report.named_laws.empty())
    out += "\nLaws the documents name that were not checked (suggested inputs): " +
           md_escape(named_laws_line(report, 20)) + "\n";
  out += fmt::format("\nModel version {} · generated {}\n\n", md_escape(report.model_version),
                     md_escape(report.generated));

  out += "## Summary by area\n\n";
  out += "| Area | Layer | Met | Partial | Gap | Conflict |\n|---|---|---:|---:|---:|---:|\n";
  for (Layer layer : kLayers)
    for (model::Area area : kAreas) {
      StatusCounts c = count_area(report, layer, area);
      if (c.total + c.not_applicable == 0) continue;
      out += fmt::format("| {} | {} | {} of {} | {} | {} | {} |\n", area_heading(area), to_string(layer), c.met,
                         c.total, c.partial, c.gap, c.conflict);
    }

  out += "\n## Checklist\n\n";
  out += "| Status | Obligation | Article | Class | Area | Confidence |\n|---|---|---|---|---|---:|\n";
  for (Layer layer : kLayers)
    for (const auto& f : report.findings) {
      if (layer_of(f.klass) != layer) continue;
      out += fmt::format("| {} | {} · `{}` | {} | {} | {} | {:.2f} |\n", md_status(f.status), md_cell(f.title), f.id,
                         md_cell(article_label(f)), class_label(f.klass), area_heading(f.area), f.confidence);
    }

  for (const std::string& d : report.not_assessed)
    out +=
        "\n> **Not assessed:** " + md_cell(d) + " — the model has no wording for its language; no verdict is given.\n";
  if (!report.offences.empty()) {
    out +=
        "\n## Offences found\n\n| Provision | Heading | Trafficking | How it was found | Penalty "
        "|\n|---|---|---|---|---|\n";
    for (const auto& o : report.offences) {
      std::string how = o.found_by;
      for (const std::string& p : o.parts) how += "; with " + p;
      out += fmt::format("| {} ({}) | {} | {} | {} | {} |\n", md_cell(o.citation), md_code(o.eid), md_cell(o.heading),
                         o.trafficking ? (o.narrow ? "yes (narrow)" : "yes") : "no", md_cell(how),
                         md_cell(o.penalty_text));
    }
  }

  for (Layer layer : kLayers) {
    if (!has_layer(report, layer)) continue;
    out += fmt::format("\n## {}\n\n", layer_heading(layer));
    for (model::Area area : kAreas) {
      bool header = false;
      for (const auto& f : report.findings) {
        if (layer_of(f.klass) != layer || f.area != area) continue;
        if (!header) out += fmt::format("### {}\n\n", area_heading(area));
        header = true;
        append_finding(out, f);
      }
    }
  }
  return out;
}

}  // namespace palermo::report
