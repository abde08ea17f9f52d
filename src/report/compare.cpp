// Countries side by side: the matrix (one row per obligation, one column per country) and its text,
// CSV, Markdown and JSON forms. The HTML heatmap is in compare_html.cpp.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/json_parts.hpp"
#include "report/markdown.hpp"
#include "report/report.hpp"
#include "report/summary.hpp"
#include "report/text_style.hpp"

namespace palermo::report {

CompareMatrix build_matrix(const std::vector<CountryReport>& reports) {
  CompareMatrix m;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    m.countries.push_back(reports[i].country.empty() ? fmt::format("#{}", i + 1) : reports[i].country);
    m.model_versions.push_back(reports[i].model_version);
  }
  auto row_of = [&](const std::string& id) -> CompareRow* {
    for (auto& r : m.rows)
      if (r.id == id) return &r;
    return nullptr;
  };
  for (std::size_t c = 0; c < reports.size(); ++c) {
    const auto& findings = reports[c].findings;
    for (std::size_t fi = 0; fi < findings.size(); ++fi) {
      const auto& f = findings[fi];
      CompareRow* row = row_of(f.id);
      if (row == nullptr) {
        CompareRow fresh;
        fresh.id = f.id;
        fresh.instrument = f.instrument;
        fresh.article = f.article;
        fresh.title = f.title;
        fresh.klass = f.klass;
        fresh.area = f.area;
        fresh.cells.resize(reports.size());
        m.rows.push_back(std::move(fresh));
        row = &m.rows.back();
      }
      row->cells[c] = CompareCell{f.status, static_cast<int>(fi)};
    }
  }
  // Mandatory first, then optional, then good practice; model order within each layer.
  std::stable_sort(m.rows.begin(), m.rows.end(), [](const CompareRow& a, const CompareRow& b) {
    return static_cast<int>(layer_of(a.klass)) < static_cast<int>(layer_of(b.klass));
  });
  return m;
}

namespace {

StatusCounts column_counts(const CompareMatrix& m, std::size_t column, Layer layer) {
  StatusCounts c;
  for (const auto& r : m.rows)
    if (layer_of(r.klass) == layer && r.cells[column].status) c.add(*r.cells[column].status);
  return c;
}

bool versions_agree(const CompareMatrix& m) {
  return std::adjacent_find(m.model_versions.begin(), m.model_versions.end(), std::not_equal_to<>()) ==
         m.model_versions.end();
}

std::string csv_field(std::string_view given) {
  // A cell a spreadsheet would run as a formula ("=HYPERLINK(...)", "+cmd|...", "-2+3", "@SUM(...)",
  // or one behind a tab or carriage return) is written as text: a leading apostrophe, as OWASP
  // advises. Country codes and titles come from the statutes' metadata, which is untrusted.
  std::string neutral;
  if (!given.empty() && std::string_view("=+-@\t\r").find(given.front()) != std::string_view::npos)
    neutral = "'" + std::string(given);
  const std::string_view s = neutral.empty() ? given : std::string_view(neutral);
  bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Display width of a UTF-8 string (one column per code point: good enough for codes and titles).
std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string pad(std::string_view s, std::size_t width) {
  std::string out(s);
  for (std::size_t w = columns(s); w < width; ++w) out += ' ';
  return out;
}

std::string clip(std::string_view s, std::size_t width) {
  if (columns(s) <= width) return std::string(s);
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++n > width - 1) break;
    out += s[i];
  }
  return out + "…";
}

}  // namespace

std::string render_compare_text(const CompareMatrix& m, const TextOptions& options) {
  TextStyle style{options.colour};
  std::vector<std::size_t> widths;
  for (const auto& c : m.countries) widths.push_back(std::max<std::size_t>(3, columns(c)));
  std::string out =
      style.bold(fmt::format("palermo comparison: {} countries, {} obligations", m.countries.size(), m.rows.size())) +
      "\n";
  out += style.dim(
             "● met  ◐ partial  ○ gap  ✕ conflict  · not applicable  – not assessed (language not read)  (blank: "
             "obligation absent)") +
         "\n";
  if (!versions_agree(m)) out += "warning: the reports were made with different model versions\n";
  std::string header = "  ";
  for (std::size_t c = 0; c < m.countries.size(); ++c) header += pad(m.countries[c], widths[c]) + " ";
  header += " obligation";
  int current = -1;
  for (const auto& r : m.rows) {
    int layer = static_cast<int>(layer_of(r.klass));
    if (layer != current) {
      current = layer;
      out += "\n" + style.bold(std::string(layer_heading(layer_of(r.klass)))) + "\n" + style.dim(header) + "\n";
    }
    std::string line = "  ";
    for (std::size_t c = 0; c < m.countries.size(); ++c) {
      const auto& cell = r.cells[c];
      std::string sym = cell.status ? style.status(*cell.status, status_symbol(*cell.status)) : " ";
      line += sym + std::string(widths[c], ' ');
    }
    line += fmt::format(" {} {}", pad(clip(r.title, 58), 58), style.dim(article_label(r.instrument, r.article)));
    out += line + "\n";
  }
  out += "\n";
  for (std::size_t c = 0; c < m.countries.size(); ++c)
    out += fmt::format("  {}: {}\n", pad(m.countries[c], widths[c]),
                       headline("mandatory", column_counts(m, c, Layer::mandatory)));
  out += "\n" + style.dim(kAssessmentNote) + "\n";
  return out;
}

std::string render_compare_csv(const CompareMatrix& m) {
  std::string out = "id,instrument,article,title,class,area";
  for (const auto& c : m.countries) out += "," + csv_field(c);
  out += "\r\n";
  for (const auto& r : m.rows) {
    out += fmt::format("{},{},{},{},{},{}", csv_field(r.id), csv_field(r.instrument), csv_field(r.article),
                       csv_field(r.title), model::to_string(r.klass), model::to_string(r.area));
    for (const auto& cell : r.cells)
      out += "," + (cell.status ? csv_field(analysis::to_string(*cell.status)) : std::string());
    out += "\r\n";
  }
  return out;
}

std::string render_compare_md(const CompareMatrix& m) {
  std::string out = fmt::format("# Comparison: {} countries\n\n", m.countries.size());
  out += fmt::format("> {}\n\n", kAssessmentNote);
  if (!versions_agree(m)) out += "**Warning:** the reports were made with different model versions.\n\n";
  for (std::size_t c = 0; c < m.countries.size(); ++c)
    out += fmt::format("- **{}**: {} (model {})\n", md_escape(m.countries[c]),
                       headline("Mandatory obligations", column_counts(m, c, Layer::mandatory)),
                       md_escape(m.model_versions[c]));
  out += "\nLegend: ● met · ◐ partial · ○ gap · ✕ conflict · · not applicable\n";
  int current = -1;
  for (const auto& r : m.rows) {
    int layer = static_cast<int>(layer_of(r.klass));
    if (layer != current) {
      current = layer;
      out += fmt::format("\n## {}\n\n| Obligation | Article | Class |", layer_heading(layer_of(r.klass)));
      for (const auto& c : m.countries) out += " " + md_cell(c) + " |";
      out += "\n|---|---|---|";
      for (std::size_t c = 0; c < m.countries.size(); ++c) out += ":---:|";
      out += "\n";
    }
    out += fmt::format("| {} <br>`{}` | {} | {} |", md_cell(r.title), r.id,
                       md_cell(article_label(r.instrument, r.article)), class_label(r.klass));
    for (const auto& cell : r.cells)
      out += cell.status ? fmt::format(" {} {} |", status_symbol(*cell.status), analysis::to_string(*cell.status))
                         : std::string(" — |");
    out += "\n";
  }
  return out;
}

std::string render_compare_json(const CompareMatrix& m, const std::vector<CountryReport>& reports) {
  using json = nlohmann::ordered_json;
  json countries = json::array();
  for (std::size_t c = 0; c < m.countries.size(); ++c) {
    json docs = json::array();
    if (c < reports.size())
      for (const auto& d : reports[c].documents) docs.push_back(document_json(d));
    countries.push_back(
        json{{"country", m.countries[c]},
             {"model_version", m.model_versions[c]},
             {"generated", c < reports.size() ? reports[c].generated : ""},
             {"documents", docs},
             {"summary", json{{"mandatory", counts_json(column_counts(m, c, Layer::mandatory))},
                              {"optional", counts_json(column_counts(m, c, Layer::optional))},
                              {"good_practice", counts_json(column_counts(m, c, Layer::good_practice))}}}});
  }
  json rows = json::array();
  for (const auto& r : m.rows) {
    json cells = json::array();
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      const auto& cell = r.cells[c];
      json reason = nullptr;
      if (cell.finding >= 0 && c < reports.size()) reason = reports[c].findings[cell.finding].reason;
      cells.push_back(
          json{{"country", m.countries[c]},
               {"status", cell.status ? json(std::string(analysis::to_string(*cell.status))) : json(nullptr)},
               {"reason", reason}});
    }
    rows.push_back(json{{"id", r.id},
                        {"instrument", r.instrument},
                        {"article", r.article},
                        {"title", r.title},
                        {"class", std::string(model::to_string(r.klass))},
                        {"layer", std::string(to_string(layer_of(r.klass)))},
                        {"area", std::string(model::to_string(r.area))},
                        {"cells", cells}});
  }
  json out{{"schema", kCompareSchema},
           {"assessment_note", kAssessmentNote},
           {"countries", countries},
           {"obligations", rows}};
  return out.dump(2) + "\n";
}

}  // namespace palermo::report
