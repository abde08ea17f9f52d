// Offence detection and penalties (see offences.hpp).
#include "analysis/offences.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "analysis/citations.hpp"
#include "grammars/citation/citation.hpp"

namespace palermo::analysis {

namespace {

// Stems of the Protocol's acts, folded, in the languages the model covers.
int distinct_acts(std::string_view f) {
  static const std::vector<std::vector<std::string_view>> acts = {
      {"recruit", "recrut", "reclut", "capta", "capte", "entic", "procur"},
      {"transport", "convey", "traslad", "travel"},
      {"transfer", "transfere", "deliver", "livr", "entreg"},
      {"harbour", "harbor", "conceal", "heberg", "acog", "aloja", "acolh"},
      {"receiv", "receipt", "accueil", "recib", "recepcion", "recebe", "obtain"},
  };
  int n = 0;
  for (const auto& group : acts)
    for (std::string_view stem : group)
      if (has_word(f, stem)) {
        ++n;
        break;
      }
  return n;
}

// A purpose of exploitation: the word itself, or one of the Protocol's minimum forms named directly
// ("for the purpose of prostitution or forced labour", as older and narrower laws put it).
bool purpose_of_exploitation(std::string_view f) {
  return has_any_word(f, {"exploit", "explot", "explora", "prostitut", "forced labour", "forced labor",
                          "commercial sex", "involuntary servitude", "peonage", "debt bondage", "labor or services",
                          "labour or services",
                          "travail force", "travaux forces", "trabajo forzoso", "trabajos forzados",
                          "trabalho forcado", "slavery", "esclavage", "esclavitud", "escravidao", "servitude",
                          "servidumbre", "servidao", "removal of organs", "organ removal", "prelevement d organe",
                          "extraccion de organos"});
}

// Two or more acts and a purpose of exploitation within one stretch of about sixty words, as in a
// clause built like art 3 — not scattered over a long schedule about something else.
bool acts_with_purpose_nearby(std::string_view f) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < f.size();) {
    while (i < f.size() && !std::isalnum(static_cast<unsigned char>(f[i]))) ++i;
    std::size_t start = i;
    while (i < f.size() && std::isalnum(static_cast<unsigned char>(f[i]))) ++i;
    if (i > start) words.push_back(f.substr(start, i - start));
  }
  constexpr std::size_t kWindow = 60;
  for (std::size_t at = 0; at < words.size(); at += kWindow / 2) {
    std::size_t end = std::min(words.size(), at + kWindow);
    std::string window;
    for (std::size_t w = at; w < end; ++w) {
      window += words[w];
      window += ' ';
    }
    if (distinct_acts(window) >= 2 && purpose_of_exploitation(window)) return true;
    if (end == words.size()) break;
  }
  return false;
}

bool names_trafficking(std::string_view f) {
  return has_any_word(f, {"traffick", "traite des etres", "traite des personnes", "traite d", "trata de", "trafico de pessoas"});
}


}  // namespace

bool mentions_means(std::string_view f) {
  // "force" only as the word itself: "forced labour" and "travail forcé" name a purpose, not a means.
  return has_word(f, "force", false) ||
         has_any_word(f, {"threat", "coercion", "coerce", "abduct", "fraud", "decept", "deceit", "menace",
                          "contrainte", "violence", "manoeuvre dolosive", "tromperie", "amenaza", "coaccion",
                          "engano", "fraude", "violencia", "intimidacion", "rapto", "ameaca", "coacao"});
}

bool creates_offence(std::string_view f) {
  return has_any_word(f, {"shall be punished", "shall be fined", "shall be imprisoned", "shall be sentenced",
                          "is punishable by", "shall be punishable", "comete el delito", "cometera el delito",
                          "se le impondra", "se impondra", "sera puni", "seront punis", "est passible", "encourt",
                          "guilty of a misdemeanour", "guilty of a misdemeanor", "guilty of a felony", "guilty of a crime",
                          "commits an offence", "commit an offence", "commits an offense", "guilty of an offence",
                          "guilty of an offense", "liable on conviction", "is liable to", "shall be liable to",
                          "be liable to", "commits the offence of", "est puni", "sont punis", "sera sancionad",
                          "sera castigad", "sera penad", "incurrira en", "seran sancionad", "seran castigad",
                          "sera punido", "sera reprimid"});
}

// The offence's penalty: in its own text, else in a provision it cites ("liable to the penalty in
// section 15", "puni des peines prévues à l'article ..."). Read only for the offences the analysis
// assesses: a long act has hundreds of other offences whose penalties nothing uses.
void read_penalty(Corpus& corpus, OffenceSite& site) {
  const std::size_t di = site.doc;
  const std::size_t unit = site.unit;
  const DocText& dt = corpus.doc(di);
  const akn::Document& d = *dt.doc;
  std::string_view unit_text = dt.slice(dt.subtree[unit]);
  auto mentions = penalty::find_penalties(unit_text);
  site.penalty_doc = di;
  if (!mentions.empty()) {
    site.penalty = penalty::summarize(mentions);
    site.penalty_range = {dt.subtree[unit].first + static_cast<std::uint32_t>(mentions.front().begin),
                          dt.subtree[unit].first + static_cast<std::uint32_t>(mentions.back().end)};
  } else {
    for (const citation::Citation& c : citation::find_citations(unit_text)) {
      if (c.kind == citation::Kind::this_act || c.kind == citation::Kind::this_part ||
          c.kind == citation::Kind::this_chapter)
        continue;
      std::size_t at = dt.provision_at(dt.subtree[unit].first + static_cast<std::uint32_t>(c.begin));
      for (std::size_t target : resolve(c, d, at)) {
        if (dt.is_ancestor_or_self(unit, target)) continue;
        auto cited = penalty::find_penalties(dt.slice(dt.subtree[target]));
        if (cited.empty()) continue;
        site.penalty = penalty::summarize(cited);
        site.penalty_range = {dt.subtree[target].first + static_cast<std::uint32_t>(cited.front().begin),
                              dt.subtree[target].first + static_cast<std::uint32_t>(cited.back().end)};
        site.penalty_by_reference = true;
        break;
      }
      if (site.penalty.found()) break;
    }
  }
  std::string_view penalty_words = corpus.doc(site.penalty_doc).slice(site.penalty_range);
  for (const penalty::PenaltyMention& m : penalty::find_penalties(penalty_words))
    if (m.imprisonment && (m.life || m.max_years >= 0)) {
      site.basic_max_years = m.life ? 999 : m.max_years;
      break;
    }
  site.info.min_years = site.penalty.min_years;
  site.info.max_years = site.penalty.life ? 999 : site.penalty.max_years;
  site.info.life = site.penalty.life;
  site.info.fine = site.penalty.fine;
  site.info.fine_in_lieu = site.penalty.fine_in_lieu;
  site.info.penalty_text = site.penalty.text;
}

std::vector<OffenceSite> find_offences(Corpus& corpus) {
  std::vector<OffenceSite> out;
  for (std::size_t di = 0; di < corpus.docs().size(); ++di) {
    const DocText& dt = corpus.doc(di);
    const akn::Document& d = *dt.doc;
    // Per unit, the provision whose own words create the offence (the first, in reading order).
    const std::size_t none = d.provisions.size();
    std::vector<std::size_t> offence_words(d.provisions.size(), none);
    for (const auto& piece : dt.pieces) {
      std::size_t unit = dt.unit_of[piece.provision];
      if (offence_words[unit] != none || dt.treaty_text[unit]) continue;
      if (creates_offence(fold_text(dt.slice({piece.begin, piece.end})))) offence_words[unit] = piece.provision;
    }
    for (std::size_t unit : dt.units) {
      const std::size_t words = offence_words[unit];
      if (words == none) continue;
      std::string f = corpus.folded(di, dt.subtree[unit]);
      std::string heading = fold_text(d.provisions[unit].heading);
      OffenceSite site;
      site.doc = di;
      site.unit = unit;
      site.words = words;
      site.info.document = d.path;
      site.info.eid = d.provisions[unit].eid;
      site.info.citation = d.provisions[unit].citation;
      site.info.heading = d.provisions[unit].heading;
      // Built like art 3 (two or more acts and a purpose of exploitation), whether or not the law
      // calls it trafficking: "any person who recruits or transports another for the purpose of
      // forced labour" is a trafficking offence in substance.
      // Counting the acts scans the text some twenty times: only where a purpose or the name of
      // trafficking makes it worth it (the stand-in search below counts them itself).
      const bool purpose = purpose_of_exploitation(f);
      site.acts = purpose || names_trafficking(f) || names_trafficking(heading) ? distinct_acts(f) : -1;
      site.info.trafficking = site.acts >= 2 && purpose &&
                              (names_trafficking(f) || names_trafficking(heading) ||
                               ((mentions_means(f) || site.acts >= 3) && acts_with_purpose_nearby(f)));
      site.with_means = site.info.trafficking && mentions_means(f);
      out.push_back(std::move(site));
    }
  }
  // The trafficking offence is the one built like art 3: acts, means and purpose. Offences that
  // also name trafficking and list acts without any means ("promoting trafficking", "offences
  // related to trafficking": leasing premises, recruiting for employment with intent to traffic)
  // are ancillary; they count only when no offence has the means (a law without means at all).
  const bool any_with_means = std::any_of(out.begin(), out.end(), [](const OffenceSite& o) { return o.with_means; });
  if (any_with_means)
    for (OffenceSite& o : out) o.info.trafficking = o.with_means;
  // No offence is built like trafficking: the offences that punish dealing in or moving persons
  // (an old law that punishes conveying people across the border for gain) are the closest the
  // law comes. They stand in for the offence, so that its acts, penalty and red flags are read
  // from them, and crim.offence says plainly that no trafficking offence exists.
  const bool any_trafficking = std::any_of(out.begin(), out.end(), [](const OffenceSite& o) { return o.info.trafficking; });
  if (!any_trafficking)
    for (OffenceSite& o : out) {
      if (o.acts < 0) o.acts = distinct_acts(corpus.folded(o.doc, corpus.doc(o.doc).subtree[o.unit]));
      if (o.acts < 1) continue;
      // "conveys ... any person", "transporte une personne": an act done to a human being, not to
      // goods, money or a financial instrument. (A regex, run only on this rare path.)
      static const std::regex act_on_person(
          "\\b(convey|transport|smuggl|traffick|recruit|harbo|conceal|procur|entic|"
          "recrut|heberg|traslad|acog)[a-z]*( [a-z,-]+){0,2}? "
          "(a|an|any|another|other|the|such|une|la|des|toute|una|otra|toda)? ?"
          "(person|persons|individual|individuals|woman|women|girl|girls|child|children|human being|personne|personnes|"
          "persona|personas|pessoa|pessoas)\\b");
      const std::string f = corpus.folded(o.doc, corpus.doc(o.doc).subtree[o.unit]);
      o.person_object = std::regex_search(f, act_on_person);
      if (o.person_object) {
        o.info.trafficking = true;
        o.info.substitute = true;
      }
    }
  for (OffenceSite& o : out)
    if (o.info.trafficking) read_penalty(corpus, o);
  return out;
}

}  // namespace palermo::analysis
