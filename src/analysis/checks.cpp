// The computed checks of the model language (LANGUAGE.md, "Computed checks"): what plain pattern
// matching cannot decide — penalties, the child provisions, the general part. One function per
// check, found by name in a table; the words they look for come from the model's lexicons.
#include <algorithm>
#include <cmath>

#include "analysis/citations.hpp"
#include "analysis/confidence.hpp"
#include "analysis/evaluate.hpp"
#include "grammars/citation/citation.hpp"

namespace palermo::analysis {

namespace {

using namespace confidence;  // the levels every finding takes (confidence.hpp)

// Life imprisonment compared with terms in years: longer than any of them.
constexpr double kLife = kLifeYears;
constexpr double kSeriousCrimeYears = 4;    // UNTOC art 2(b)
constexpr std::uint32_t kQuoteBytes = 240;  // how much of an offence a check quotes

std::string years_text(double y) {
  if (std::isinf(y)) return "life";
  if (y < 1 && y > 0) return std::to_string(std::lround(y * 12)) + " months";
  double rounded = static_cast<double>(static_cast<int>(y));
  return (rounded == y ? std::to_string(static_cast<int>(y)) : std::to_string(y)) + " years";
}

// "life imprisonment", "7 years of imprisonment".
std::string imprisonment_text(double max) {
  return std::isinf(max) ? std::string("life imprisonment") : years_text(max) + " of imprisonment";
}

ByteRange quote(const DocText& dt, std::size_t provision, std::uint32_t bytes = kQuoteBytes) {
  const ByteRange r = dt.subtree[provision];
  return {r.first, std::min(r.second, r.first + bytes)};
}

}  // namespace

const std::map<std::string, Evaluator::Check>& Evaluator::checks() {
  static const std::map<std::string, Check> table = {
      {"offence-exists", &Evaluator::check_offence_exists},
      {"penalty-threshold", &Evaluator::check_penalty},
      {"fine-in-lieu", &Evaluator::check_penalty},
      {"child-no-means", &Evaluator::check_child_means},
      {"means-for-children", &Evaluator::check_child_means},
      {"child-under-18", &Evaluator::check_child_under_18},
      {"victims-restricted", &Evaluator::check_victims_restricted},
      {"general-part", &Evaluator::check_general_part},
      {"means", &Evaluator::check_means},
      {"no-transnationality", &Evaluator::check_no_transnationality},
      {"every-offence", &Evaluator::check_every_offence},
      {"legal-person-scope", &Evaluator::check_legal_person_scope},
      {"child-heavier-penalty", &Evaluator::check_child_heavier_penalty},
  };
  return table;
}

bool Evaluator::cites_trafficking_offence(std::size_t doc, std::size_t provision) {
  const DocText& dt = corpus_.doc(doc);
  const auto offences = trafficking_offences();
  for (const citation::Citation& c : corpus_.citations(doc, dt.subtree[provision])) {
    std::size_t at = dt.provision_at(dt.subtree[provision].first + static_cast<std::uint32_t>(c.begin));
    for (std::size_t target : resolve(c, *dt.doc, at))
      for (const OffenceSite* off : offences)
        if (off->doc == doc && dt.is_ancestor_or_self(off->unit, target) && !dt.is_ancestor_or_self(target, provision))
          return true;
  }
  return false;
}

std::optional<ElementFinding> Evaluator::run_check(const model::Obligation& o, const model::Element& e, bool red_flag) {
  (void)o;
  auto it = checks().find(e.check);
  if (it == checks().end()) return std::nullopt;  // a check this version does not know: the patterns decide
  ElementFinding f;
  f.id = e.id;
  f.title = e.title;
  f.red_flag = red_flag;
  current_ = &o;
  return (this->*(it->second))(e, std::move(f));
}

// A means of art 3: the words in the offence, or — when the offence requires no means at all (acts for
// a purpose of exploitation, as in Belgium, the UK Modern Slavery Act or US § 1590) — the offence
// itself, which reaches conduct by this means too: broader than art 3, not narrower.
ElementFinding Evaluator::check_means(const model::Element& e, ElementFinding f) {
  skip_purpose_definitions_ = true;
  ElementFinding found = evaluate_patterns(e, f.red_flag);
  skip_purpose_definitions_ = false;
  if (found.status == Status::met) return found;
  // One offence built without means, for victims of any age, is enough (US § 1590 beside § 1591,
  // whose means it need not repeat); a child offence without means is the child rule, not this.
  const OffenceSite* without_means = nullptr;
  for (const OffenceSite* off : trafficking_offences())
    if (!off->info.substitute && off->conduct_visible() && !offence_requires_means(corpus_, lex_, *off) &&
        !protects_only_women_or_children(*off, /*children_only=*/true) &&
        !(!off->info.heading.empty() &&
          lex_.in_text("child", off->doc, off->info.heading))) {  // "Trafficking in children"
      without_means = off;
      break;
    }
  // "'Traffic' means to recruit, entice, transport ... another person, by any means": the acts are
  // an offence whatever the means, so no means is an element (broader than art 3).
  if (!without_means)
    for (const OffenceSite* off : trafficking_offences()) {
      if (off->info.substitute || protects_only_women_or_children(*off, /*children_only=*/true)) continue;
      for (const OffencePart& part : off->parts) {
        if (part.role != "definition") continue;
        text::Match any = lex_.find("any-means", part.doc, part.range);
        if (!any || any.spans.empty()) continue;
        found.evidence = {passage_evidence(part.doc, {any.spans.front().first, any.spans.back().second}, e.check)};
        found.status = Status::met;
        found.confidence = kProbable;
        found.reason = "the offence " + off->info.citation + " uses a definition whose acts count " +
                       describe(found.evidence.back()) + ": no means is an element (broader than art 3)";
        return found;
      }
    }
  if (!without_means) return found;
  const ByteRange r = corpus_.doc(without_means->doc).subtree[without_means->words];
  found.evidence = {passage_evidence(without_means->doc, {r.first, std::min(r.second, r.first + 200)}, e.check)};
  found.status = Status::met;
  found.confidence = kProbable;
  found.reason = "the offence " + without_means->info.citation +
                 " requires no means at all, so it reaches conduct by this means too (broader than art 3)";
  return found;
}

// UNTOC art 34(2): independence of transnationality needs no express words. An offence that asks for
// neither a crossing nor an organized group (the obligation's red flags) meets it; the evidence is the
// offence itself.
ElementFinding Evaluator::check_no_transnationality(const model::Element& e, ElementFinding f) {
  ElementFinding found = evaluate_patterns(e, f.red_flag);
  const auto offences = trafficking_offences();
  if (found.status == Status::met && current_ != nullptr && !offences.empty()) {
    // Words of independence in one provision ("dentro ou fora do território nacional" in a child
    // offence) do not free an offence that requires a crossing or a group for other victims.
    for (const model::Element& flag : current_->red_flags) {
      const ElementFinding red = evaluate_element(*current_, flag, true);
      if (red.status != Status::conflict) continue;
      found.status = Status::partial;
      found.confidence = kTentative;
      found.reason = "only in part: " + found.reason + "; but " + lower_first(red.reason);
      return found;
    }
  }
  if (found.status == Status::met || offences.empty() || current_ == nullptr) return found;
  for (const model::Element& flag : current_->red_flags)
    if (evaluate_element(*current_, flag, true).status == Status::conflict) return found;
  const OffenceSite& off = *offences.front();
  const ByteRange r = corpus_.doc(off.doc).subtree[off.words];
  found.evidence = {passage_evidence(off.doc, {r.first, std::min(r.second, r.first + 160)}, e.check)};
  found.status = Status::met;
  found.confidence = kLikely;
  found.reason =
      "the offence " + offence_citations() + " does not require a border crossing or an organized criminal group";
  return found;
}

// Many laws aggravate trafficking of a child not with words of aggravation but with a limb of its own
// and a longer term ("... receives a child for the purpose of exploitation ... is liable to imprisonment
// for not less than ten years and not exceeding twenty-five years", where the adult offence carries
// twenty): that is the aggravating circumstance of CoE art 24(b) in substance.
ElementFinding Evaluator::check_child_heavier_penalty(const model::Element& e, ElementFinding f) {
  ElementFinding found = evaluate_patterns(e, f.red_flag);
  if (found.status == Status::met) return found;
  for (const OffenceSite* off : trafficking_offences()) {
    const DocText& dt = corpus_.doc(off->doc);
    const ByteRange unit = dt.subtree[off->unit];
    const auto mentions = penalty::find_penalties(dt.slice(unit));
    auto years = [](const penalty::PenaltyMention& m) { return m.life ? kLife : m.max_years; };
    // The heaviest maximum stated in a provision about a child, against a lighter one elsewhere.
    for (const penalty::PenaltyMention& heavy : mentions) {
      if (!heavy.imprisonment || years(heavy) <= 0) continue;
      const std::uint32_t at = unit.first + static_cast<std::uint32_t>(heavy.begin);
      // The clause holding the penalty: from the provision's start (or the previous full stop) to it.
      const std::size_t provision = dt.provision_at(at);
      const ByteRange own = dt.subtree[provision];
      std::uint32_t clause_start = own.first;
      const std::string_view before = dt.slice({own.first, at});
      if (const std::size_t stop = before.rfind(". "); stop != std::string_view::npos)
        clause_start = own.first + static_cast<std::uint32_t>(stop + 2);
      if (!lex_.in("child", off->doc, {clause_start, at})) continue;
      const bool lighter_elsewhere =
          std::any_of(mentions.begin(), mentions.end(), [&](const penalty::PenaltyMention& m) {
            return &m != &heavy && m.imprisonment && years(m) > 0 && years(m) < years(heavy) &&
                   !lex_.in("child", off->doc,
                            {unit.first + static_cast<std::uint32_t>(m.begin) > 200 + unit.first
                                 ? unit.first + static_cast<std::uint32_t>(m.begin) - 200
                                 : unit.first,
                             unit.first + static_cast<std::uint32_t>(m.begin)});
          });
      if (!lighter_elsewhere) continue;
      found.status = Status::met;
      found.confidence = kLikely;
      found.evidence = {
          passage_evidence(off->doc, {clause_start, unit.first + static_cast<std::uint32_t>(heavy.end)}, e.check)};
      found.reason = "the offence " + (off->info.citation.empty() ? off->info.eid : off->info.citation) +
                     " punishes trafficking of a child more heavily (" + heavy.text + ")";
      return found;
    }
  }
  return found;
}

// A requirement the Protocol forbids (a border crossing, an organized group) conflicts only when
// every trafficking offence has it: where one offence for victims of any age does without it, the
// one that has it is a variant or an aggravated form ("Where human trafficking is committed as
// organized crime, every member ... shall be punished with death").
ElementFinding Evaluator::check_every_offence(const model::Element& e, ElementFinding f) {
  ElementFinding found = evaluate_patterns(e, f.red_flag);
  if (found.status != Status::conflict) return found;
  auto has_it = [&](const OffenceSite* off) {
    const DocText& dt = corpus_.doc(off->doc);
    for (const Evidence& ev : found.evidence) {
      if (ev.document != dt.doc->path) continue;
      auto p = dt.doc->find(ev.eid);
      if (!p) continue;
      if (dt.is_ancestor_or_self(off->unit, *p)) return true;
      for (const OffencePart& part : off->parts)
        if (part.doc == off->doc && dt.is_ancestor_or_self(part.provision, *p)) return true;
    }
    return false;
  };
  for (const OffenceSite* off : trafficking_offences()) {
    if (!off->conduct_visible() && !off->by_name) continue;
    if (lex_.in("child", off->doc, off->range)) continue;  // a child offence does not free adult victims
    if (has_it(off)) continue;
    found.status = Status::met;
    found.confidence = kLikely;
    found.reason = "only " + found.evidence.front().citation + " has it (" + found.reason + "); the offence " +
                   off->info.citation + " does not, so it is a variant or an aggravated form, not a requirement";
    return found;
  }
  return found;
}

// Legal persons liable "only for the crimes specified in the following Articles": when the list
// leaves out every trafficking offence, the general words about legal persons do not reach it.
ElementFinding Evaluator::check_legal_person_scope(const model::Element& e, ElementFinding f) {
  ElementFinding found = evaluate_patterns(e, f.red_flag);
  if (found.status != Status::met) return found;
  const auto offences = trafficking_offences();
  if (offences.empty()) return found;
  for (const ScopeItem& item : scopes_.anywhere) {
    if (!lex_.in("legal-person-closed-list", item.doc, item.range)) continue;
    const DocText& dt = corpus_.doc(item.doc);
    const akn::Document& d = *dt.doc;
    bool lists = false, lists_offence = false;
    for (const citation::Citation& c : corpus_.citations(item.doc, item.range)) {
      if (c.kind == citation::Kind::this_act || c.kind == citation::Kind::this_part ||
          c.kind == citation::Kind::this_chapter || c.kind == citation::Kind::this_section ||
          c.kind == citation::Kind::this_article)
        continue;
      lists = true;
      const std::size_t at = dt.provision_at(item.range.first + static_cast<std::uint32_t>(c.begin));
      for (std::size_t t : resolve(c, d, at))
        for (const OffenceSite* off : offences)
          if (off->doc == item.doc && (dt.is_ancestor_or_self(t, off->unit) || dt.is_ancestor_or_self(off->unit, t)))
            lists_offence = true;
    }
    if (!lists || lists_offence) continue;
    Evidence ev =
        passage_evidence(item.doc, {item.range.first, std::min(item.range.second, item.range.first + 300)}, e.check);
    found.status = Status::gap;
    found.confidence = kLikely;
    found.reason = "legal persons are liable only for the offences listed in " + ev.citation +
                   ", which does not list the trafficking offence " + offence_citations();
    found.evidence.clear();
    found.evidence.push_back(std::move(ev));
    return found;
  }
  return found;
}

ElementFinding Evaluator::check_offence_exists(const model::Element& e, ElementFinding f) {
  const auto offences = trafficking_offences();
  const std::string cites = offence_citations();
  if (!offences.empty() &&
      std::all_of(offences.begin(), offences.end(), [](const OffenceSite* o) { return o->info.substitute; })) {
    const OffenceSite& closest = *offences.front();
    f.evidence.push_back(passage_evidence(closest.doc, quote(corpus_.doc(closest.doc), closest.words), e.check));
    f.status = Status::gap;
    f.confidence = kLikely;
    f.reason = "no offence is built like trafficking (acts done for a purpose of exploitation); the closest (" + cites +
               ") punish moving or dealing in persons without any purpose of exploitation";
    return f;
  }
  if (offences.empty()) {
    // An offence naming trafficking that lacks the acts or the purpose is worth showing.
    for (const OffenceSite& other : offences_) {
      if (!lex_.in("offence-name", other.doc, corpus_.doc(other.doc).subtree[other.unit])) continue;
      f.status = Status::partial;
      f.confidence = kGuess;
      f.evidence.push_back(passage_evidence(other.doc, quote(corpus_.doc(other.doc), other.words, 200), e.check));
      f.reason = "an offence naming trafficking exists in " + f.evidence.back().citation +
                 ", but it does not combine the acts with a purpose of exploitation";
      return f;
    }
    f.status = Status::gap;
    f.confidence = kProbable;
    f.reason = "no provision creating a trafficking offence was found";
    return f;
  }
  auto hits = search(e, scopes_.offence, 3);
  for (auto& h : hits) f.evidence.push_back(std::move(h.evidence));
  if (f.evidence.empty())
    for (const OffenceSite* off : offences)
      f.evidence.push_back(passage_evidence(off->doc, quote(corpus_.doc(off->doc), off->words, 200), e.check));
  // A narrow offence is still the offence: assessed, with what makes it narrower than art 3 named.
  const bool all_narrow =
      std::all_of(offences.begin(), offences.end(), [](const OffenceSite* o) { return o->info.narrow; });
  std::vector<std::string> shortfalls = all_narrow ? narrowness() : std::vector<std::string>{};
  // However it was found, an offence that protects only women or children is narrower than art 3.
  if (!all_narrow && std::all_of(offences.begin(), offences.end(),
                                 [&](const OffenceSite* o) { return protects_only_women_or_children(*o); }))
    shortfalls.push_back("it protects only women or children");
  // ... or that requires every victim of any age to be moved across a border (the model's red flag).
  if (const model::Obligation* independence = model_.find("crim.no-transnationality"))
    for (const model::Element& flag : independence->red_flags)
      if (flag.id == "movement-required" && evaluate_element(*independence, flag, true).status == Status::conflict)
        shortfalls.push_back("for victims of any age it requires a border crossing");
  std::string why;
  for (const std::string& s : shortfalls) why += (why.empty() ? "" : "; ") + s;
  f.status = shortfalls.empty() ? Status::met : Status::partial;
  f.confidence = shortfalls.empty() ? (all_narrow ? kLikely : kCertain) : kTentative;
  f.reason =
      (shortfalls.empty() ? "trafficking offence created by " : "a trafficking offence narrower than art 3 in ") +
      cites + " (" + offences.front()->info.found_by + (why.empty() ? "" : "; " + why) + "; " +
      describe(f.evidence.front()) + ")";
  return f;
}

std::vector<std::string> Evaluator::narrowness() {
  std::vector<std::string> out;
  const auto offences = trafficking_offences();
  if (offences.empty()) return out;
  // The forms of exploitation the offence reaches, by the model's own def.purpose elements.
  int forms = 0;
  if (const model::Obligation* purpose = model_.find("def.purpose"))
    for (const model::Element& e : purpose->elements)
      if (e.check.empty() && e.id != "intent" && !search(e, scopes_.offence_terms, 1).empty()) ++forms;
  const bool conduct_known =
      std::any_of(offences.begin(), offences.end(), [](const OffenceSite* o) { return o->conduct_visible(); });
  if (!conduct_known)
    out.push_back("its conduct is known only by the crime's name, which the documents do not define");
  else if (forms < 2)
    out.push_back(forms == 0 ? "it names no form of exploitation"
                             : "its purposes are limited to one form of exploitation");
  const bool one_act =
      std::all_of(offences.begin(), offences.end(), [](const OffenceSite* o) { return o->acts <= 1 && !o->by_name; });
  if (one_act) out.push_back("it reaches only one of the acts of art 3");
  if (std::all_of(offences.begin(), offences.end(),
                  [&](const OffenceSite* o) { return protects_only_women_or_children(*o); }))
    out.push_back("it protects only women or children");
  return out;
}

ElementFinding Evaluator::check_penalty(const model::Element& e, ElementFinding f) {
  const auto offences = trafficking_offences();
  const std::string cites = offence_citations();
  const OffenceSite* weakest = nullptr;  // the trafficking offence with the lowest maximum
  const OffenceSite* in_lieu = nullptr;
  auto basic_max = [](const OffenceSite* off) {
    if (off->basic_max_years >= 0) return off->basic_max_years;
    return off->penalty.life ? kLife : off->penalty.max_years;
  };
  for (const OffenceSite* off : offences) {
    if (!off->penalty.found()) continue;
    if (off->penalty.imprisonment && basic_max(off) >= 0 && (!weakest || basic_max(off) < basic_max(weakest)))
      weakest = off;
    if (off->penalty.fine_in_lieu && !in_lieu) in_lieu = off;
  }
  // A general provision that lets the court fine instead of imprisoning for any offence reaches an
  // offence with neither a minimum term nor life imprisonment ("the court may sentence the person to
  // pay a fine in place of imprisonment"; Commonwealth Crimes Acts).
  const ScopeItem* general_in_lieu = nullptr;
  const OffenceSite* reached = nullptr;
  if (!in_lieu && e.check == "fine-in-lieu") {
    for (const OffenceSite* off : offences)
      if (off->penalty.imprisonment && !off->penalty.life && off->penalty.min_years <= 0) {
        reached = off;
        break;
      }
    if (reached)
      for (const ScopeItem& item : scopes_.anywhere_operative)
        if (lex_.in("general-fine-in-lieu", item.doc, item.range) && lex_.in("general-rule", item.doc, item.range)) {
          general_in_lieu = &item;
          break;
        }
  }
  if (e.check == "fine-in-lieu") {
    if (in_lieu) {
      f.status = Status::conflict;
      f.confidence = kFirm;
      f.evidence.push_back(passage_evidence(in_lieu->penalty_doc, in_lieu->penalty_range, e.check));
      f.reason = "a fine alone may be imposed instead of imprisonment for the offence " + in_lieu->info.citation +
                 ": " + describe(f.evidence.back());
    } else if (general_in_lieu) {
      text::Match m = lex_.find("general-fine-in-lieu", general_in_lieu->doc, general_in_lieu->range);
      const ByteRange r =
          m && !m.spans.empty() ? ByteRange{m.spans.front().first, m.spans.back().second} : general_in_lieu->range;
      f.status = Status::conflict;
      f.confidence = kProbable;
      f.evidence.push_back(passage_evidence(general_in_lieu->doc, r, e.check));
      f.reason = "a general provision lets the court impose a fine in place of imprisonment, and the offence " +
                 reached->info.citation +
                 " has neither a minimum term nor life imprisonment: " + describe(f.evidence.back());
    } else {
      f.status = Status::met;
      f.confidence = offences.empty() ? kWeak : kLikely;
      f.reason = offences.empty() ? "no trafficking offence was found to check its penalty"
                                  : "no fine in lieu of imprisonment in the penalty for the offence " + cites;
    }
    return f;
  }
  if (offences.empty()) {
    f.status = Status::gap;
    f.confidence = kTentative;
    f.reason = "no provision creating a trafficking offence was found";
    return f;
  }
  if (!weakest) {
    f.status = Status::partial;
    f.confidence = kWeak;
    f.reason = "penalty not found: no term of imprisonment could be read in the offence " + cites +
               " or the provisions it cites";
    return f;
  }
  const double overall = weakest->penalty.life ? kLife : weakest->penalty.max_years;
  const double max = weakest->basic_max_years >= 0 ? weakest->basic_max_years : overall;
  f.evidence.push_back(passage_evidence(weakest->penalty_doc, weakest->penalty_range, e.check));
  std::string where =
      weakest->info.citation +
      (weakest->penalty_by_reference ? " (penalty by reference, " + f.evidence.back().citation + ")" : "") +
      (overall > max ? " (up to " + years_text(overall) + " in repeat or aggravated cases)" : "");
  const bool serious = max >= kSeriousCrimeYears;
  f.status = serious ? Status::met : Status::gap;
  f.confidence = serious ? kCertain : kFirm;
  f.reason = "maximum penalty " + imprisonment_text(max) + " for the offence " + where +
             (serious ? ", at least the four years of UNTOC art 2(b)" : ", below the four years of UNTOC art 2(b)");
  return f;
}

ElementFinding Evaluator::child_no_means(const model::Element& e) {
  ElementFinding c;
  c.id = e.id;
  c.title = e.title;
  const auto offences = trafficking_offences();
  const std::string cites = offence_citations();
  auto hits = search(e, scopes_.offence_terms, 3);
  if (hits.empty() && !offences.empty()) {
    // The child clause often stands in a section of its own that cites the offence: "Where the
    // person trafficked is a child, an offence under section 3 is committed whether or not ...".
    // Not a list of definitions: its items are not one clause, and the words of unrelated terms
    // would combine ("Child shall mean ..." and "Corporation ... whether or not").
    auto elsewhere = search(e, scopes_.anywhere_operative, 8);
    for (auto& h : elsewhere) {
      if (hits.size() >= 3) break;
      // In the offence's own law, a clause about "the offence" / "el delito" / "l'infraction"
      // (often "the previous article", which no citation names) is about that offence.
      const bool same_law = std::any_of(offences.begin(), offences.end(),
                                        [&](const OffenceSite* off) { return off->doc == h.item->doc; });
      const bool about_offence = same_law && (lex_.in("offence-name", h.item->doc, h.item->range) ||
                                              lex_.in("offence-reference", h.item->doc, h.item->range));
      if (about_offence || cites_trafficking_offence(h.item->doc, h.item->provision)) hits.push_back(std::move(h));
    }
  }
  if (!hits.empty()) {
    // A clause limited to younger children ("Lorsque la victime est un mineur âgé de moins de seize
    // ans ...") leaves older children to prove the means.
    const ScopeItem& at = *hits.front().item;
    // ... or by the law's own definition of a child ("enfant : toute personne âgée de moins de quinze
    // ans"), when the clause itself states no age and no definition of a child reaches eighteen.
    bool defined_younger = false, defined_eighteen = false;
    for (const Definition& d : defs_.all) {
      if (d.doc != at.doc || d.display.find(' ') != std::string::npos || !lex_.in_text("child", d.doc, d.display))
        continue;
      if (lex_.in("age-eighteen", d.doc, d.range))
        defined_eighteen = true;
      else if (lex_.in("age-below-eighteen", d.doc, d.range))
        defined_younger = true;
    }
    const bool clause_eighteen = lex_.in("age-eighteen", at.doc, at.range);
    const bool younger = (lex_.in("age-below-eighteen", at.doc, at.range) && !clause_eighteen) ||
                         (defined_younger && !defined_eighteen && !clause_eighteen);
    c.status = younger ? Status::partial : Status::met;
    c.confidence = younger ? kTentative : (at.tier == 0 ? kCertain : kLikely);
    c.reason = younger ? "the means are waived only for children below an age lower than eighteen: " +
                             describe(hits.front().evidence)
                       : "the means are not required where the victim is a child: " + describe(hits.front().evidence);
    for (auto& h : hits) c.evidence.push_back(std::move(h.evidence));
    return c;
  }
  // "Where the victim is a child ... regardless of whether there is evidence of abuse of power,
  // fraud, deception": the means listed by name instead of the word "means".
  for (const ScopeItem& item : scopes_.offence_terms) {
    const DocText& dt = corpus_.doc(item.doc);
    for (const auto& piece : dt.pieces) {
      if (piece.end <= item.range.first || piece.begin >= item.range.second) continue;
      const ByteRange r{std::max(piece.begin, item.range.first), std::min(piece.end, item.range.second)};
      if (!lex_.in("child", item.doc, r) || !lex_.in("means", item.doc, r) || !lex_.in("irrespective", item.doc, r))
        continue;
      c.evidence.push_back(
          passage_evidence(item.doc, {r.first, std::min(r.second, r.first + 300)}, e.check, item.chain));
      c.status = Status::met;
      c.confidence = kProbable;
      c.reason = "where the victim is a child the means need not be shown: " + describe(c.evidence.back());
      return c;
    }
  }
  // A limb of the offence for children that lists the acts without any means.
  for (const OffenceSite* off : offences) {
    const int limb = child_limb_without_means(corpus_, lex_, *off);
    if (limb < 0) continue;
    const DocText& dt = corpus_.doc(off->doc);
    const ByteRange r = dt.subtree[static_cast<std::size_t>(limb)];
    c.evidence.push_back(passage_evidence(off->doc, {r.first, std::min(r.second, r.first + 300)}, e.check));
    c.status = Status::met;
    c.confidence = kProbable;
    c.reason = "the limb " + dt.doc->provisions[static_cast<std::size_t>(limb)].citation +
               " of the offence, for child victims, lists the acts without any means";
    return c;
  }
  // A separate child offence with the acts and the purpose but none of the means.
  for (const OffenceSite* off : offences) {
    const ByteRange r = off->range;
    if (!off->conduct_visible() || !lex_.in("child", off->doc, r) || offence_requires_means(corpus_, lex_, *off))
      continue;
    c.evidence.push_back(passage_evidence(off->doc, quote(corpus_.doc(off->doc), off->words, 200), e.check));
    c.status = Status::met;
    c.confidence = kLikely;
    c.reason = "the child offence " + off->info.citation + " lists the acts and the purpose without any means";
    return c;
  }
  // "recruits ... a person by any means ... for the purpose of": no means is an element at all.
  for (const OffenceSite* off : offences) {
    text::Match any = lex_.find("any-means", off->doc, off->range);
    if (!any || any.spans.empty()) continue;
    c.evidence.push_back(passage_evidence(off->doc, {any.spans.front().first, any.spans.back().second}, e.check));
    c.status = Status::met;
    c.confidence = kProbable;
    c.reason = "the offence " + off->info.citation + " applies " + describe(c.evidence.back()) +
               ": no means is required of any victim, children included";
    return c;
  }
  // An offence that requires no means of anyone needs none where the victim is a child either.
  const bool genuine = !offences.empty() && std::none_of(offences.begin(), offences.end(), [](const OffenceSite* off) {
    return off->info.substitute || !off->conduct_visible();
  });
  if (genuine && std::none_of(offences.begin(), offences.end(),
                              [&](const OffenceSite* off) { return offence_requires_means(corpus_, lex_, *off); })) {
    const OffenceSite& off = *offences.front();
    c.evidence.push_back(passage_evidence(off.doc, quote(corpus_.doc(off.doc), off.words, 200), e.check));
    c.status = Status::met;
    c.confidence = kProbable;
    c.reason = "the offence " + cites + " requires no means of any victim, children included";
    return c;
  }
  c.status = Status::gap;
  c.confidence = offences.empty() ? kTentative : kProbable;
  c.reason = offences.empty() ? "no provision creating a trafficking offence was found"
                              : "no provision dispensing with the means for child victims found in the offence " +
                                    cites + " or the terms it uses";
  return c;
}

ElementFinding Evaluator::check_child_means(const model::Element& e, ElementFinding f) {
  if (!child_no_means_) child_no_means_ = child_no_means(e);
  const ElementFinding& no_means = *child_no_means_;
  if (e.check == "child-no-means") {
    ElementFinding out = no_means;
    out.id = e.id;
    out.title = e.title;
    out.red_flag = f.red_flag;
    return out;
  }
  // means-for-children: fires only when no child exception exists and the offence asks for a means.
  const auto offences = trafficking_offences();
  if (no_means.status == Status::met) {
    f.status = Status::met;
    f.confidence = no_means.confidence;
    f.reason = "no requirement of means for child victims: " + no_means.reason;
    return f;
  }
  for (const OffenceSite* off : offences) {
    if (!offence_requires_means(corpus_, lex_, *off)) continue;
    f.evidence.push_back(passage_evidence(off->doc, quote(corpus_.doc(off->doc), off->words), e.check));
    f.status = Status::conflict;
    f.confidence = kProbable;
    f.reason = no_means.status == Status::partial
                   ? "the offence " + off->info.citation +
                         " requires one of the means for children above the younger age " + "its child clause names (" +
                         no_means.reason + ")"
                   : "the offence " + off->info.citation +
                         " requires one of the means and no provision dispenses with them where the victim is a child";
    return f;
  }
  f.status = Status::met;
  f.confidence = kTentative;
  f.reason = offences.empty() ? "no trafficking offence was found to check"
                              : "the offence " + offence_citations() + " requires no means";
  return f;
}

ElementFinding Evaluator::check_child_under_18(const model::Element& e, ElementFinding f) {
  const auto offences = trafficking_offences();
  if (offences.empty()) {
    f.status = Status::gap;
    f.confidence = kTentative;
    f.reason = "no provision creating a trafficking offence was found";
    return f;
  }
  // Definitions of "child"/"minor" first: their ages decide. Where a law defines both ("child": under
  // sixteen; "minor": sixteen to eighteen), the one that reaches eighteen counts.
  const Definition* lower = nullptr;
  const Definition* unaged = nullptr;
  for (const Definition& d : defs_.all) {
    if (!corpus_.doc(d.doc).assessed || !lex_.in_text("child", d.doc, d.display)) continue;
    // "child" or "minor" itself, not "child pornography" or "child labour" (unless it states an age).
    const bool one_word = d.display.find(' ') == std::string::npos;
    if (!one_word && !lex_.in("age-eighteen", d.doc, d.range)) continue;
    if (lex_.in("age-eighteen", d.doc, d.range)) {
      Evidence ev = passage_evidence(d.doc, {d.range.first, std::min(d.range.second, d.range.first + 200)}, e.check);
      f.status = Status::met;
      f.confidence = kCertain;
      f.reason = "'" + d.display + "' is defined as a person under eighteen in " + ev.citation;
      f.evidence.push_back(std::move(ev));
      return f;
    }
    if (lex_.in("age-below-eighteen", d.doc, d.range)) {
      if (!lower) lower = &d;
    } else if (!unaged) {
      unaged = &d;
    }
  }
  if (const Definition* d = lower ? lower : unaged) {
    Evidence ev = passage_evidence(d->doc, {d->range.first, std::min(d->range.second, d->range.first + 200)}, e.check);
    f.status = lower ? Status::gap : Status::partial;
    f.confidence = lower ? kFirm : kProbable;
    f.reason = "'" + d->display + "' is defined in " + ev.citation +
               (lower ? " by an age lower than eighteen" : " without the age of eighteen");
    f.evidence.push_back(std::move(ev));
    return f;
  }
  auto hits = search(e, scopes_.offence_terms, 3);
  if (hits.empty()) {
    // An offence for children below a lower age ("Trafficking in persons under 16") speaks of
    // children by that age: an "under 18" elsewhere in the law (offenders' age, a detention
    // offence) does not define the victims the trafficking offences protect.
    for (const OffenceSite* off : offences) {
      if (!lex_.in("age-below-eighteen", off->doc, off->range) || lex_.in("age-eighteen", off->doc, off->range))
        continue;
      f.evidence.push_back(passage_evidence(off->doc, quote(corpus_.doc(off->doc), off->words, 200), e.check));
      f.status = Status::gap;
      f.confidence = kLikely;
      f.reason = "the offence " + off->info.citation +
                 " speaks of children by an age lower than eighteen, and no definition of a child as a person"
                 " under eighteen applies to the offences";
      return f;
    }
    hits = search(e, scopes_.anywhere, 2);
  }
  if (hits.empty()) {
    f.status = Status::gap;
    f.confidence = kProbable;
    f.reason = "no definition of a child as a person under eighteen found";
    return f;
  }
  // The age may stand beside the word rather than in it: "est mineure toute personne âgée de moins
  // de dix-huit ans". Look in the provision that holds the words.
  bool age_stated = false;
  for (std::size_t i = 0; i < hits.size() && !age_stated; ++i) {
    const ScopeItem& item = *hits[i].item;
    if (lex_.in("age-eighteen", item.doc, item.range)) {
      age_stated = true;
      std::swap(hits.front(), hits[i]);  // the passage that states the age leads the evidence
    }
  }
  // The age may stand in an aggravated form of the offence instead ("La pena se agravará ... cuando la
  // víctima sea menor de dieciocho años"): the law then says who is a child for its offences.
  if (!age_stated)
    for (auto& h : search(e, scopes_.offence_terms_aggravated, 6)) {
      if (!lex_.in("age-eighteen", h.item->doc, h.item->range)) continue;
      hits.insert(hits.begin(), std::move(h));
      age_stated = true;
      break;
    }
  // Only an age lower than eighteen stated where the offence speaks of children: older children are
  // left out ("un mineur âgé de moins de seize ans").
  if (!age_stated) {
    const ScopeItem& item = *hits.front().item;
    if (lex_.in("age-below-eighteen", item.doc, item.range)) {
      f.status = Status::gap;
      f.confidence = kLikely;
      f.reason = "the offence speaks of children by an age lower than eighteen: " + describe(hits.front().evidence);
      for (auto& h : hits) f.evidence.push_back(std::move(h.evidence));
      return f;
    }
  }
  f.status = age_stated ? Status::met : Status::partial;
  f.confidence = age_stated ? (hits.front().item->tier < 2 ? kFirm : kProbable) : kTentative;
  f.reason = age_stated
                 ? "a child is a person under eighteen: " + describe(hits.front().evidence)
                 : "the offence uses " + describe(hits.front().evidence) +
                       " but no age is stated in the documents analysed (confirm the civil code sets it at eighteen)";
  for (auto& h : hits) f.evidence.push_back(std::move(h.evidence));
  return f;
}

// The victim is whoever the acts are done to: "recruits ... or receives a person", "la traite
// d'enfants". The offender's "A person who" / "toute personne qui" says nothing about the victims, so
// the offence is read from its first act to the end of the subsection holding it, and an offence
// that punishes the crime by name is read in the definition of that name (and in the name itself).
bool Evaluator::protects_only_women_or_children(const OffenceSite& off, bool children_only) {
  const ByteRange unit = off.range;
  auto from_first_act = [&](std::size_t doc, ByteRange r) -> std::optional<ByteRange> {
    const DocText& d = corpus_.doc(doc);
    std::optional<std::uint32_t> first;
    for (const char* act : {"act-recruitment", "act-transportation", "act-transfer", "act-harbouring", "act-receipt"})
      if (text::Match m = lex_.find(act, doc, r); m && !m.spans.empty())
        first = first ? std::min(*first, m.spans.front().first) : m.spans.front().first;
    if (!first) return std::nullopt;
    ByteRange after{*first, r.second};
    std::size_t p = d.provision_at(*first);
    const std::size_t top = d.unit_of[p];
    while (d.doc->provisions[p].parent >= 0 && static_cast<std::size_t>(d.doc->provisions[p].parent) != top && p != top)
      p = static_cast<std::size_t>(d.doc->provisions[p].parent);
    if (p != top) after.second = std::min(after.second, d.subtree[p].second);
    // The victims stand right after the acts, before the means and the purpose: "l'accueil des
    // enfants aux fins d'exploitation, par ... le consentement d'une personne ayant autorité" names
    // children as victims; the person in control is not one.
    for (const char* next : {"exploitation-purpose", "means"})
      if (text::Match m = lex_.find(next, doc, after); m)
        for (const auto& span : m.spans)
          if (span.first > *first + 8) {
            after.second = std::min(after.second, span.first);
            break;
          }
    return after;
  };
  // A person named, other than inside the crime's name ("trafficking in persons").
  auto names_anyone = [&](std::size_t doc, ByteRange range) {
    text::Match persons = lex_.find("person-noun", doc, range);
    if (!persons) return false;
    text::Match names = lex_.find("offence-name", doc, range);
    return std::any_of(persons.spans.begin(), persons.spans.end(), [&](const auto& p) {
      return std::none_of(names.spans.begin(), names.spans.end(),
                          [&](const auto& n) { return p.first >= n.first && p.second <= n.second; });
    });
  };
  auto restricted_words = [&](std::size_t doc, ByteRange r) {
    if (children_only) return lex_.in("child", doc, r) && !lex_.in("women-only", doc, r);
    return lex_.in("women-only", doc, r) || lex_.in("child", doc, r);
  };
  std::vector<std::pair<std::size_t, ByteRange>> readings;  // where the victims are named
  if (auto after = from_first_act(off.doc, unit)) readings.emplace_back(off.doc, *after);
  for (const OffencePart& part : off.parts)
    if (part.role == "definition") {
      auto after = from_first_act(part.doc, part.range);
      readings.emplace_back(part.doc, after ? *after : part.range);
    }
  if (readings.empty()) {
    // Known by its name alone: "trafic d'enfants" names its victims; "trafficking" names none.
    text::Match name = lex_.find("offence-name", off.doc, unit);
    if (!name || name.spans.empty()) return false;
    const ByteRange words{name.spans.front().first, name.spans.front().second};
    return restricted_words(off.doc, words);
  }
  bool restricted = false;
  for (const auto& [doc, r] : readings) {
    if (names_anyone(doc, r)) return false;
    restricted = restricted || restricted_words(doc, r);
  }
  return restricted;
}

ElementFinding Evaluator::check_victims_restricted(const model::Element& e, ElementFinding f) {
  const auto offences = trafficking_offences();
  // Restricted only when every trafficking offence is: one that reaches anyone protects everyone.
  // Words such as "women and children" in an offence that also reaches "any person" are no conflict.
  const bool all_restricted =
      !offences.empty() && std::all_of(offences.begin(), offences.end(),
                                       [&](const OffenceSite* off) { return protects_only_women_or_children(*off); });
  if (all_restricted) {
    for (auto& h : search(e, scopes_.offence, 3)) f.evidence.push_back(std::move(h.evidence));
    if (f.evidence.empty()) {
      const OffenceSite* off = offences.front();
      f.evidence.push_back(passage_evidence(off->doc, quote(corpus_.doc(off->doc), off->words), e.check));
    }
  }
  if (!f.evidence.empty()) {
    f.status = Status::conflict;
    f.confidence = kSound;
    f.reason = "the offence protects only women and/or children: " + describe(f.evidence.front());
  } else {
    f.status = Status::met;
    f.confidence = offences.empty() ? kWeak : kLikely;
    f.reason = offences.empty()
                   ? "no trafficking offence was found to check"
                   : "no restriction of the victims to women or children found in the offence " + offence_citations();
  }
  return f;
}

// A provision under a heading of the general part of the code that holds a trafficking offence
// ("PARTE GERAL", "Livre premier", "General provisions").
bool Evaluator::under_general_part(std::size_t doc, std::size_t provision) {
  const auto offences = trafficking_offences();
  if (std::none_of(offences.begin(), offences.end(), [&](const OffenceSite* o) { return o->doc == doc; })) return false;
  const akn::Document& d = *corpus_.doc(doc).doc;
  for (int q = d.provisions[provision].parent; q >= 0; q = d.provisions[static_cast<std::size_t>(q)].parent) {
    const akn::Provision& p = d.provisions[static_cast<std::size_t>(q)];
    const std::string label = p.num + " " + p.heading;
    if (lex_.in_text("general-part", doc, label)) return true;
  }
  return false;
}

ElementFinding Evaluator::check_general_part(const model::Element& e, ElementFinding f) {
  // Attempt, complicity, organizing: in the offence itself, or in a general provision that applies
  // to every offence of the Act or Code (chain kind "general-part").
  const auto offences = trafficking_offences();
  if (offences.empty() && e.scope != model::Scope::anywhere) {
    f.status = Status::gap;
    f.confidence = kTentative;
    f.reason = "no provision creating a trafficking offence was found";
    return f;
  }
  auto hits = search(e, items_for(model::Scope::anywhere), 40);
  const Hit* direct = nullptr;
  std::vector<const Hit*> rules;  // provisions about the offence, and general rules applying to it
  const Hit* elsewhere = nullptr;
  for (const Hit& h : hits) {
    const DocText& dt = corpus_.doc(h.item->doc);
    bool in_offence = std::any_of(offences.begin(), offences.end(), [&](const OffenceSite* off) {
      return off->doc == h.item->doc && off->unit == h.item->provision;
    });
    // Another offence of the same law that names trafficking ("offences related to trafficking:
    // (a) attempts to traffic in persons", "aggravated trafficking: ... organising or directing").
    bool about_offence = std::any_of(offences_.begin(), offences_.end(), [&](const OffenceSite& off) {
      return off.doc == h.item->doc && off.unit == h.item->provision &&
             lex_.in("offence-name", off.doc, dt.subtree[off.unit]);
    });
    // Or a provision that cites the trafficking offence ("diriger ou organiser la commission de
    // l'une des infractions prévues aux articles 311-1 à 311-5").
    if (!in_offence && !about_offence) about_offence = cites_trafficking_offence(h.item->doc, h.item->provision);
    // Or a provision of the offence's own law that names the crime ("Les auteurs, co-auteurs et
    // complices des infractions de ... traite d'enfant sont ...").
    if (!in_offence && !about_offence)
      about_offence = std::any_of(offences.begin(), offences.end(),
                                  [&](const OffenceSite* off) { return off->doc == h.item->doc; }) &&
                      lex_.in("offence-name", h.item->doc, dt.subtree[h.item->provision]);
    if (in_offence) {
      if (!direct) direct = &h;
    } else if (about_offence || lex_.in("general-rule", h.item->doc, dt.subtree[h.item->provision]) ||
               under_general_part(h.item->doc, h.item->provision)) {
      rules.push_back(&h);
    } else if (!elsewhere) {
      elsewhere = &h;
    }
  }
  // The rule itself opens with the words ("Est complice ...", "Attempt to commit ..."); a provision
  // that only mentions them further on (legal persons' "auteurs ou complices") comes after it.
  auto lead = [](const Hit* x) {
    return x->evidence.highlights.empty() ? 1u << 30 : x->evidence.highlights.front().first;
  };
  std::stable_sort(rules.begin(), rules.end(), [&](const Hit* a, const Hit* b) { return lead(a) < lead(b); });
  auto general_link = [&](const Hit& h) {
    Evidence ev = h.evidence;
    const akn::Provision& p = corpus_.doc(h.item->doc).doc->provisions[h.item->provision];
    ev.chain.push_back({"general-part", ev.document, p.eid, p.citation.empty() ? p.eid : p.citation,
                        "a provision applying to the trafficking offences of the Act or Code"});
    return ev;
  };
  if (direct || !rules.empty()) {
    f.status = Status::met;
    f.confidence = direct ? kCertain : kSound;
    f.evidence.push_back(direct ? direct->evidence : general_link(*rules.front()));
    f.reason = e.title + ": " + describe(f.evidence.front());
    if (!direct && rules.size() > 1) f.evidence.push_back(general_link(*rules[1]));
    return f;
  }
  // Wording that reaches the element only in part (incitement for organizing), in the offence or
  // in a rule that applies to it.
  for (const Hit& h : search_partial(e, items_for(model::Scope::anywhere), 40)) {
    const DocText& dt = corpus_.doc(h.item->doc);
    const bool in_offence = std::any_of(offences.begin(), offences.end(), [&](const OffenceSite* off) {
      return off->doc == h.item->doc && off->unit == h.item->provision;
    });
    if (!in_offence && !lex_.in("general-rule", h.item->doc, dt.subtree[h.item->provision]) &&
        !under_general_part(h.item->doc, h.item->provision) &&
        !cites_trafficking_offence(h.item->doc, h.item->provision))
      continue;
    f.status = Status::partial;
    f.confidence = kDoubtful;
    f.evidence.push_back(in_offence ? h.evidence : general_link(h));
    f.reason = e.title + ": reached only in part, by " + describe(f.evidence.front());
    return f;
  }
  if (elsewhere) {
    f.status = Status::partial;
    f.confidence = kDoubtful;
    f.reason = e.title + ": only " + describe(elsewhere->evidence) +
               ", which does not say that it applies to the trafficking offence";
    f.evidence.push_back(elsewhere->evidence);
    return f;
  }
  f.status = Status::gap;
  f.confidence = kProbable;
  f.reason = "no " + lower_first(e.title) + " found in the offence " + offence_citations() + " or a general provision";
  return f;
}

}  // namespace palermo::analysis
