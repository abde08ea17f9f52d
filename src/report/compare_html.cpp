// The comparison as one HTML page: a heatmap (rows: obligations, columns: countries) whose cells link
// to that country's finding, inlined below with its evidence.
#include <fmt/format.h>

#include "report/html_parts.hpp"
#include "report/report.hpp"
#include "report/summary.hpp"
#include "report/templates.hpp"

namespace palermo::report {

namespace {
std::string finding_anchor(std::size_t column, std::string_view id) {
  return provision_anchor(static_cast<int>(column) + 1, id).replace(0, 3, "c");  // "c1-tip.3a.acts"
}
}  // namespace

std::string render_compare_html(const CompareMatrix& m, const std::vector<CountryReport>& reports) {
  std::string names;
  for (const auto& c : m.countries) names += (names.empty() ? "" : ", ") + c;
  mustache::data page = page_basics(names.empty() ? "No countries" : names);

  mustache::data headlines{mustache::data::type::list}, columns{mustache::data::type::list},
      countries{mustache::data::type::list};
  bool versions_differ = false;
  for (std::size_t c = 0; c < m.countries.size(); ++c) {
    versions_differ = versions_differ || m.model_versions[c] != m.model_versions[0];
    mustache::data h;
    h.set("name", m.countries[c]);
    h.set("line", c < reports.size() ? mandatory_headline(reports[c]) : "");
    headlines.push_back(h);
    mustache::data col;
    col.set("n", std::to_string(c + 1));
    col.set("name", m.countries[c]);
    columns.push_back(col);
    if (c >= reports.size()) continue;
    const CountryReport& r = reports[c];
    mustache::data country;
    country.set("n", std::to_string(c + 1));
    country.set("name", m.countries[c]);
    country.set("headline", mandatory_headline(r));
    country.set("documents", documents_data(r.documents));
    country.set("model_version", r.model_version);
    country.set("generated", r.generated);
    mustache::data findings{mustache::data::type::list};
    for (const auto& row : m.rows) {
      int fi = row.cells[c].finding;
      if (fi < 0) continue;
      mustache::data fd = finding_data(r.findings[fi], r.documents);
      fd.set("anchor_id", finding_anchor(c, row.id));
      findings.push_back(fd);
    }
    country.set("findings", findings);
    countries.push_back(country);
  }
  page.set("headlines", headlines);
  page.set("columns", columns);
  page.set("countries", countries);
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
      mustache::data cells{mustache::data::type::list};
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        const auto& cell = row.cells[c];
        mustache::data cd;
        if (cell.status) {
          if (status_rank(*cell.status) < status_rank(worst)) worst = *cell.status;
          cd.set("status_class", status_class(*cell.status));
          cd.set("status", std::string(analysis::to_string(*cell.status)));
          cd.set("symbol", std::string(status_symbol(*cell.status)));
          if (cell.finding >= 0 && c < reports.size()) {
            cd.set("target", finding_anchor(c, row.id));
            cd.set("tip", fmt::format("{}: {}", m.countries[c], reports[c].findings[cell.finding].reason));
          }
        } else {
          cd.set("status_class", std::string("absent"));
          cd.set("tip", m.countries[c] + ": no finding for this obligation");
        }
        cells.push_back(cd);
      }
      rd.set("worst", std::string(analysis::to_string(worst)));
      rd.set("cells", cells);
      rows.push_back(rd);
    }
    if (rows.is_empty_list()) continue;
    mustache::data group;
    group.set("layer", std::string(to_string(layer)));
    group.set("heading", std::string(layer_heading(layer)));
    group.set("span", std::to_string(3 + m.countries.size()));
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
