// The computed checks of the model language (LANGUAGE.md, "Computed checks"): what plain pattern
// matching cannot decide — penalties, the child provisions, the general part.
#include <algorithm>
#include <regex>

#include "analysis/citations.hpp"
#include "analysis/evaluate.hpp"
#include "grammars/citation/citation.hpp"

namespace palermo::analysis {

namespace {

std::string years_text(double y) {
  if (y >= 999) return "life";
  if (y < 1 && y > 0) return std::to_string(static_cast<int>(y * 12 + 0.5)) + " months";
  double rounded = static_cast<double>(static_cast<int>(y));
  return (rounded == y ? std::to_string(static_cast<int>(y)) : std::to_string(y)) + " years";
}

// "life imprisonment", "7 years of imprisonment".
std::string imprisonment_text(double max) {
  return max >= 999 ? std::string("life imprisonment") : years_text(max) + " of imprisonment";
}

bool mentions_child(std::string_view f) {
  return has_any_word(f, {"child", "minor", "juvenile", "enfant", "mineur", "nino", "nina", "menor", "crianca"});
}

// A general provision: it applies to the offences of the Act or Code as a whole, or names the offence.
bool applies_generally(std::string_view f) {
  return has_any_word(f, {"this act", "any offence", "an offence under", "offences under", "offence under this",
                          "any crime", "present code", "presente section", "presente loi",
                          "present chapitre", "delits prevus", "crimes et delits", "toute infraction",
                          "la tentative du delit", "los delitos", "esta ley", "este codigo", "presente ley",
                          // general rules speak of offences in the indefinite: "attempts to commit an
                          // offence", "complice d'un crime ou d'un délit", "cómplice de un delito"
                          "commit an offence", "commits an offence", "commit any offence", "an offence is committed",
                          "a crime", "un crime", "d un crime", "un delit", "d un delit", "un delito", "cualquier delito",
                          "todo delito", "un crimen", "um crime"});
}

}  // namespace

bool Evaluator::cites_trafficking_offence(std::size_t doc, std::size_t provision) {
  const DocText& dt = corpus_.doc(doc);
  const auto offences = trafficking_offences();
  std::string_view text = dt.slice(dt.subtree[provision]);
  for (const citation::Citation& c : citation::find_citations(text)) {
    std::size_t at = dt.provision_at(dt.subtree[provision].first + static_cast<std::uint32_t>(c.begin));
    for (std::size_t target : resolve(c, *dt.doc, at))
      for (const OffenceSite* off : offences)
        if (off->doc == doc && dt.is_ancestor_or_self(off->unit, target) && !dt.is_ancestor_or_self(target, provision))
          return true;
  }
  return false;
}

std::optional<ElementFinding> Evaluator::run_check(const model::Obligation& o, const model::Element& e, bool red_flag) {
  ElementFinding f;
  f.id = e.id;
  f.title = e.title;
  f.red_flag = red_flag;
  const auto offences = trafficking_offences();
  const std::string cites = offence_citations();
  const std::string& check = e.check;

  if (check == "offence-exists") {
    if (!offences.empty() && std::all_of(offences.begin(), offences.end(), [](const OffenceSite* o) { return o->info.substitute; })) {
      const OffenceSite& closest = *offences.front();
      const ByteRange r = corpus_.doc(closest.doc).subtree[closest.words];
      f.evidence.push_back(passage_evidence(closest.doc, {r.first, std::min(r.second, r.first + 240)}, check));
      f.status = Status::gap;
      f.confidence = 0.75;
      f.reason = "no offence is built like trafficking (acts done for a purpose of exploitation); the closest (" +
                 cites + ") punish moving or dealing in persons without any purpose of exploitation";
      return f;
    }
    if (offences.empty()) {
      // An offence naming trafficking that lacks the acts or the purpose is worth showing.
      for (const OffenceSite& o2 : offences_) {
        std::string fl = corpus_.folded(o2.doc, corpus_.doc(o2.doc).subtree[o2.unit]);
        if (!has_any_word(fl, {"traffick", "traite", "trata"})) continue;
        f.status = Status::partial;
        f.confidence = 0.5;
        const ByteRange r = corpus_.doc(o2.doc).subtree[o2.words];
        f.evidence.push_back(passage_evidence(o2.doc, {r.first, std::min(r.second, r.first + 200)}, check));
        f.reason = "an offence naming trafficking exists in " + f.evidence.back().citation +
                   ", but it does not combine the acts with a purpose of exploitation";
        return f;
      }
      f.status = Status::gap;
      f.confidence = 0.7;
      f.reason = "no provision creating a trafficking offence was found";
      return f;
    }
    auto hits = search(e, scopes_.offence, 3);
    for (auto& h : hits) f.evidence.push_back(std::move(h.evidence));
    if (f.evidence.empty())
      for (const OffenceSite* off : offences) {
        const ByteRange r = corpus_.doc(off->doc).subtree[off->words];
        f.evidence.push_back(passage_evidence(off->doc, {r.first, std::min(r.second, r.first + 200)}, check));
      }
    f.status = Status::met;
    f.confidence = 0.9;
    f.reason = "trafficking offence created by " + cites + " (" + describe(f.evidence.front()) + ")";
    return f;
  }

  if (check == "penalty-threshold" || check == "fine-in-lieu") {
    const OffenceSite* weakest = nullptr;  // the trafficking offence with the lowest maximum
    const OffenceSite* in_lieu = nullptr;
    auto basic_max = [](const OffenceSite* off) {
      if (off->basic_max_years >= 0) return off->basic_max_years;
      return off->penalty.life ? 999.0 : off->penalty.max_years;
    };
    for (const OffenceSite* off : offences) {
      if (!off->penalty.found()) continue;
      if (off->penalty.imprisonment && basic_max(off) >= 0 && (!weakest || basic_max(off) < basic_max(weakest)))
        weakest = off;
      if (off->penalty.fine_in_lieu && !in_lieu) in_lieu = off;
    }
    if (check == "fine-in-lieu") {
      if (in_lieu) {
        f.status = Status::conflict;
        f.confidence = 0.85;
        f.evidence.push_back(passage_evidence(in_lieu->penalty_doc, in_lieu->penalty_range, check));
        f.reason = "a fine alone may be imposed instead of imprisonment for the offence " + in_lieu->info.citation +
                   ": " + describe(f.evidence.back());
      } else {
        f.status = Status::met;
        f.confidence = offences.empty() ? 0.4 : 0.75;
        f.reason = offences.empty() ? "no trafficking offence was found to check its penalty"
                                    : "no fine in lieu of imprisonment in the penalty for the offence " + cites;
      }
      return f;
    }
    if (offences.empty()) {
      f.status = Status::gap;
      f.confidence = 0.6;
      f.reason = "no provision creating a trafficking offence was found";
      return f;
    }
    if (!weakest) {
      f.status = Status::partial;
      f.confidence = 0.4;
      f.reason = "penalty not found: no term of imprisonment could be read in the offence " + cites +
                 " or the provisions it cites";
      return f;
    }
    const double overall = weakest->penalty.life ? 999 : weakest->penalty.max_years;
    const double max = weakest->basic_max_years >= 0 ? weakest->basic_max_years : overall;
    f.evidence.push_back(passage_evidence(weakest->penalty_doc, weakest->penalty_range, check));
    std::string where = weakest->info.citation + (weakest->penalty_by_reference ? " (penalty by reference, " +
                                                                                     f.evidence.back().citation + ")"
                                                                               : "") +
                        (overall > max ? " (up to " + years_text(overall) + " in repeat or aggravated cases)" : "");
    if (max >= 4) {
      f.status = Status::met;
      f.confidence = 0.9;
      f.reason = "maximum penalty " + imprisonment_text(max) + " for the offence " + where +
                 ", at least the four years of UNTOC art 2(b)";
    } else {
      f.status = Status::gap;
      f.confidence = 0.85;
      f.reason = "maximum penalty " + imprisonment_text(max) + " for the offence " + where +
                 ", below the four years of UNTOC art 2(b)";
    }
    return f;
  }

  if (check == "child-no-means" || check == "means-for-children") {
    // Computed once and shared by the element and the red flag.
    auto cached = check_cache_.find("child-no-means");
    if (cached == check_cache_.end()) {
      ElementFinding c;
      c.id = e.id;
      c.title = e.title;
      auto hits = search(e, scopes_.offence_terms, 3);
      if (hits.empty() && !offences.empty()) {
        // The child clause often stands in a section of its own that cites the offence: "Where the
        // person trafficked is a child, an offence under section 3 is committed whether or not ...".
        auto elsewhere = search(e, scopes_.anywhere, 8);
        for (auto& h : elsewhere) {
          if (hits.size() >= 3) break;
          // In the offence's own law, a clause about "the offence" / "el delito" / "l'infraction"
          // (often "the previous article", which no citation names) is about that offence.
          const bool same_law = std::any_of(offences.begin(), offences.end(),
                                            [&](const OffenceSite* off) { return off->doc == h.item->doc; });
          std::string fl = corpus_.folded(h.item->doc, h.item->range);
          const bool about_offence =
              same_law && has_any_word(fl, {"traffick", "traite", "trata", "the offence", "this offence", "el delito",
                                            "l infraction", "cette infraction", "dicho delito", "articulo anterior",
                                            "article precedent", "preceding section"});
          if (about_offence || cites_trafficking_offence(h.item->doc, h.item->provision)) hits.push_back(std::move(h));
        }
      }
      if (!hits.empty()) {
        c.status = Status::met;
        c.confidence = hits.front().item->tier == 0 ? 0.9 : 0.75;
        c.reason = "the means are not required where the victim is a child: " + describe(hits.front().evidence);
        for (auto& h : hits) c.evidence.push_back(std::move(h.evidence));
      } else {
        // A separate child offence with the acts and the purpose but none of the means.
        for (const OffenceSite* off : offences) {
          std::string fl = corpus_.folded(off->doc, corpus_.doc(off->doc).subtree[off->unit]);
          if (!mentions_child(fl) || mentions_means(fl)) continue;
          const ByteRange r = corpus_.doc(off->doc).subtree[off->words];
          c.evidence.push_back(passage_evidence(off->doc, {r.first, std::min(r.second, r.first + 200)}, check));
          c.status = Status::met;
          c.confidence = 0.75;
          c.reason = "the child offence " + off->info.citation + " lists the acts and the purpose without any means";
          break;
        }
        // "Where the victim is a child ... regardless of whether there is evidence of abuse of power,
        // fraud, deception": the means listed by name instead of the word "means".
        for (std::size_t k = 0; k < scopes_.offence_terms.size() && c.evidence.empty(); ++k) {
          const ScopeItem& item = scopes_.offence_terms[k];
          const DocText& dt = corpus_.doc(item.doc);
          for (const auto& piece : dt.pieces) {
            if (piece.begin < item.range.first || piece.end > item.range.second) continue;
            std::string fl = fold_text(dt.slice({piece.begin, piece.end}));
            if (!mentions_child(fl) || !mentions_means(fl)) continue;
            if (!has_any_word(fl, {"regardless of whether", "irrespective of whether", "whether or not", "even if",
                                   "even though", "meme si", "aun cuando", "independientemente"}))
              continue;
            c.evidence.push_back(passage_evidence(item.doc, {piece.begin, std::min(piece.end, piece.begin + 300)}, check,
                                                  item.chain));
            c.status = Status::met;
            c.confidence = 0.7;
            c.reason = "where the victim is a child the means need not be shown: " + describe(c.evidence.back());
            break;
          }
        }
        // "recruits ... a person by any means ... for the purpose of": no means is an element at all.
        for (const OffenceSite* off : offences) {
          if (!c.evidence.empty()) break;
          const DocText& dt = corpus_.doc(off->doc);
          for (const auto& piece : dt.pieces) {
            if (dt.unit_of[piece.provision] != off->unit) continue;
            std::string_view raw = dt.slice({piece.begin, piece.end});
            std::size_t at = fold_text(raw).find("by any means");
            if (at == std::string::npos || at >= raw.size()) continue;
            auto b = piece.begin + static_cast<std::uint32_t>(at);
            c.evidence.push_back(passage_evidence(off->doc, {b, std::min(piece.end, b + 12)}, check));
            c.status = Status::met;
            c.confidence = 0.7;
            c.reason = "the offence " + off->info.citation + " applies " + describe(c.evidence.back()) +
                       ": no means is required of any victim, children included";
            break;
          }
        }
        if (c.evidence.empty()) {
          c.status = Status::gap;
          c.confidence = offences.empty() ? 0.6 : 0.7;
          c.reason = offences.empty() ? "no provision creating a trafficking offence was found"
                                      : "no provision dispensing with the means for child victims found in the offence " +
                                            cites + " or the terms it uses";
        }
      }
      cached = check_cache_.emplace("child-no-means", std::move(c)).first;
    }
    const ElementFinding& no_means = cached->second;
    if (check == "child-no-means") {
      ElementFinding out = no_means;
      out.id = e.id;
      out.title = e.title;
      out.red_flag = red_flag;
      return out;
    }
    // means-for-children: fires only when no child exception exists and the offence asks for a means.
    if (no_means.status == Status::met) {
      f.status = Status::met;
      f.confidence = no_means.confidence;
      f.reason = "no requirement of means for child victims: " + no_means.reason;
      return f;
    }
    for (const OffenceSite* off : offences) {
      std::string fl = corpus_.folded(off->doc, corpus_.doc(off->doc).subtree[off->unit]);
      if (!mentions_means(fl)) continue;
      ByteRange r = corpus_.doc(off->doc).subtree[off->words];
      f.evidence.push_back(passage_evidence(off->doc, {r.first, std::min(r.second, r.first + 240)}, check));
      f.status = Status::conflict;
      f.confidence = 0.7;
      f.reason = "the offence " + off->info.citation +
                 " requires one of the means and no provision dispenses with them where the victim is a child";
      return f;
    }
    f.status = Status::met;
    f.confidence = 0.6;
    f.reason = offences.empty() ? "no trafficking offence was found to check" : "the offence " + cites + " requires no means";
    return f;
  }

  if (check == "child-under-18") {
    if (offences.empty()) {
      f.status = Status::gap;
      f.confidence = 0.6;
      f.reason = "no provision creating a trafficking offence was found";
      return f;
    }
    // A definition of "child"/"minor" first: its age decides.
    for (const Definition& d : defs_.all) {
      if (d.term != "child" && d.term != "children" && d.term != "minor" && d.term != "enfant" && d.term != "mineur" &&
          d.term != "mineure" && d.term != "nino" && d.term != "nina" && d.term != "menor" && d.term != "juvenile" &&
          d.term != "crianca")
        continue;
      std::string fl = corpus_.folded(d.doc, d.range);
      Evidence ev = passage_evidence(d.doc, {d.range.first, std::min(d.range.second, d.range.first + 200)}, check);
      if (has_any_word(fl, {"18", "eighteen", "dix huit", "dix-huit", "dieciocho"})) {
        f.status = Status::met;
        f.confidence = 0.9;
        f.reason = "'" + d.display + "' is defined as a person under eighteen in " + ev.citation;
      } else {
        f.status = Status::partial;
        f.confidence = 0.7;
        f.reason = "'" + d.display + "' is defined in " + ev.citation + " without the age of eighteen";
      }
      f.evidence.push_back(std::move(ev));
      return f;
    }
    auto hits = search(e, scopes_.offence_terms, 3);
    if (hits.empty()) hits = search(e, scopes_.anywhere, 2);
    if (hits.empty()) {
      f.status = Status::gap;
      f.confidence = 0.7;
      f.reason = "no definition of a child as a person under eighteen found";
      return f;
    }
    // The age may stand beside the word rather than in it: "est mineure toute personne âgée de moins
    // de dix-huit ans". Look in the passage, for an eighteen beside a word of age.
    bool age_stated = false;
    for (std::size_t i = 0; i < hits.size() && !age_stated; ++i) {
      std::string passage = fold_text(hits[i].evidence.passage);
      if (has_any_word(passage, {"18", "eighteen", "dix huit", "dix-huit", "dieciocho", "dezoito"}) &&
          has_any_word(passage, {"age", "aged", "years", "year", "ans", "anos", "moins de", "under", "below",
                                 "menor", "menores", "idade", "edad"})) {
        age_stated = true;
        std::swap(hits.front(), hits[i]);  // the passage that states the age leads the evidence
      }
    }
    f.status = age_stated ? Status::met : Status::partial;
    f.confidence = age_stated ? (hits.front().item->tier < 2 ? 0.85 : 0.7) : 0.6;
    f.reason = age_stated ? "a child is a person under eighteen: " + describe(hits.front().evidence)
                          : "the offence uses " + describe(hits.front().evidence) +
                                " but no age is stated in the documents analysed (confirm the civil code sets it at eighteen)";
    for (auto& h : hits) f.evidence.push_back(std::move(h.evidence));
    return f;
  }

  if (check == "victims-restricted") {
    auto hits = search(e, scopes_.offence, 3);
    if (hits.empty()) {
      for (const OffenceSite* off : offences) {
        std::string fl = corpus_.folded(off->doc, corpus_.doc(off->doc).subtree[off->unit]);
        bool restricted = has_any_word(fl, {"woman", "women", "female", "girl", "femme", "mujer", "mulher"}, false);
        // The victim is whoever the acts are done to: "recruits ... or receives a person". The
        // offender's "A person who" says nothing about the victims.
        static const std::regex act_on_anyone(
            "(recruit|transport|transfer|harbo|receiv|deliver|recrut|transfer|heberg|accueill|capt|traslad|acog|recib)"
            "[a-z]*( [a-z,-]+){0,10}? (a|any|another|other|une|la|des|una|a una|otra) "
            "(person|persons|individual|human being|personne|personnes|etre humain|persona|personas|pessoa)\\b");
        bool any_person = std::regex_search(fl, act_on_anyone);
        if (restricted && !any_person) {
          const ByteRange r = corpus_.doc(off->doc).subtree[off->words];
          f.evidence.push_back(passage_evidence(off->doc, {r.first, std::min(r.second, r.first + 240)}, check));
          break;
        }
      }
    } else {
      for (auto& h : hits) f.evidence.push_back(std::move(h.evidence));
    }
    if (!f.evidence.empty()) {
      f.status = Status::conflict;
      f.confidence = 0.8;
      f.reason = "the offence protects only women and/or children: " + describe(f.evidence.front());
    } else {
      f.status = Status::met;
      f.confidence = offences.empty() ? 0.4 : 0.75;
      f.reason = offences.empty() ? "no trafficking offence was found to check"
                                  : "no restriction of the victims to women or children found in the offence " + cites;
    }
    return f;
  }

  if (check == "general-part") {
    // Attempt, complicity, organizing: in the offence itself, or in a general provision that applies
    // to every offence of the Act or Code (chain kind "general-part").
    if (offences.empty() && e.scope != model::Scope::anywhere) return std::nullopt;
    auto hits = search(e, items_for(model::Scope::anywhere), 40);
    const Hit* direct = nullptr;
    const Hit* general = nullptr;
    const Hit* general_too = nullptr;  // a second general rule (the definition of attempt and its punishment)
    const Hit* elsewhere = nullptr;
    for (const Hit& h : hits) {
      const DocText& dt = corpus_.doc(h.item->doc);
      bool in_offence = std::any_of(offences.begin(), offences.end(), [&](const OffenceSite* off) {
        return off->doc == h.item->doc && off->unit == h.item->provision;
      });
      // Another offence of the same law that names trafficking ("offences related to trafficking:
      // (a) attempts to traffic in persons", "aggravated trafficking: ... organising or directing").
      bool trafficking_offence = std::any_of(offences_.begin(), offences_.end(), [&](const OffenceSite& off) {
        return off.doc == h.item->doc && off.unit == h.item->provision &&
               has_any_word(corpus_.folded(off.doc, dt.subtree[off.unit]), {"traffick", "traite", "trata"});
      });
      // Or a provision that cites the trafficking offence ("diriger ou organiser la commission de
      // l'une des infractions prévues aux articles 311-1 à 311-5").
      if (!in_offence && !trafficking_offence)
        trafficking_offence = cites_trafficking_offence(h.item->doc, h.item->provision);
      std::string fl = corpus_.folded(h.item->doc, dt.subtree[h.item->provision]);
      if (in_offence) {
        if (!direct) direct = &h;
      } else if (trafficking_offence || applies_generally(fl)) {
        if (!general) general = &h;
        else if (!general_too) general_too = &h;
      } else if (!elsewhere) {
        elsewhere = &h;
      }
    }
    if (direct || general) {
      const Hit& h = direct ? *direct : *general;
      Evidence ev = h.evidence;
      if (!direct) {
        const akn::Provision& p = corpus_.doc(h.item->doc).doc->provisions[h.item->provision];
        ev.chain.push_back({"general-part", ev.document, p.eid, p.citation.empty() ? p.eid : p.citation,
                            "a provision applying to the trafficking offences of the Act or Code"});
      }
      f.status = Status::met;
      f.confidence = direct ? 0.9 : 0.8;
      f.reason = e.title + ": " + describe(ev);
      f.evidence.push_back(std::move(ev));
      if (!direct && general_too) {
        Evidence more = general_too->evidence;
        const akn::Provision& p = corpus_.doc(general_too->item->doc).doc->provisions[general_too->item->provision];
        more.chain.push_back({"general-part", more.document, p.eid, p.citation.empty() ? p.eid : p.citation,
                              "a provision applying to the trafficking offences of the Act or Code"});
        f.evidence.push_back(std::move(more));
      }
      return f;
    }
    if (elsewhere) {
      f.status = Status::partial;
      f.confidence = 0.55;
      f.reason = e.title + ": only " + describe(elsewhere->evidence) +
                 ", which does not say that it applies to the trafficking offence";
      f.evidence.push_back(elsewhere->evidence);
      return f;
    }
    f.status = Status::gap;
    f.confidence = 0.7;
    f.reason = "no " + lower_first(e.title) + " found in the offence " + cites + " or a general provision";
    return f;
  }
  (void)o;
  return std::nullopt;  // a check this version does not know: the patterns decide
}

}  // namespace palermo::analysis
