// The diff as one HTML page: obligations grouped by change, each element with its old and new evidence
// side by side.
#include <fmt/format.h>

#include "report/html_parts.hpp"
#include "report/report.hpp"
#include "report/summary.hpp"
#include "report/templates.hpp"

namespace palermo::report {

std::string render_diff_html(const DiffResult& d) {
  mustache::data page = page_basics(d.country.empty() ? "Country not stated" : d.country);
  page.set("counts", fmt::format("{} closed · {} opened · {} changed · {} unchanged", d.closed, d.opened, d.changed,
                                 d.unchanged));
  if (d.old_model_version != d.new_model_version)
    page.set("version_warning",
             fmt::format("The two sides were checked with different model versions (old {}, new {}).",
                         d.old_model_version, d.new_model_version));
  page.set("old_documents", documents_data(d.old_documents));
  page.set("new_documents", documents_data(d.new_documents));
  page.set("old_model", d.old_model_version);
  page.set("new_model", d.new_model_version);
  auto status_text = [](const std::optional<Status>& s) {
    return s ? std::string(analysis::to_string(*s)) : std::string("absent");
  };

  mustache::data groups{mustache::data::type::list};
  for (Change c : {Change::closed, Change::opened, Change::changed, Change::unchanged}) {
    mustache::data obligations{mustache::data::type::list};
    for (const auto& o : d.obligations) {
      if (o.change != c) continue;
      mustache::data od;
      od.set("id", o.id);
      od.set("title", o.title);
      od.set("change", std::string(to_string(o.change)));
      od.set("old_status", status_text(o.old_status));
      od.set("new_status", status_text(o.new_status));
      od.set("new_class", o.new_status ? status_class(*o.new_status) : std::string("absent"));
      od.set("article", article_label(o.instrument, o.article));
      od.set("klass", class_label(o.klass));
      od.set("layer", std::string(to_string(layer_of(o.klass))));
      od.set("area", std::string(model::to_string(o.area)));
      set_if(od, "new_reason", o.new_reason.empty() ? o.old_reason : o.new_reason);
      if (o.new_status && *o.new_status != Status::met && *o.new_status != Status::not_applicable)
        set_if(od, "advice_text", o.advice);
      mustache::data elements{mustache::data::type::list};
      for (const auto& e : o.elements) {
        mustache::data ed;
        ed.set("title", e.title);
        ed.set("change", std::string(to_string(e.change)));
        ed.set("old_status", e.old_status ? element_status(*e.old_status, e.red_flag) : std::string("absent"));
        ed.set("new_status", e.new_status ? element_status(*e.new_status, e.red_flag) : std::string("absent"));
        ed.set("is_red_flag", e.red_flag);
        // A redline of the provision as it stood and as it stands, word by word.
        set_if(
            ed, "redline_html",
            element_redline(e.old_evidence, e.new_evidence,
                            {"<del>", "</del>", "<ins>", "</ins>", [](std::string_view s) { return html_escape(s); }}));
        mustache::data old_ev{mustache::data::type::list}, new_ev{mustache::data::type::list};
        for (const auto& ev : e.old_evidence) old_ev.push_back(evidence_data(ev, d.old_documents));
        for (const auto& ev : e.new_evidence) new_ev.push_back(evidence_data(ev, d.new_documents));
        ed.set("old_evidence", old_ev);
        ed.set("new_evidence", new_ev);
        elements.push_back(ed);
      }
      od.set("elements", elements);
      obligations.push_back(od);
    }
    if (obligations.is_empty_list()) continue;
    mustache::data g;
    g.set("key", std::string(to_string(c)));
    g.set("heading", fmt::format("{} ({})", to_string(c), obligations.list_value().size()));
    g.set("obligations", obligations);
    groups.push_back(g);
  }
  page.set("groups", groups);
  return render_template("diff.html", page);
}

}  // namespace palermo::report
