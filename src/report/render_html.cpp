// The HTML gap report: fills reports/templates/report.html with the findings and the statute text,
// every provision anchored (docN-<eId>) and the evidence words marked; all text HTML-escaped.
#include <map>
#include <set>

#include <fmt/format.h>

#include "analysis/citations.hpp"
#include "grammars/citation/citation.hpp"
#include "report/countries.hpp"
#include "report/html_parts.hpp"
#include "report/priorities.hpp"
#include "report/report.hpp"
#include "report/summary.hpp"
#include "report/templates.hpp"

namespace palermo::report {

// ISO 639-2 (FRBRlanguage) to the two-letter tag HTML's lang attribute expects; the code itself when
// the language has no two-letter tag, "" when unknown.
std::string html_language(std::string_view iso639_2) {
  static const std::pair<std::string_view, std::string_view> kTags[] = {
      {"eng", "en"}, {"fra", "fr"}, {"fre", "fr"}, {"spa", "es"}, {"por", "pt"}, {"deu", "de"}, {"ger", "de"},
      {"ita", "it"}, {"nld", "nl"}, {"ell", "el"}, {"gre", "el"}, {"ron", "ro"}, {"rum", "ro"}, {"ara", "ar"},
      {"rus", "ru"}, {"ukr", "uk"}, {"hrv", "hr"}, {"srp", "sr"}, {"slv", "sl"}, {"slk", "sk"}, {"ces", "cs"},
      {"pol", "pl"}, {"hun", "hu"}, {"lit", "lt"}, {"lav", "lv"}, {"est", "et"}, {"mlt", "mt"}, {"isl", "is"},
      {"swe", "sv"}, {"nor", "no"}, {"nob", "nb"}, {"dan", "da"}, {"fin", "fi"}, {"kat", "ka"}, {"ben", "bn"},
      {"tur", "tr"}, {"zho", "zh"}, {"jpn", "ja"}, {"kin", "rw"}, {"swa", "sw"}, {"hin", "hi"}, {"urd", "ur"}};
  for (const auto& [code, tag] : kTags)
    if (iso639_2 == code) return std::string(tag);
  if (iso639_2.size() == 3 && iso639_2 != "und" && iso639_2 != "mul") return std::string(iso639_2);
  return {};
}

namespace {

using Spans = std::vector<std::pair<std::size_t, std::size_t>>;

// What the statute view needs to know about one provision: where the evidence words are, and which
// findings cite it (the link back).
struct ProvisionMarks {
  Spans text_spans, wrap_spans;
  std::vector<std::pair<std::string, std::string>> cited_by;  // (obligation id, label)
};

std::string_view trim_ellipses(std::string_view s, std::size_t& dropped_front) {
  dropped_front = 0;
  auto starts = [&](std::string_view p) { return s.substr(0, p.size()) == p; };
  auto ends = [&](std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; };
  bool again = true;
  while (again && !s.empty()) {
    again = false;
    for (std::string_view p : {"…", "...", " "})
      if (starts(p)) {
        s.remove_prefix(p.size());
        dropped_front += p.size();
        again = true;
      }
    for (std::string_view p : {"…", "...", " "})
      if (ends(p)) {
        s.remove_suffix(p.size());
        again = true;
      }
  }
  return s;
}

// Finds the evidence's marked words inside a provision's own text: through the passage when the
// passage is a window of that text, else word by word.
Spans locate(std::string_view text, const analysis::Evidence& e) {
  Spans out;
  Spans hl = clean_highlights(e);
  std::size_t front = 0;
  std::string_view core = trim_ellipses(e.passage, front);
  std::size_t pos = core.empty() ? std::string_view::npos : text.find(core);
  if (pos != std::string_view::npos) {
    for (auto [b, en] : hl) {
      if (b < front || en > front + core.size()) continue;
      out.emplace_back(pos + b - front, pos + en - front);
    }
    if (!out.empty()) return out;
  }
  for (auto [b, en] : hl) {
    std::string_view words = std::string_view(e.passage).substr(b, en - b);
    std::size_t p = text.find(words);
    if (p != std::string_view::npos) out.emplace_back(p, p + words.size());
  }
  return out;
}

std::string marked_html(std::string_view text, Spans spans) {
  std::sort(spans.begin(), spans.end());
  std::string out;
  std::size_t at = 0;
  for (auto [b, en] : spans) {
    if (b < at) b = at;
    if (en <= b || en > text.size()) continue;
    out += html_escape(text.substr(at, b - at));
    out += "<mark>" + html_escape(text.substr(b, en - b)) + "</mark>";
    at = en;
  }
  out += html_escape(text.substr(at));
  return out;
}

// A cross-reference or a defined term in a provision's text, linked to the provision it points to.
struct Link {
  std::size_t begin, end;
  std::string href;   // "#doc1-sec_4"
  std::string title;  // "section 4", "defined in s 1"
};

// The text with evidence marked and links laid over it: links never overlap one another, and a mark
// that crosses a link's edge is split there, so the HTML stays well nested.
std::string linked_html(std::string_view text, const Spans& marks, std::vector<Link> links) {
  std::sort(links.begin(), links.end(), [](const Link& a, const Link& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t at = 0;
  auto marks_in = [&](std::size_t from, std::size_t to) {
    Spans clipped;
    for (auto [b, e] : marks) {
      const std::size_t cb = std::max(b, from), ce = std::min(e, to);
      if (ce > cb) clipped.emplace_back(cb - from, ce - from);
    }
    return clipped;
  };
  for (const Link& l : links) {
    if (l.begin < at || l.end <= l.begin || l.end > text.size()) continue;
    out += marked_html(text.substr(at, l.begin - at), marks_in(at, l.begin));
    out += "<a class=\"xref\" href=\"" + html_escape(l.href) + "\" title=\"" + html_escape(l.title) + "\">" +
           marked_html(text.substr(l.begin, l.end - l.begin), marks_in(l.begin, l.end)) + "</a>";
    at = l.end;
  }
  out += marked_html(text.substr(at), marks_in(at, text.size()));
  return out;
}

// A document or a component of a documentCollection, with the number its anchors use.
struct Located {
  const akn::Document* doc = nullptr;
  std::size_t index = 0;
};

std::optional<Located> find_provision(const akn::Document& d, std::string_view eid) {
  if (auto i = d.find(eid)) return Located{&d, *i};
  for (const auto& c : d.components)
    if (auto hit = find_provision(c, eid)) return hit;
  return std::nullopt;
}

class StatuteView {
 public:
  StatuteView(const CountryReport& report, const std::vector<akn::Document>& documents)
      : report_(report), documents_(documents) {
    for (const auto& f : report.findings) {
      auto take = [&](const analysis::ElementFinding& el) {
        for (const auto& e : el.evidence) add(f, e);
      };
      for (const auto& el : f.elements) take(el);
      for (const auto& rf : f.red_flags) take(rf);
    }
  }

  int number_of(const akn::Document& d) const {
    int n = document_number(report_.documents, d.path);
    if (n > 0) return n;
    for (std::size_t i = 0; i < documents_.size(); ++i)
      if (&documents_[i] == &d) return static_cast<int>(report_.documents.size() + i + 1);
    return 0;
  }

  mustache::data statutes() {
    mustache::data list{mustache::data::type::list};
    for (const auto& d : documents_) {
      mustache::data s;
      int n = number_of(d);
      s.set("n", std::to_string(n));
      s.set("title", d.title.empty() ? d.path : d.title);
      // Screen readers and hyphenation need the statute's own language, not the page's English.
      set_if(s, "lang", html_language(d.frbr.language));
      set_if(s, "preamble", d.preamble);
      s.set("toc", contents(d, n));
      mustache::data provisions{mustache::data::type::list};
      add_document(provisions, d, n);
      s.set("provisions", provisions);
      list.push_back(s);
    }
    return list;
  }

 private:
  void add(const analysis::ObligationFinding& f, const analysis::Evidence& e) {
    for (const auto& d : documents_) {
      if (d.path != e.document) continue;
      auto hit = find_provision(d, e.eid);
      if (!hit) continue;
      ProvisionMarks& m = marks_[{hit->doc, hit->index}];
      const akn::Provision& p = hit->doc->provisions[hit->index];
      Spans in_text = locate(p.text, e);
      m.text_spans.insert(m.text_spans.end(), in_text.begin(), in_text.end());
      if (in_text.empty() && !p.wrap_up.empty()) {
        Spans in_wrap = locate(p.wrap_up, e);
        m.wrap_spans.insert(m.wrap_spans.end(), in_wrap.begin(), in_wrap.end());
      }
      bool known = false;
      for (const auto& c : m.cited_by) known = known || c.first == f.id;
      if (!known) m.cited_by.emplace_back(f.id, article_label(f));
      return;
    }
  }

  // Cross-references as the statute writes them ("section 4", "article 225-4-1"), resolved within it,
  // and the defined terms its markup tags (<term refersTo>), each linked to the provision it points to.
  std::vector<Link> links_in(const akn::Document& d, int n, std::size_t index) {
    const akn::Provision& p = d.provisions[index];
    std::vector<Link> links;
    for (const citation::Citation& c : citation::find_citations(p.text)) {
      if (c.kind == citation::Kind::this_act || c.kind == citation::Kind::this_part ||
          c.kind == citation::Kind::this_chapter || c.kind == citation::Kind::this_section ||
          c.kind == citation::Kind::this_subsection || c.kind == citation::Kind::this_article)
        continue;
      const auto targets = analysis::resolve(c, d, index);
      if (targets.empty() || targets.front() == index) continue;
      const akn::Provision& t = d.provisions[targets.front()];
      if (t.eid.empty()) continue;
      links.push_back(
          {c.begin, c.end, "#" + provision_anchor(n, t.eid), "to " + (t.citation.empty() ? t.eid : t.citation)});
    }
    for (const akn::TermMark& use : d.term_uses) {
      if (use.provision != index || use.text.empty()) continue;
      const auto def = std::find_if(d.definitions.begin(), d.definitions.end(),
                                    [&](const akn::TermMark& x) { return x.refers_to == use.refers_to; });
      if (def == d.definitions.end() || def->provision == index) continue;
      const akn::Provision& t = d.provisions[def->provision];
      if (t.eid.empty()) continue;
      // The term's first occurrence not already inside a link.
      for (std::size_t at = p.text.find(use.text); at != std::string::npos; at = p.text.find(use.text, at + 1)) {
        const std::size_t end = at + use.text.size();
        const bool taken =
            std::any_of(links.begin(), links.end(), [&](const Link& l) { return at < l.end && l.begin < end; });
        if (taken) continue;
        links.push_back(
            {at, end, "#" + provision_anchor(n, t.eid), "defined in " + (t.citation.empty() ? t.eid : t.citation)});
        break;
      }
    }
    return links;
  }

  // The statute's table of contents: its parts, chapters and sections, down to two levels.
  mustache::data contents(const akn::Document& d, int n) {
    mustache::data list{mustache::data::type::list};
    std::size_t entries = 0;
    for (std::size_t i = 0; i < d.provisions.size() && entries < 600; ++i) {
      const akn::Provision& p = d.provisions[i];
      if (p.depth > 1 || p.eid.empty() || (p.heading.empty() && p.citation.empty() && p.num.empty())) continue;
      mustache::data e;
      e.set("anchor", provision_anchor(n, p.eid));
      e.set("label", (p.citation.empty() ? p.num : p.citation) + (p.heading.empty() ? "" : " " + p.heading));
      e.set("indent", p.depth == 0 ? "0" : "1.2");
      list.push_back(e);
      ++entries;
    }
    return list;
  }

  void add_document(mustache::data& out, const akn::Document& d, int n) {
    for (std::size_t root : d.roots()) add_provision(out, d, n, root);
    for (const auto& c : d.components) add_document(out, c, n);
  }

  void add_provision(mustache::data& out, const akn::Document& d, int n, std::size_t index) {
    const akn::Provision& p = d.provisions[index];
    auto it = marks_.find({&d, index});
    const ProvisionMarks* m = it == marks_.end() ? nullptr : &it->second;
    mustache::data item;
    std::string anchor = provision_anchor(n, p.eid);
    if (!p.eid.empty() && used_anchors_.insert(anchor).second) item.set("anchor", anchor);
    set_if(item, "cite", p.citation.empty() ? p.num : p.citation);
    set_if(item, "head", p.heading);
    set_if(item, "eid", p.eid);
    set_if(item, "text_html", linked_html(p.text, m ? m->text_spans : Spans{}, links_in(d, n, index)));
    item.set("indent", fmt::format("{:.1f}", std::min(p.depth, 6) * 1.4));
    if (m) {
      item.set("cited", true);
      std::string links;
      for (const auto& [id, label] : m->cited_by) {
        if (!links.empty()) links += ", ";
        links += fmt::format("<a href=\"#ob-{}\">{}</a>", html_escape(id), html_escape(label));
      }
      item.set("cited_by", links);
    }
    out.push_back(item);
    for (std::size_t c : p.children) add_provision(out, d, n, c);
    if (!p.wrap_up.empty()) {
      mustache::data wrap;
      wrap.set("text_html", marked_html(p.wrap_up, m ? m->wrap_spans : Spans{}));
      wrap.set("indent", fmt::format("{:.1f}", std::min(p.depth, 6) * 1.4));
      out.push_back(wrap);
    }
  }

  const CountryReport& report_;
  const std::vector<akn::Document>& documents_;
  std::map<std::pair<const akn::Document*, std::size_t>, ProvisionMarks> marks_;
  std::set<std::string> used_anchors_;
};

}  // namespace

std::string percent(int part, int whole) { return whole <= 0 ? "0" : fmt::format("{:.1f}", 100.0 * part / whole); }

std::string status_class(Status s) {
  if (s == Status::not_applicable) return "not-applicable";
  if (s == Status::not_assessed) return "not-assessed";
  if (s == Status::not_in_documents) return "not-in-documents";
  return std::string(analysis::to_string(s));
}

mustache::data evidence_data(const analysis::Evidence& e, const std::vector<analysis::DocumentInfo>& documents) {
  mustache::data d;
  int n = document_number(documents, e.document);
  d.set("anchor", provision_anchor(n, e.eid));
  d.set("citation", e.citation.empty() ? e.eid : e.citation);
  d.set("eid", e.eid);
  d.set("doc", e.doc_title.empty() ? e.document : e.doc_title);
  d.set("passage_html", mark_passage(e, "<mark>", "</mark>", [](std::string_view s) { return html_escape(s); }));
  set_if(d, "chain_text", chain_sentence(e));
  set_if(d, "pattern_text", e.pattern);
  set_if(d, "pattern_lang", e.language);
  set_if(d, "matched_words", e.matched);
  return d;
}

mustache::data element_data(const analysis::ElementFinding& el, const std::vector<analysis::DocumentInfo>& documents) {
  mustache::data d;
  d.set("title", el.title);
  d.set("status", element_status(el.status, el.red_flag));
  d.set("status_class", status_class(el.status));
  d.set("confidence", fmt::format("{:.2f}", el.confidence));
  d.set("is_red_flag", el.red_flag);
  set_if(d, "el_reason", el.reason);
  mustache::data evidence{mustache::data::type::list};
  for (const auto& e : el.evidence) evidence.push_back(evidence_data(e, documents));
  d.set("evidence", evidence);
  return d;
}

mustache::data finding_data(const analysis::ObligationFinding& f,
                            const std::vector<analysis::DocumentInfo>& documents) {
  mustache::data d;
  d.set("id", f.id);
  d.set("title", f.title);
  d.set("status", std::string(analysis::to_string(f.status)));
  d.set("status_class", status_class(f.status));
  d.set("layer", std::string(to_string(layer_of(f.klass))));
  d.set("area", std::string(model::to_string(f.area)));
  d.set("area_name", area_heading(f.area));
  d.set("article", article_label(f));
  d.set("klass", class_label(f.klass));
  d.set("confidence", fmt::format("{:.2f}", f.confidence));
  d.set("reason", f.reason);
  if (f.status != Status::met && f.status != Status::not_applicable && f.status != Status::not_assessed)
    set_if(d, "advice_text", f.advice);
  mustache::data elements{mustache::data::type::list};
  for (const auto& el : f.elements) elements.push_back(element_data(el, documents));
  for (const auto& rf : f.red_flags) elements.push_back(element_data(rf, documents));
  d.set("elements", elements);
  return d;
}

mustache::data documents_data(const std::vector<analysis::DocumentInfo>& documents) {
  mustache::data list{mustache::data::type::list};
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const auto& doc = documents[i];
    mustache::data d;
    d.set("n", std::to_string(i + 1));
    d.set("title", doc.title.empty() ? doc.path : doc.title);
    d.set("path", doc.path);
    set_if(d, "expression_uri", doc.expression_uri);
    d.set("doc_type", doc.doc_type);
    d.set("language", doc.language);
    d.set("expression_date", doc.expression_date.empty() ? "not stated" : doc.expression_date);
    d.set("sha256", doc.sha256);
    list.push_back(d);
  }
  return list;
}

mustache::data page_basics(const std::string& title_country) {
  mustache::data d;
  d.set("country", title_country);
  d.set("note", std::string(kAssessmentNote));
  d.set("css", std::string(embedded_template("report.css")));
  d.set("js", std::string(embedded_template("report.js")));
  return d;
}

std::string render_html(const CountryReport& report, const std::vector<akn::Document>& documents) {
  const std::string name = country_name(report.country);
  mustache::data page = page_basics(report.country.empty() ? "Country not stated"
                                    : name.empty()         ? report.country
                                                           : name);
  page.set("verdict", verdict(report));
  page.set("headline", mandatory_headline(report));
  mustache::data recs{mustache::data::type::list};
  const std::vector<Recommendation> recommended = recommendations(report);
  for (const Recommendation& r : recommended) {
    mustache::data item;
    item.set("number", std::to_string(r.number));
    item.set("priority", std::string(priority_label(r.priority)));
    item.set("title", r.finding->title);
    item.set("article", article_label(*r.finding));
    item.set("anchor", "ob-" + r.finding->id);
    item.set("where", r.where);
    item.set("action", r.action);
    recs.push_back(item);
  }
  page.set("has_recommendations", !recommended.empty());
  if (!report.named_laws.empty()) page.set("named_laws", named_laws_line(report, 20));
  page.set("recommendations", recs);
  if (!report.documents.empty())
    page.set("subtitle", report.documents.size() == 1 ? (report.documents[0].title.empty() ? report.documents[0].path
                                                                                           : report.documents[0].title)
                                                      : fmt::format("{} documents", report.documents.size()));
  mustache::data secondary{mustache::data::type::list};
  for (Layer layer : {Layer::optional, Layer::good_practice}) {
    StatusCounts c = count_layer(report, layer);
    if (c.total + c.not_applicable == 0) continue;
    mustache::data line;
    line.set("line",
             headline(layer == Layer::optional ? "Optional obligations" : "Good practice", c) + " (counted apart)");
    secondary.push_back(line);
  }
  page.set("secondary", secondary);
  page.set("model_version", report.model_version);
  page.set("generated", report.generated);
  page.set("documents", documents_data(report.documents));

  mustache::data layers_summary{mustache::data::type::list}, layers{mustache::data::type::list};
  for (Layer layer : kLayers) {
    StatusCounts lc = count_layer(report, layer);
    if (lc.total + lc.not_applicable + lc.not_assessed == 0) continue;
    mustache::data card;
    card.set("heading", std::string(layer_heading(layer)));
    card.set("headline", headline("", lc).substr(2));  // "26 of 29 met, 0 partial, ..."
    mustache::data areas{mustache::data::type::list};
    for (model::Area area : kAreas) {
      StatusCounts c = count_area(report, layer, area);
      int whole = c.total + c.not_applicable;
      if (whole == 0) continue;
      mustache::data row;
      row.set("name", area_heading(area));
      row.set("met", percent(c.met, whole));
      row.set("partial", percent(c.partial, whole));
      row.set("gap", percent(c.gap, whole));
      row.set("conflict", percent(c.conflict, whole));
      row.set("label", fmt::format("{} of {}", c.met, c.total));
      row.set("tooltip", fmt::format("{} met, {} partial, {} gap, {} conflict, {} not applicable", c.met, c.partial,
                                     c.gap, c.conflict, c.not_applicable));
      areas.push_back(row);
    }
    card.set("areas", areas);
    layers_summary.push_back(card);

    mustache::data group;
    group.set("layer", std::string(to_string(layer)));
    group.set("heading", std::string(layer_heading(layer)));
    mustache::data findings{mustache::data::type::list};
    for (model::Area area : kAreas)
      for (const auto& f : report.findings)
        if (layer_of(f.klass) == layer && f.area == area) findings.push_back(finding_data(f, report.documents));
    group.set("findings", findings);
    layers.push_back(group);
  }
  page.set("layers_summary", layers_summary);
  page.set("layers", layers);

  mustache::data buttons{mustache::data::type::list};
  for (model::Area area : kAreas) {
    bool any = false;
    for (const auto& f : report.findings) any = any || f.area == area;
    if (!any) continue;
    mustache::data b;
    b.set("key", std::string(model::to_string(area)));
    b.set("name", area_heading(area));
    buttons.push_back(b);
  }
  page.set("area_buttons", buttons);

  mustache::data offences{mustache::data::type::list};
  for (const auto& o : report.offences) {
    mustache::data d;
    d.set("anchor", provision_anchor(document_number(report.documents, o.document), o.eid));
    d.set("citation", o.citation.empty() ? o.eid : o.citation);
    d.set("eid", o.eid);
    d.set("heading", o.heading);
    d.set("trafficking", o.trafficking ? (o.narrow ? "yes (narrower than art 3)" : "yes") : "no");
    std::string how = o.found_by;
    for (const std::string& p : o.parts) how += "; with " + p;
    d.set("found_by", how);
    d.set("penalty", o.penalty_text);
    offences.push_back(d);
  }
  mustache::data unread{mustache::data::type::list};
  for (const std::string& d : report.not_assessed) unread.push_back(mustache::data(d));
  page.set("not_assessed", unread);
  page.set("has_offences", !report.offences.empty());
  page.set("offences", offences);

  StatuteView view(report, documents);
  page.set("statutes", view.statutes());
  return render_template("report.html", page);
}

}  // namespace palermo::report
