// The terminal report: a compact summary, then every finding grouped by layer and area, with evidence.
#include <fmt/format.h>

#include "report/report.hpp"
#include "report/summary.hpp"
#include "report/text_style.hpp"

namespace palermo::report {

namespace {

// Long patterns (whole synonym lists) would drown the terminal; the JSON and HTML keep them whole.
std::string clip_pattern(std::string_view pattern) {
  constexpr std::size_t kMax = 100;
  if (pattern.size() <= kMax) return std::string(pattern);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(pattern[cut]) & 0xC0) == 0x80) --cut;
  return std::string(pattern.substr(0, cut)) + " …";
}

void append_evidence(std::string& out, const analysis::Evidence& e, const TextStyle& style,
                     std::string_view indent) {
  out += fmt::format("{}{} [{}] in {}\n", indent, style.bold(e.citation.empty() ? e.eid : e.citation), e.eid,
                     e.doc_title.empty() ? e.document : e.doc_title);
  std::string quoted = mark_passage(e, style.mark_open(), style.mark_close(),
                                    [](std::string_view s) { return std::string(s); });
  out += fmt::format("{}  \"{}\"\n", indent, quoted);
  std::string chain = chain_sentence(e);
  if (!chain.empty()) out += fmt::format("{}  {}\n", indent, style.dim(chain));
  if (!e.pattern.empty())
    out += fmt::format("{}  {}\n", indent,
                       style.dim(fmt::format("matched `{}`{}", clip_pattern(e.pattern),
                                             e.language.empty() ? "" : " (" + e.language + ")")));
}

void append_element(std::string& out, const analysis::ElementFinding& el, const TextStyle& style) {
  std::string label = el.red_flag ? "red flag: " + el.title : el.title;
  out += fmt::format("      {} {} {}\n", style.status(el.status, status_symbol(el.status)),
                     style.status(el.status, fmt::format("{:<8}", status_label(el.status))), label);
  if (!el.reason.empty()) out += fmt::format("               {}\n", el.reason);
  for (const auto& e : el.evidence) append_evidence(out, e, style, "               ");
}

void append_finding(std::string& out, const analysis::ObligationFinding& f, const TextStyle& style) {
  out += fmt::format("  {} {} {}  {}\n", style.status(f.status, status_symbol(f.status)),
                     style.status(f.status, fmt::format("{:<8}", status_label(f.status))),
                     style.bold(f.title), style.dim(f.id));
  out += fmt::format("             {} · {} · confidence {:.2f}\n", article_label(f), class_label(f.klass),
                     f.confidence);
  if (!f.reason.empty()) out += fmt::format("             {}\n", f.reason);
  for (const auto& el : f.elements) append_element(out, el, style);
  for (const auto& rf : f.red_flags) append_element(out, rf, style);
  if (f.status != Status::met && f.status != Status::not_applicable && f.status != Status::not_assessed && !f.advice.empty())
    out += fmt::format("             {} {}\n", style.bold("Drafting advice:"), f.advice);
  out += '\n';
}

}  // namespace

std::string render_text(const CountryReport& report, const TextOptions& options) {
  TextStyle style{options.colour};
  std::string out;
  out += style.bold(fmt::format("palermo gap report: {}", report.country.empty() ? "(country not stated)"
                                                                                 : report.country)) +
         "\n\n";
  const StatusCounts mandatory = count_layer(report, Layer::mandatory);
  out += "  " + style.bold(headline("Mandatory obligations", mandatory)) + "\n";
  out += "  " + style.counts_bar(mandatory, 40) + "\n";
  for (Layer layer : {Layer::optional, Layer::good_practice}) {
    StatusCounts c = count_layer(report, layer);
    if (c.total + c.not_applicable == 0) continue;
    out += "  " + headline(layer == Layer::optional ? "Optional obligations" : "Good practice", c) +
           style.dim(" (never lower the core verdict)") + "\n";
  }
  out += "\n  Checked:\n";
  for (std::size_t i = 0; i < report.documents.size(); ++i) {
    const auto& d = report.documents[i];
    out += fmt::format("    [{}] {} ({}, {}{})\n", i + 1, d.title.empty() ? d.path : d.title, d.path,
                       d.expression_date.empty() ? "expression date not stated"
                                                 : "as at " + d.expression_date,
                       d.sha256.empty() ? "" : ", sha256 " + short_hash(d.sha256) + "…");
  }
  out += fmt::format("    model {} · generated {}\n", report.model_version, report.generated);
  for (const std::string& d : report.not_assessed)
    out += "  " + style.bold("Not assessed: ") + d + " — the model has no wording for its language; no verdict is given\n";
  // Which offences were assessed as trafficking, and how they were found (--explain lists them all).
  for (const auto& o : report.offences) {
    if (!o.trafficking) continue;
    std::string parts;
    for (const std::string& p : o.parts) parts += " + " + p;
    out += fmt::format("  {} {}{}{}: {}\n", style.bold("Offence assessed:"), o.citation.empty() ? o.eid : o.citation, parts,
                       o.narrow ? " (narrower than art 3)" : "", o.found_by);
  }
  out += "  " + style.dim(kAssessmentNote) + "\n";

  for (Layer layer : kLayers) {
    bool any = false;
    for (const auto& f : report.findings) any = any || layer_of(f.klass) == layer;
    if (!any) continue;
    out += "\n" + style.rule(std::string(layer_heading(layer))) + "\n";
    for (model::Area area : kAreas) {
      bool header = false;
      for (const auto& f : report.findings) {
        if (layer_of(f.klass) != layer || f.area != area) continue;
        if (!header) {
          StatusCounts c = count_area(report, layer, area);
          out += fmt::format("\n {} {}\n\n", style.bold(area_heading(area)),
                             style.dim(fmt::format("({} of {} met)", c.met, c.total)));
          header = true;
        }
        append_finding(out, f, style);
      }
    }
  }
  return out;
}

}  // namespace palermo::report
