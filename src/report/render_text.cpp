// The terminal report, within 80 columns. By default a summary a reader takes in at a glance: the
// verdict (with any conflict named), the recommendations for mandatory obligations, and one line per
// obligation. --detail adds every finding with its evidence; the search patterns only on request.
#include <fmt/format.h>

#include "report/countries.hpp"
#include "report/priorities.hpp"
#include "report/report.hpp"
#include "report/summary.hpp"
#include "report/text_style.hpp"
#include "report/wrap.hpp"

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

struct Writer {
  const TextOptions& options;
  TextStyle style;
  std::string out;

  void line(std::string_view s) {
    out += fit(s, options.width);
    out += '\n';
  }
  void para(std::string_view s, std::string_view first, std::string_view rest) {
    out += wrap_text(s, options.width, first, rest);
  }
  void blank() { out += '\n'; }
};

std::string element_label(const analysis::ElementFinding& el) { return element_status(el.status, el.red_flag, true); }

void append_evidence(Writer& w, const analysis::Evidence& e, std::string_view indent) {
  const std::string where = fmt::format("{} [{}] in {}", e.citation.empty() ? e.eid : e.citation, e.eid,
                                        e.doc_title.empty() ? e.document : e.doc_title);
  w.para(where, indent, std::string(indent) + "  ");
  const std::string quoted =
      mark_passage(e, w.style.mark_open(), w.style.mark_close(), [](std::string_view s) { return std::string(s); });
  w.para("\"" + quoted + "\"", std::string(indent) + "  ", std::string(indent) + "   ");
  if (std::string chain = chain_sentence(e); !chain.empty())
    w.para(chain, std::string(indent) + "  ", std::string(indent) + "    ");
  if (w.options.patterns && !e.pattern.empty())
    w.para(fmt::format("matched `{}`{}", clip_pattern(e.pattern), e.language.empty() ? "" : " (" + e.language + ")"),
           std::string(indent) + "  ", std::string(indent) + "    ");
}

void append_element(Writer& w, const analysis::ElementFinding& el) {
  const std::string label = el.red_flag ? "red flag: " + el.title : el.title;
  w.para(fmt::format("{} {:<8} {}", status_symbol(el.status), element_label(el), label), "    ", "               ");
  if (!el.reason.empty()) w.para(el.reason, "               ", "               ");
  for (const auto& e : el.evidence) append_evidence(w, e, "               ");
}

void append_finding(Writer& w, const analysis::ObligationFinding& f) {
  w.para(fmt::format("{} {:<8} {}  ({})", status_symbol(f.status), status_label(f.status), f.title, f.id), "  ",
         "             ");
  w.para(fmt::format("{} · {} · confidence {:.2f}", article_label(f), class_label(f.klass), f.confidence),
         "             ", "             ");
  if (!f.reason.empty()) w.para(f.reason, "             ", "             ");
  for (const auto& el : f.elements) append_element(w, el);
  for (const auto& rf : f.red_flags) append_element(w, rf);
  w.blank();
}

void append_recommendation(Writer& w, const Recommendation& r) {
  const auto& f = *r.finding;
  std::string label(priority_label(r.priority));
  for (char& c : label) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  w.para(fmt::format("{:>2}. {} {} ({})", r.number, w.style.status(f.status, label), f.title, article_label(f)), " ",
         "     ");
  w.para("Where: " + r.where, "     ", "       ");
  w.para(r.action, "     ", "     ");
}

void append_headline(Writer& w, const CountryReport& report) {
  w.line(w.style.bold("palermo gap report: " + country_label(report.country)));
  w.para(verdict(report), "", "");
  w.blank();
  const StatusCounts mandatory = count_layer(report, Layer::mandatory);
  w.para(w.style.bold(headline("Mandatory obligations", mandatory)), "  ", "    ");
  if (mandatory.total > 0) w.line("  " + w.style.counts_bar(mandatory, 40) + "  (█ met ▓ partial ░ gap ╳ conflict)");
  for (Layer layer : {Layer::optional, Layer::good_practice}) {
    StatusCounts c = count_layer(report, layer);
    if (c.total + c.not_applicable + c.not_assessed == 0) continue;
    w.para(headline(layer == Layer::optional ? "Optional obligations" : "Good practice", c), "  ", "    ");
  }
  w.blank();
  w.line("Checked:");
  for (std::size_t i = 0; i < report.documents.size(); ++i) {
    const auto& d = report.documents[i];
    w.line(fmt::format("  [{}] {}{}", i + 1, d.title.empty() ? d.path : d.title,
                       d.expression_date.empty() ? "" : ", as at " + d.expression_date));
  }
  if (!report.named_laws.empty())
    w.para("Laws they name that were not checked: " + named_laws_line(report), "  ", "    ");
  for (const std::string& d : report.not_assessed)
    w.para("Not assessed: " + d + " — the model has no wording for its language; no verdict is given", "  ", "    ");
  for (const auto& o : report.offences) {
    if (!o.trafficking) continue;
    std::string parts;
    for (const std::string& p : o.parts) parts += " + " + p;
    w.para(fmt::format("Offence assessed: {}{}{}: {}", o.citation.empty() ? o.eid : o.citation, parts,
                       o.narrow ? " (narrower than art 3)" : "", o.found_by),
           "  ", "    ");
  }
}

void append_obligation_lines(Writer& w, const CountryReport& report) {
  for (Layer layer : kLayers) {
    if (!has_layer(report, layer)) continue;
    w.blank();
    w.line(w.style.bold(std::string(layer_heading(layer))));
    for (const auto& f : report.findings) {
      if (layer_of(f.klass) != layer) continue;
      const std::string article = article_label(f);
      const std::size_t room = w.options.width > article.size() + 18 ? w.options.width - article.size() - 18 : 10;
      std::string title = fit(f.title, room);
      const std::size_t pad = room > display_width(title) ? room - display_width(title) : 0;
      w.line(fmt::format("  {} {} {}{} {}", w.style.status(f.status, status_symbol(f.status)),
                         w.style.status(f.status, fmt::format("{:<11}", status_label(f.status))), title,
                         std::string(pad, ' '), w.style.dim(article)));
    }
  }
}

}  // namespace

std::string render_text(const CountryReport& report, const TextOptions& options) {
  Writer w{options, TextStyle{options.colour}, {}};
  append_headline(w, report);

  const std::vector<Recommendation> recs = recommendations(report);
  std::size_t shown = 0;
  if (!recs.empty()) {
    w.blank();
    w.line(w.style.bold("Recommendations, most urgent first:"));
    for (const Recommendation& r : recs) {
      // The summary gives what the Protocol requires; the rest is one --detail away.
      if (!options.detail && r.priority != Priority::urgent && r.priority != Priority::required) continue;
      append_recommendation(w, r);
      ++shown;
    }
    if (shown < recs.size())
      w.para(fmt::format("{} more for optional obligations and good practice: palermo check --detail",
                         recs.size() - shown),
             "  ", "  ");
  }

  if (!options.detail) {
    append_obligation_lines(w, report);
    w.blank();
    w.para(kAssessmentNote, "", "");
    w.para(fmt::format("Model {} · generated {} · evidence for each finding: palermo check --detail",
                       report.model_version, report.generated),
           "", "");
    return w.out;
  }

  for (Layer layer : kLayers) {
    if (!has_layer(report, layer)) continue;
    w.blank();
    w.line(w.style.rule(std::string(layer_heading(layer))));
    for (model::Area area : kAreas) {
      bool header = false;
      for (const auto& f : report.findings) {
        if (layer_of(f.klass) != layer || f.area != area) continue;
        if (!header) {
          StatusCounts c = count_area(report, layer, area);
          w.blank();
          w.line(fmt::format(" {} {}", w.style.bold(area_heading(area)),
                             w.style.dim(fmt::format("({} of {} met)", c.met, c.total))));
          w.blank();
          header = true;
        }
        append_finding(w, f);
      }
    }
  }
  w.line("Documents:");
  for (std::size_t i = 0; i < report.documents.size(); ++i) {
    const auto& d = report.documents[i];
    w.para(fmt::format("[{}] {} ({}{})", i + 1, d.title.empty() ? d.path : d.title, d.path,
                       d.sha256.empty() ? "" : ", sha256 " + short_hash(d.sha256) + "…"),
           "  ", "      ");
  }
  w.blank();
  w.para(kAssessmentNote, "", "");
  w.para(fmt::format("Model {} · generated {}", report.model_version, report.generated), "", "");
  return w.out;
}

}  // namespace palermo::report
