// Before and after: which obligations a new text (a bill, an amended act) closes, opens or changes,
// element by element, and the diff's text, Markdown and JSON forms. HTML is in diff_html.cpp.
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/json_parts.hpp"
#include "report/markdown.hpp"
#include "report/report.hpp"
#include "report/summary.hpp"
#include "report/text_style.hpp"

namespace palermo::report {

std::string_view to_string(Change c) {
  switch (c) {
    case Change::closed:
      return "closed";
    case Change::opened:
      return "opened";
    case Change::changed:
      return "changed";
    case Change::unchanged:
      return "unchanged";
  }
  return "?";
}

namespace {

// Evidence is the same when it stands in the same provision and matched the same words; the file
// path is left out because the old and new texts are usually different files.
using EvidenceKey = std::tuple<std::string, std::string, std::string>;
std::set<EvidenceKey> evidence_keys(const std::vector<analysis::Evidence>& evidence) {
  std::set<EvidenceKey> keys;
  for (const auto& e : evidence) keys.emplace(e.eid, e.citation, e.matched);
  return keys;
}

// A regression of any size (met to partial, partial to gap, gap to conflict) is "opened": a drafter
// must never find one filed under "changed". Closed means met now and not before.
Change classify(std::optional<Status> before, std::optional<Status> after, bool evidence_differs) {
  if (!before || !after) return Change::changed;
  auto verdict = [](Status s) {  // a verdict on the law, not "could not tell"
    return s != Status::not_applicable && s != Status::not_assessed && s != Status::not_in_documents;
  };
  const bool comparable = verdict(*before) && verdict(*after);
  if (comparable && status_rank(*after) < status_rank(*before)) return Change::opened;
  if (comparable && *after == Status::met && *before != Status::met) return Change::closed;
  if (*before != *after || evidence_differs) return Change::changed;
  return Change::unchanged;
}

const analysis::ElementFinding* find_element(const analysis::ObligationFinding* f,
                                             const analysis::ElementFinding& like) {
  if (f == nullptr) return nullptr;
  for (const auto* list : {&f->elements, &f->red_flags})
    for (const auto& el : *list)
      if (el.id == like.id && el.red_flag == like.red_flag) return &el;
  return nullptr;
}

ObligationDiff diff_obligation(const analysis::ObligationFinding* before, const analysis::ObligationFinding* after) {
  const analysis::ObligationFinding& any = after ? *after : *before;
  ObligationDiff d;
  d.id = any.id;
  d.instrument = any.instrument;
  d.article = any.article;
  d.title = any.title;
  d.advice = any.advice;
  d.klass = any.klass;
  d.area = any.area;
  if (before) d.old_status = before->status, d.old_reason = before->reason;
  if (after) d.new_status = after->status, d.new_reason = after->reason;
  bool evidence_differs = false;
  // Pairs `el` (from one side) with the same element on the `other` side; elements present on both
  // sides are taken once, from the new side.
  auto add = [&](const analysis::ElementFinding& el, const analysis::ObligationFinding* other, bool mine_is_new) {
    const analysis::ElementFinding* counterpart = find_element(other, el);
    if (mine_is_new == false && counterpart != nullptr) return;  // already paired from the new side
    ElementDiff e;
    e.id = el.id;
    e.title = el.title;
    e.red_flag = el.red_flag;
    const analysis::ElementFinding* old_el = mine_is_new ? counterpart : &el;
    const analysis::ElementFinding* new_el = mine_is_new ? &el : counterpart;
    if (old_el) e.old_status = old_el->status, e.old_evidence = old_el->evidence;
    if (new_el) e.new_status = new_el->status, e.new_evidence = new_el->evidence;
    bool differs = evidence_keys(e.old_evidence) != evidence_keys(e.new_evidence);
    e.change = classify(e.old_status, e.new_status, differs);
    evidence_differs = evidence_differs || differs || !old_el || !new_el;
    d.elements.push_back(std::move(e));
  };
  if (after) {
    for (const auto& el : after->elements) add(el, before, true);
    for (const auto& el : after->red_flags) add(el, before, true);
  }
  if (before) {
    for (const auto& el : before->elements) add(el, after, false);
    for (const auto& el : before->red_flags) add(el, after, false);
  }
  d.change = classify(d.old_status, d.new_status, evidence_differs);
  return d;
}

std::string status_or_dash(const std::optional<Status>& s) {
  return s ? std::string(analysis::to_string(*s)) : std::string("—");
}

}  // namespace

DiffResult diff_reports(const CountryReport& old_report, const CountryReport& new_report) {
  DiffResult r;
  r.country = new_report.country.empty() ? old_report.country : new_report.country;
  r.old_model_version = old_report.model_version;
  r.new_model_version = new_report.model_version;
  r.old_documents = old_report.documents;
  r.new_documents = new_report.documents;
  auto find = [](const CountryReport& rep, const std::string& id) -> const analysis::ObligationFinding* {
    for (const auto& f : rep.findings)
      if (f.id == id) return &f;
    return nullptr;
  };
  for (const auto& f : new_report.findings) r.obligations.push_back(diff_obligation(find(old_report, f.id), &f));
  for (const auto& f : old_report.findings)
    if (!find(new_report, f.id)) r.obligations.push_back(diff_obligation(&f, nullptr));
  for (const auto& o : r.obligations) {
    switch (o.change) {
      case Change::closed:
        ++r.closed;
        break;
      case Change::opened:
        ++r.opened;
        break;
      case Change::changed:
        ++r.changed;
        break;
      case Change::unchanged:
        ++r.unchanged;
        break;
    }
  }
  return r;
}

namespace {

std::string documents_line(const std::vector<analysis::DocumentInfo>& docs) {
  std::string out;
  for (const auto& d : docs) {
    if (!out.empty()) out += "; ";
    out += fmt::format("{} ({}{})", d.title.empty() ? d.path : d.title,
                       d.expression_date.empty() ? "date not stated" : d.expression_date,
                       d.sha256.empty() ? "" : ", sha256 " + short_hash(d.sha256) + "…");
  }
  return out.empty() ? "no documents" : out;
}

std::string counts_line(const DiffResult& d) {
  return fmt::format("{} closed, {} opened, {} changed, {} unchanged", d.closed, d.opened, d.changed, d.unchanged);
}

constexpr Change kShownChanges[] = {Change::closed, Change::opened, Change::changed};

std::string_view change_heading(Change c) {
  switch (c) {
    case Change::closed:
      return "Closed by the new text (now met)";
    case Change::opened:
      return "Opened by the new text (now worse than before)";
    case Change::changed:
      return "Changed (better but not yet met, or different evidence)";
    case Change::unchanged:
      return "Unchanged";
  }
  return "?";
}

}  // namespace

std::string render_diff_text(const DiffResult& d, const TextOptions& options) {
  TextStyle style{options.colour};
  std::string out =
      style.bold(fmt::format("palermo diff: {}", d.country.empty() ? "(country not stated)" : d.country)) + "\n";
  out += fmt::format("  old: {}\n  new: {}\n", documents_line(d.old_documents), documents_line(d.new_documents));
  if (d.old_model_version != d.new_model_version)
    out += fmt::format("  warning: model versions differ (old {}, new {})\n", d.old_model_version, d.new_model_version);
  out += "  " + style.bold(counts_line(d)) + "\n";
  out += "  " + style.dim(kAssessmentNote) + "\n";
  for (Change c : kShownChanges) {
    bool header = false;
    for (const auto& o : d.obligations) {
      if (o.change != c) continue;
      if (!header) out += "\n" + style.rule(std::string(change_heading(c))) + "\n\n";
      header = true;
      auto st = [&](const std::optional<Status>& s) {
        return s ? style.status(*s, status_label(*s)) : std::string("—");
      };
      out += fmt::format("  {} → {}  {}  {} · {}  {}\n", st(o.old_status), st(o.new_status), style.bold(o.title),
                         article_label(o.instrument, o.article), class_label(o.klass), style.dim(o.id));
      for (const auto& e : o.elements) {
        if (e.change == Change::unchanged) continue;
        auto est = [&](const std::optional<Status>& s) {
          return s ? style.status(*s, element_status(*s, e.red_flag, true)) : std::string("—");
        };
        out += fmt::format("      {}{}: {} → {} ({})\n", e.red_flag ? "red flag: " : "", e.title, est(e.old_status),
                           est(e.new_status), to_string(e.change));
        for (const auto* side : {&e.old_evidence, &e.new_evidence}) {
          const char* label = side == &e.old_evidence ? "old" : "new";
          for (const auto& ev : *side)
            out += fmt::format("          {} {} [{}]: \"{}\"\n", label, ev.citation, ev.eid,
                               mark_passage(ev, style.mark_open(), style.mark_close(),
                                            [](std::string_view s) { return std::string(s); }));
        }
      }
      out += '\n';
    }
  }
  if (d.closed + d.opened + d.changed == 0) out += "\n  No obligation changes between the two texts.\n";
  return out;
}

std::string render_diff_md(const DiffResult& d) {
  std::string out = fmt::format("# Diff: {}\n\n", md_escape(d.country.empty() ? "country not stated" : d.country));
  out += fmt::format("**{}**\n\n", counts_line(d));
  out += fmt::format("> {}\n\n", kAssessmentNote);
  out += "| Side | Document | Expression date | SHA-256 |\n|---|---|---|---|\n";
  for (const auto* docs : {&d.old_documents, &d.new_documents})
    for (const auto& doc : *docs)
      out += fmt::format("| {} | {} · {} | {} | {} |\n", docs == &d.old_documents ? "old" : "new", md_cell(doc.title),
                         md_code(doc.path), md_cell(doc.expression_date), md_code(doc.sha256));
  out +=
      fmt::format("\nModel version: old {}, new {}\n", md_escape(d.old_model_version), md_escape(d.new_model_version));
  for (Change c : kShownChanges) {
    bool header = false;
    for (const auto& o : d.obligations) {
      if (o.change != c) continue;
      if (!header) out += fmt::format("\n## {}\n\n", change_heading(c));
      header = true;
      out += fmt::format("### {}: {}\n\n", md_escape(article_label(o.instrument, o.article)), md_escape(o.title));
      out += fmt::format("**{} → {}** · {} · id `{}`\n\n", status_or_dash(o.old_status), status_or_dash(o.new_status),
                         class_label(o.klass), o.id);
      if (!o.new_reason.empty()) out += md_escape(o.new_reason) + "\n\n";
      for (const auto& e : o.elements) {
        if (e.change == Change::unchanged) continue;
        auto est = [&](const std::optional<Status>& s) {
          return s ? element_status(*s, e.red_flag) : std::string("—");
        };
        out += fmt::format("- **{}{}**: {} → {} ({})\n", e.red_flag ? "Red flag: " : "", md_escape(e.title),
                           est(e.old_status), est(e.new_status), to_string(e.change));
        const std::string redline = element_redline(
            e.old_evidence, e.new_evidence, {"~~", "~~", "**", "**", [](std::string_view s) { return md_escape(s); }});
        if (!redline.empty())
          out += "  - what the new text changes (deleted ~~struck~~, added **bold**):\n\n    > " + redline + "\n\n";
        for (const auto* side : {&e.old_evidence, &e.new_evidence})
          for (const auto& ev : *side)
            out += fmt::format("  - {} {} ({})\n\n    > {}\n\n", side == &e.old_evidence ? "old" : "new",
                               md_escape(ev.citation), md_code(ev.eid),
                               mark_passage(ev, "**", "**", [](std::string_view s) { return md_escape(s); }));
      }
      out += '\n';
    }
  }
  return out;
}

std::string render_diff_json(const DiffResult& d) {
  using json = nlohmann::ordered_json;
  auto status_json = [](const std::optional<Status>& s) {
    return s ? json(std::string(analysis::to_string(*s))) : json(nullptr);
  };
  json docs_old = json::array(), docs_new = json::array();
  for (const auto& doc : d.old_documents) docs_old.push_back(document_json(doc));
  for (const auto& doc : d.new_documents) docs_new.push_back(document_json(doc));
  json obligations = json::array();
  for (const auto& o : d.obligations) {
    json elements = json::array();
    for (const auto& e : o.elements) {
      json ev_old = json::array(), ev_new = json::array();
      for (const auto& ev : e.old_evidence) ev_old.push_back(evidence_json(ev));
      for (const auto& ev : e.new_evidence) ev_new.push_back(evidence_json(ev));
      elements.push_back(json{{"id", e.id},
                              {"title", e.title},
                              {"red_flag", e.red_flag},
                              {"change", std::string(to_string(e.change))},
                              {"old_status", status_json(e.old_status)},
                              {"new_status", status_json(e.new_status)},
                              {"old_evidence", ev_old},
                              {"new_evidence", ev_new}});
    }
    obligations.push_back(json{{"id", o.id},
                               {"instrument", o.instrument},
                               {"article", o.article},
                               {"title", o.title},
                               {"class", std::string(model::to_string(o.klass))},
                               {"layer", std::string(to_string(layer_of(o.klass)))},
                               {"area", std::string(model::to_string(o.area))},
                               {"change", std::string(to_string(o.change))},
                               {"old_status", status_json(o.old_status)},
                               {"new_status", status_json(o.new_status)},
                               {"old_reason", o.old_reason},
                               {"new_reason", o.new_reason},
                               {"elements", elements}});
  }
  json out{
      {"schema", kDiffSchema},
      {"country", d.country},
      {"assessment_note", kAssessmentNote},
      {"old", json{{"model_version", d.old_model_version}, {"documents", docs_old}}},
      {"new", json{{"model_version", d.new_model_version}, {"documents", docs_new}}},
      {"summary", json{{"closed", d.closed}, {"opened", d.opened}, {"changed", d.changed}, {"unchanged", d.unchanged}}},
      {"obligations", obligations}};
  return out.dump(2) + "\n";
}

}  // namespace palermo::report
