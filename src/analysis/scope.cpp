// Building the three scopes of the model (see scope.hpp).
#include "analysis/scope.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "analysis/citations.hpp"
#include "grammars/citation/citation.hpp"

namespace palermo::analysis {

namespace {

std::string cite_of(const akn::Provision& p) { return p.citation.empty() ? p.eid : p.citation; }

}  // namespace

Scopes build_scopes(Corpus& corpus, Lexicons& lex, const std::vector<OffenceSite>& offences, const Definitions& defs) {
  Scopes s;
  std::set<std::tuple<std::size_t, std::uint32_t, std::uint32_t>> seen;
  auto add = [&](std::vector<ScopeItem>& to, ScopeItem item) {
    if (item.range.second <= item.range.first) return;
    to.push_back(std::move(item));
  };

  for (const OffenceSite& o : offences) {
    if (!o.info.trafficking) continue;
    const DocText& dt = corpus.doc(o.doc);
    ScopeItem item{o.doc, o.range.second > o.range.first ? o.range : dt.subtree[o.unit], o.unit, 0, {}};
    seen.insert({o.doc, item.range.first, item.range.second});
    add(s.offence, item);
  }
  // The definition of the crime's name, for an offence that punishes the crime by name: its acts,
  // means and purpose are the offence's own ("Constitue la traite des personnes le fait de ...").
  std::vector<ScopeItem> penalty_parts;
  for (const OffenceSite& o : offences) {
    if (!o.info.trafficking) continue;
    const DocText& dt = corpus.doc(o.doc);
    const akn::Provision& op = dt.doc->provisions[o.unit];
    for (const OffencePart& part : o.parts) {
      const akn::Provision& pp = corpus.doc(part.doc).doc->provisions[part.provision];
      ChainLink from{"offence", dt.doc->path, op.eid, cite_of(op), "the trafficking offence"};
      ChainLink link = part.role == "definition" ? ChainLink{"defined-term", corpus.doc(part.doc).doc->path, pp.eid,
                                                             cite_of(pp), "punishes the crime defined here"}
                                                 : ChainLink{"cross-reference", corpus.doc(part.doc).doc->path, pp.eid,
                                                             cite_of(pp), "its penalty stands here"};
      ScopeItem item{part.doc, part.range, part.provision, 1, {from, link}};
      if (!seen.insert({part.doc, part.range.first, part.range.second}).second) continue;
      if (part.role == "definition")
        add(s.offence, item);
      else
        penalty_parts.push_back(item);
    }
  }
  s.offence_terms = s.offence;
  for (ScopeItem& item : penalty_parts) add(s.offence_terms, std::move(item));

  auto carries_offence_elements = [&](const Definition& d) { return lex.in("definition-carrier", d.doc, d.range); };
  // Defined terms the offences use, and the terms those definitions use (two levels: "exploitation"
  // is defined with "forced labour", itself defined elsewhere).
  std::set<std::size_t> used_defs;
  struct Pending {
    std::size_t def;
    std::vector<ChainLink> chain;
  };
  std::vector<Pending> frontier;
  // A defined term of several words whose head is a word of exploitation ("exploitation of another",
  // "exploitation d'autrui", "explotación ajena") is used wherever its head is, unless the head is
  // itself defined: the offence says "for the purpose of exploitation" and means that definition.
  auto head_terms_used = [&](const std::string& folded, std::size_t doc, std::vector<std::size_t>& used) {
    for (std::size_t di = 0; di < defs.all.size(); ++di) {
      const Definition& d = defs.all[di];
      const std::size_t space = d.term.find(' ');
      if (d.doc != doc || space == std::string::npos || space < 6) continue;
      const std::string head = d.term.substr(0, space);
      if (!has_word(folded, head, false) || !lex.in_text("exploitation-purpose", doc, head)) continue;
      const bool head_defined = std::any_of(defs.all.begin(), defs.all.end(),
                                            [&](const Definition& o) { return o.doc == doc && o.term == head; });
      if (!head_defined && std::find(used.begin(), used.end(), di) == used.end()) used.push_back(di);
    }
  };
  for (const ScopeItem& off : s.offence) {
    const DocText& dt = corpus.doc(off.doc);
    const akn::Provision& p = dt.doc->provisions[off.provision];
    // The heading too: "Acts of Trafficking in Persons" uses the defined term the text leaves implicit.
    std::string f = corpus.folded(off.doc, off.range) + " " + fold_text(p.heading);
    std::vector<std::size_t> used = terms_used(defs, f, off.doc);
    head_terms_used(f, off.doc, used);
    for (std::size_t di : terms_marked(defs, dt, off.doc, off.provision))
      if (std::find(used.begin(), used.end(), di) == used.end()) used.push_back(di);
    for (std::size_t di : used) {
      if (!used_defs.insert(di).second) continue;
      const Definition& d = defs.all[di];
      ChainLink from_offence{"offence", dt.doc->path, p.eid, cite_of(p), "the trafficking offence"};
      const akn::Provision& dp = corpus.doc(d.doc).doc->provisions[d.provision];
      ChainLink link{"defined-term", corpus.doc(d.doc).doc->path, dp.eid, cite_of(dp),
                     "uses the defined term '" + d.display + "'"};
      frontier.push_back({di, {from_offence, link}});
    }
  }
  for (int level = 0; level < 2 && !frontier.empty(); ++level) {
    std::vector<Pending> next;
    for (const Pending& pend : frontier) {
      const Definition& d = defs.all[pend.def];
      // Only definitions that can carry an element of the offence (what trafficking or exploitation
      // is, a means, a form of exploitation, who a child is) extend it: an offence that uses "gain"
      // or "Minister" does not take in whatever words those definitions happen to contain.
      if (!carries_offence_elements(d)) continue;
      s.terms.push_back(d.display);
      ScopeItem item{d.doc, d.range, d.provision, 1, pend.chain};
      if (seen.insert({d.doc, d.range.first, d.range.second}).second) add(s.offence_terms, item);
      if (level == 1) continue;
      std::string f = corpus.folded(d.doc, d.range);
      std::vector<std::size_t> inner_used = terms_used(defs, f, d.doc);
      head_terms_used(f, d.doc, inner_used);
      for (std::size_t di : inner_used) {
        if (!used_defs.insert(di).second) continue;
        const Definition& inner = defs.all[di];
        const akn::Provision& ip = corpus.doc(inner.doc).doc->provisions[inner.provision];
        auto chain = pend.chain;
        chain.push_back({"defined-term", corpus.doc(inner.doc).doc->path, ip.eid, cite_of(ip),
                         "'" + d.display + "' uses the defined term '" + inner.display + "'"});
        next.push_back({di, std::move(chain)});
      }
    }
    frontier = std::move(next);
  }

  // Sections that are lists of definitions: reached through the terms the offence uses, never
  // wholesale through a citation ("as defined in section 1").
  std::map<std::pair<std::size_t, std::size_t>, int> definitions_per_unit;
  for (const Definition& d : defs.all) ++definitions_per_unit[{d.doc, corpus.doc(d.doc).unit_of[d.provision]}];
  auto definition_section = [&](std::size_t doc, std::size_t unit) {
    auto it = definitions_per_unit.find({doc, unit});
    return it != definitions_per_unit.end() && it->second >= 3;
  };

  // Provisions that define words for the offence without being a definitions list: "For the
  // purposes of sections 279.01 to 279.03, a person exploits another person if ...", "Constitue une
  // exploitation au sens de l'article 333 bis ...". They cite the offence (or its definition).
  for (const OffenceSite& o : offences) {
    if (!o.info.trafficking) continue;
    const DocText& dt = corpus.doc(o.doc);
    const akn::Document& d = *dt.doc;
    auto is_offence_part = [&](std::size_t target) {
      // The offence itself, a provision inside it, or the section or Part that holds it ("Au sens
      // de la présente section, l'exploitation s'entend ...").
      if (dt.is_ancestor_or_self(o.unit, target) || dt.is_ancestor_or_self(target, o.unit)) return true;
      // ... or its definition; not its penalty provision ("in determining the penalty under section
      // 120, the court shall take into account ... sexual exploitation" defines nothing).
      return std::any_of(o.parts.begin(), o.parts.end(), [&](const OffencePart& p) {
        return p.role == "definition" && p.doc == o.doc && dt.is_ancestor_or_self(dt.unit_of[p.provision], target);
      });
    };
    const akn::Provision& op = d.provisions[o.unit];
    for (std::size_t u : dt.units) {
      if (dt.treaty_text[u] || u == o.unit) continue;
      const ByteRange range = dt.subtree[u];
      if (seen.count({o.doc, range.first, range.second})) continue;
      if (!lex.in_or_heading("definition-formula", o.doc, range, d.provisions[u].heading)) continue;
      if (!lex.in("definition-carrier", o.doc, range)) continue;
      if (definition_section(o.doc, u)) continue;  // a list of definitions is reached through the terms used
      bool cites = false;
      for (const citation::Citation& c : corpus.citations(o.doc, range)) {
        if (c.kind == citation::Kind::this_act) continue;  // "this Act" is every provision of it
        std::size_t at = dt.provision_at(range.first + static_cast<std::uint32_t>(c.begin));
        for (std::size_t t : resolve(c, d, at))
          if (is_offence_part(t)) cites = true;
        if (cites) break;
      }
      if (!cites) continue;
      seen.insert({o.doc, range.first, range.second});
      const akn::Provision& up = d.provisions[u];
      add(s.offence_terms,
          ScopeItem{o.doc,
                    range,
                    u,
                    1,
                    {ChainLink{"offence", d.path, op.eid, cite_of(op), "the trafficking offence"},
                     ChainLink{"defined-term", d.path, up.eid, cite_of(up), "defines words for the offence"}}});
    }
  }

  // Provisions the offences cite, by the citation grammar and by <ref> marks.
  for (const ScopeItem& off : s.offence) {
    const DocText& dt = corpus.doc(off.doc);
    const akn::Document& d = *dt.doc;
    const akn::Provision& op = d.provisions[off.provision];
    std::vector<std::pair<std::size_t, std::string>> targets;
    for (const citation::Citation& c : corpus.citations(off.doc, off.range)) {
      if (c.kind == citation::Kind::this_act || c.kind == citation::Kind::this_part ||
          c.kind == citation::Kind::this_chapter || c.kind == citation::Kind::part || c.kind == citation::Kind::chapter)
        continue;  // whole Acts and Parts are not a citation of a particular rule
      std::size_t at = dt.provision_at(off.range.first + static_cast<std::uint32_t>(c.begin));
      for (std::size_t t : resolve(c, d, at)) targets.emplace_back(t, c.text);
    }
    for (const akn::Reference& r : d.references) {
      if (r.target_eid.empty() || r.provision >= d.provisions.size()) continue;
      if (!dt.is_ancestor_or_self(off.provision, r.provision)) continue;
      if (auto t = d.find(r.target_eid)) targets.emplace_back(*t, r.text);
    }
    // A citation of a container ("la présente section", "Part 2") stands for each section or
    // article in it: matching must never join words of two different articles.
    std::vector<std::pair<std::size_t, std::string>> expanded;
    for (const auto& [target, words] : targets) {
      if (dt.unit_of[target] == target || !dt.is_ancestor_or_self(target, dt.unit_of[target])) {
        bool container = false;
        for (std::size_t u : dt.units)
          if (u != target && dt.is_ancestor_or_self(target, u)) {
            expanded.emplace_back(u, words);
            container = true;
          }
        if (container) continue;
      }
      expanded.emplace_back(target, words);
    }
    for (const auto& [target, words] : expanded) {
      if (dt.is_ancestor_or_self(off.provision, target) || dt.treaty_text[target]) continue;
      // A list of definitions is reached through the terms used, not read whole; a single paragraph
      // of it the offence cites by number ("el Párrafo I del artículo 1") is read like any other.
      const bool single_paragraph = target != dt.unit_of[target] && d.provisions[target].children.empty();
      if (definition_section(off.doc, dt.unit_of[target]) && !single_paragraph) continue;
      ByteRange range = dt.subtree[target];
      if (!seen.insert({off.doc, range.first, range.second}).second) continue;
      const akn::Provision& tp = d.provisions[target];
      ScopeItem item{off.doc,
                     range,
                     target,
                     1,
                     {ChainLink{"offence", d.path, op.eid, cite_of(op), "the trafficking offence"},
                      ChainLink{"cross-reference", d.path, tp.eid, cite_of(tp), "refers to " + words}}};
      add(s.offence_terms, item);
    }
  }

  // Aggravated forms: other offences naming trafficking that cite a trafficking offence or call
  // themselves aggravated or severe.
  s.offence_terms_aggravated = s.offence_terms;
  for (const OffenceSite& o : offences) {
    if (o.info.trafficking) continue;
    // Only a law that has a trafficking offence can have aggravated forms of it.
    if (std::none_of(offences.begin(), offences.end(),
                     [&](const OffenceSite& core) { return core.info.trafficking && core.doc == o.doc; }))
      continue;
    const DocText& dt = corpus.doc(o.doc);
    const akn::Document& d = *dt.doc;
    const std::string& heading = d.provisions[o.unit].heading;
    const bool names_trafficking = lex.in_or_heading("offence-name", o.doc, dt.subtree[o.unit], heading);
    const OffenceSite* base = nullptr;
    for (const citation::Citation& c : corpus.citations(o.doc, dt.subtree[o.unit])) {
      std::size_t from = dt.provision_at(dt.subtree[o.unit].first + static_cast<std::uint32_t>(c.begin));
      for (std::size_t t : resolve(c, d, from))
        for (const OffenceSite& core : offences)
          if (core.info.trafficking && core.doc == o.doc && dt.is_ancestor_or_self(core.unit, t)) base = &core;
      if (base) break;
    }
    bool named_aggravated = names_trafficking && lex.in_or_heading("aggravation", o.doc, dt.subtree[o.unit], heading);
    if (!base && !named_aggravated) continue;
    if (!base)
      for (const OffenceSite& core : offences)
        if (core.info.trafficking && core.doc == o.doc) {
          base = &core;
          break;
        }
    if (!base) continue;
    const akn::Provision& bp = d.provisions[base->unit];
    const akn::Provision& ap = d.provisions[o.unit];
    ScopeItem item{o.doc,
                   dt.subtree[o.unit],
                   o.unit,
                   1,
                   {ChainLink{"offence", d.path, bp.eid, cite_of(bp), "the trafficking offence"},
                    ChainLink{"cross-reference", d.path, ap.eid, cite_of(ap), "aggravated form of the offence"}}};
    if (seen.insert({o.doc, item.range.first, item.range.second}).second) add(s.offence_terms_aggravated, item);
  }

  for (std::size_t di = 0; di < corpus.docs().size(); ++di) {
    const DocText& dt = corpus.doc(di);
    if (!dt.assessed) continue;
    for (std::size_t u : dt.units) {
      if (dt.treaty_text[u]) continue;
      add(s.anywhere, ScopeItem{di, dt.subtree[u], u, 2, {}});
      if (!definition_section(di, u)) add(s.anywhere_operative, ScopeItem{di, dt.subtree[u], u, 2, {}});
    }
  }
  std::sort(s.terms.begin(), s.terms.end());
  s.terms.erase(std::unique(s.terms.begin(), s.terms.end()), s.terms.end());
  return s;
}

}  // namespace palermo::analysis
