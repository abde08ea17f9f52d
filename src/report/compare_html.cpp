// The comparison as one HTML page: a heatmap (rows: obligations, columns: countries) with its header
// row and obligation column fixed while the grid scrolls, a score per country, "differences only" and
// sorting, and cells that link to the evidence (inlined below, or in each country's own report).
#include <fmt/format.h>

#include <map>

#include "report/countries.hpp"
#include "report/html_parts.hpp"
#include "report/report.hpp"
#include "report/summary.hpp"
#include "report/templates.hpp"

namespace palermo::report {

namespace {
std::string finding_anchor(std::size_t column, std::string_view id) {
  return provision_anchor(static_cast<int>(column) + 1, id).replace(0, 3, "c");  // "c1-tip.3a.acts"
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// A reason cut at a word, for the one-line findings of a large comparison.
std::string short_reason(const std::string& reason) {
  constexpr std::size_t kMax = 140;
  if (reason.size() <= kMax) return reason;
  std::size_t cut = reason.rfind(' ', kMax);
  if (cut == std::string::npos) cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(reason[cut]) & 0xC0) == 0x80) --cut;
  return reason.substr(0, cut) + "…";
}

// Where a finding's evidence stands, in a few words: "s 3(1), s 5".
std::string citations(const analysis::ObligationFinding& f) {
  std::string out;
  std::map<std::string, bool> seen;
  for (const auto* list : {&f.elements, &f.red_flags})
    for (const auto& el : *list)
      for (const auto& e : el.evidence) {
        const std::string c = e.citation.empty() ? e.eid : e.citation;
        if (seen[c] || seen.size() > 4) continue;
        seen[c] = true;
        out += (out.empty() ? "" : ", ") + c;
      }
  return out;
}
}  // namespace

std::string render_compare_html(const CompareMatrix& m, const std::vector<CountryReport>& reports,
                                const CompareHtmlOptions& options) {
  const bool full = m.countries.size() <= kFullEvidenceCountries;
  const bool linked = !options.report_link.empty();
  auto display = [](const std::string& code) {
    const std::string name = country_name(code);
    return name.empty() ? code : name;
  };
  std::string names;
  for (const auto& c : m.countries) names += (names.empty() ? "" : ", ") + display(c);
  mustache::data page = page_basics(m.countries.empty()       ? "No countries"
                                    : m.countries.size() <= 6 ? names
                                                              : fmt::format("{} countries", m.countries.size()));

  mustache::data headlines{mustache::data::type::list}, columns{mustache::data::type::list},
      countries{mustache::data::type::list};
  bool versions_differ = false;
  for (std::size_t c = 0; c < m.countries.size(); ++c) {
    versions_differ = versions_differ || m.model_versions[c] != m.model_versions[0];
    const StatusCounts mandatory = c < reports.size() ? count_layer(reports[c], Layer::mandatory) : StatusCounts{};
    if (full) {
      mustache::data h;
      h.set("name", display(m.countries[c]));
      h.set("line", c < reports.size() ? mandatory_headline(reports[c]) : "");
      headlines.push_back(h);
    }
    mustache::data col;
    col.set("n", std::to_string(c + 1));
    col.set("code", m.countries[c]);
    col.set("name", display(m.countries[c]));
    col.set("label", full ? display(m.countries[c]) : m.countries[c]);  // many columns: codes keep them narrow
    col.set("score", std::to_string(mandatory.met));
    col.set("of", std::to_string(mandatory.total));
    col.set("href", linked ? replace_all(options.report_link, "{country}", m.countries[c])
                           : "#country-" + std::to_string(c + 1));
    columns.push_back(col);
    if (c >= reports.size() || linked) continue;
    const CountryReport& r = reports[c];
    mustache::data country;
    country.set("n", std::to_string(c + 1));
    country.set("name", country_label(m.countries[c]));
    country.set("headline", mandatory_headline(r));
    country.set("documents", documents_data(r.documents));
    country.set("model_version", r.model_version);
    country.set("generated", r.generated);
    mustache::data findings{mustache::data::type::list}, lines{mustache::data::type::list};
    for (const auto& row : m.rows) {
      int fi = row.cells[c].finding;
      if (fi < 0) continue;
      const auto& f = r.findings[static_cast<std::size_t>(fi)];
      if (full) {
        mustache::data fd = finding_data(f, r.documents);
        fd.set("anchor_id", finding_anchor(c, row.id));
        findings.push_back(fd);
      } else {
        mustache::data line;
        line.set("anchor_id", finding_anchor(c, row.id));
        line.set("status_class", status_class(f.status));
        line.set("symbol", std::string(status_symbol(f.status)));
        line.set("status", std::string(analysis::to_string(f.status)));
        line.set("id", f.id);
        line.set("where", citations(f));
        line.set("reason", short_reason(f.reason));
        lines.push_back(line);
      }
    }
    country.set("findings", findings);
    country.set("lines", lines);
    countries.push_back(country);
  }
  page.set("headlines", headlines);
  page.set("columns", columns);
  page.set("countries", countries);
  page.set("compact", !full && !linked);
  if (versions_differ) page.set("version_warning", std::string("The reports were made with different model versions."));

  mustache::data layers{mustache::data::type::list};
  for (Layer layer : kLayers) {
    mustache::data rows{mustache::data::type::list};
    for (const auto& row : m.rows) {
      if (layer_of(row.klass) != layer) continue;
      mustache::data rd;
      rd.set("id", row.id);
      rd.set("title", row.title);
      rd.set("article", article_label(row.instrument, row.article));
      rd.set("klass", class_label(row.klass));
      rd.set("layer", std::string(to_string(layer)));
      rd.set("area", std::string(model::to_string(row.area)));
      Status worst = Status::met;
      bool same = true;
      std::optional<Status> first;
      mustache::data cells{mustache::data::type::list};
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        const auto& cell = row.cells[c];
        if (c == 0)
          first = cell.status;
        else
          same = same && cell.status == first;
        mustache::data cd;
        if (cell.status) {
          if (status_rank(*cell.status) < status_rank(worst)) worst = *cell.status;
          cd.set("status_class", status_class(*cell.status));
          cd.set("status", std::string(analysis::to_string(*cell.status)));
          cd.set("symbol", std::string(status_symbol(*cell.status)));
          if (cell.finding >= 0 && c < reports.size()) {
            cd.set("target", linked ? replace_all(options.report_link, "{country}", m.countries[c]) + "#ob-" + row.id
                                    : "#" + finding_anchor(c, row.id));
            // Full reasons in tooltips only while the page is small.
            if (full)
              cd.set("tip", fmt::format("{}: {}", display(m.countries[c]), reports[c].findings[cell.finding].reason));
          }
        } else {
          cd.set("status_class", std::string("absent"));
          cd.set("status", std::string("no finding"));
        }
        cells.push_back(cd);
      }
      rd.set("worst", std::string(analysis::to_string(worst)));
      rd.set("same", same ? "1" : "0");
      rd.set("cells", cells);
      rows.push_back(rd);
    }
    if (rows.is_empty_list()) continue;
    mustache::data group;
    group.set("layer", std::string(to_string(layer)));
    group.set("heading", std::string(layer_heading(layer)));
    group.set("span", std::to_string(1 + m.countries.size()));
    group.set("rows", rows);
    layers.push_back(group);
  }
  page.set("layers", layers);

  mustache::data buttons{mustache::data::type::list};
  for (model::Area area : kAreas) {
    bool any = false;
    for (const auto& row : m.rows) any = any || row.area == area;
    if (!any) continue;
    mustache::data b;
    b.set("key", std::string(model::to_string(area)));
    b.set("name", area_heading(area));
    buttons.push_back(b);
  }
  page.set("area_buttons", buttons);
  return render_template("compare.html", page);
}

}  // namespace palermo::report
