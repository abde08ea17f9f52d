// Offence detection, assembly and penalties (see offences.hpp).
//
// How the trafficking offence is found, from the strongest evidence to the weakest; each tier is
// used only when the ones before it found nothing in the whole set of documents:
//   1. shape    an offence built like art 3: two or more acts and a purpose of exploitation (and the
//               crime's name, a means or a third act) — whatever the law calls it;
//   2. by name  an offence that punishes the crime by its name ("A person who traffics another",
//               "La traite des personnes est punie de", "El delito de trata será sancionado"),
//               assembled with the provision or definition that defines that name;
//   3. heading  an offence under a heading naming the crime, however narrow its conduct
//               ("Offence of trafficking: transports any woman into or out of ...");
//   3b. persons acts done to persons for a purpose of exploitation, under no name ("procures a
//               person for the sake of prostitution"): a narrow offence;
//   4. stand-in no offence about trafficking at all: an offence of moving or dealing in persons is
//               the closest the law comes, and is reported as such.
// Smuggling of migrants is never the trafficking offence. A user's --offence overrides all of this.
#include "analysis/offences.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "analysis/citations.hpp"
#include "grammars/citation/citation.hpp"
#include "util/utf8.hpp"

namespace palermo::analysis {

namespace {

constexpr const char* kActLexicons[] = {"act-recruitment", "act-transportation", "act-transfer", "act-harbouring",
                                        "act-receipt"};

int count_acts(Lexicons& lex, std::size_t doc, ByteRange r) {
  int n = 0;
  for (const char* name : kActLexicons) n += lex.in(name, doc, r) ? 1 : 0;
  return n;
}

// The words a lexicon matched in a range, for --explain: "'recruits', 'harbours'".
std::string matched_words(Corpus& corpus, Lexicons& lex, std::string_view name, std::size_t doc, ByteRange r) {
  text::Match m = lex.find(name, doc, r);
  std::vector<std::string> words;
  for (const auto& [b, e] : m.spans) {
    std::string w(corpus.doc(doc).slice({b, e}));
    std::replace(w.begin(), w.end(), '\n', ' ');
    if (words.size() < 3 && std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
  }
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "'" : ", '") + w + "'";
  return out;
}

std::string acts_words(Corpus& corpus, Lexicons& lex, std::size_t doc, ByteRange r) {
  std::string out;
  for (const char* name : kActLexicons) {
    std::string w = matched_words(corpus, lex, name, doc, r);
    if (!w.empty()) out += (out.empty() ? "" : ", ") + w;
  }
  return out;
}

// Two or more acts within a few lines of a purpose of exploitation, as in a clause built like art 3
// — not words scattered over a long provision about something else (a financial act's "transfer",
// "receive" and "exploit").
// Where acts and a purpose stand together: the purpose's position, or nothing.
std::optional<std::uint32_t> acts_near_purpose_at(Lexicons& lex, std::size_t doc, ByteRange r, int wanted = 2);

bool acts_near_purpose(Lexicons& lex, std::size_t doc, ByteRange r, int wanted = 2) {
  return acts_near_purpose_at(lex, doc, r, wanted).has_value();
}

std::optional<std::uint32_t> acts_near_purpose_at(Lexicons& lex, std::size_t doc, ByteRange r, int wanted) {
  constexpr std::uint32_t kReach = 500;  // bytes: about eighty words either side
  text::Match purpose = lex.find("exploitation-purpose", doc, r);
  if (!purpose) return std::nullopt;
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> acts;
  for (const char* name : kActLexicons)
    if (text::Match m = lex.find(name, doc, r)) acts.push_back(m.spans);
  for (const auto& p : purpose.spans) {
    int near = 0;
    for (const auto& spans : acts)
      if (std::any_of(spans.begin(), spans.end(),
                      [&](const auto& a) { return a.first + kReach >= p.first && a.first <= p.second + kReach; }))
        ++near;
    if (near >= wanted) return p.first;
  }
  return std::nullopt;
}

// What a unit says about itself, read once.
struct Signals {
  bool formula = false;        // creates or punishes an offence
  bool named = false;          // names the crime in its text
  bool named_heading = false;  // names the crime in its heading
  bool by_name = false;        // its conduct is the crime's name ("traffics a person")
  bool by_citation = false;    // ... known because it names the crime and cites its definition
  bool defines = false;        // defines something ("constitue", "means", "se entiende por")
  bool smuggling = false;      // names the smuggling of migrants (text or heading)
  bool purpose = false;        // a purpose of exploitation
  bool means = false;
  int acts = 0;
  std::size_t words = 0;  // provision holding the offence-creating words
  // The unit that punishes this one by citing it ("an offence under Section 4"); npos when none.
  std::size_t punished_by = static_cast<std::size_t>(-1);
};

// "Art. 182", "s 279.01", "section 3", "artículo 172" -> "182", "279.01", "3", "172".
std::string citation_key(std::string_view written) {
  std::string f = fold_text(written);
  std::string out;
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < f.size() && (f[i] == ' ' || f[i] == '.' || f[i] == ',')) ++i;
  };
  skip_space();
  // Leading words naming the kind of provision.
  static const char* const kinds[] = {"sections", "section",  "sec",        "ss",  "s",    "articles",
                                      "article",  "articulo", "artigo",     "art", "arts", "paragraph",
                                      "para",     "rule",     "regulation", "reg", "no"};
  for (bool again = true; again;) {
    again = false;
    for (const char* k : kinds) {
      std::size_t n = std::char_traits<char>::length(k);
      if (f.compare(i, n, k) == 0 && (i + n == f.size() || !std::isalpha(static_cast<unsigned char>(f[i + n])))) {
        i += n;
        skip_space();
        again = true;
        break;
      }
    }
  }
  for (; i < f.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(f[i]);
    if (std::isalnum(c) || c == '.' || c == '-' || c == '(' || c == ')') out += static_cast<char>(c);
  }
  while (!out.empty() && (out.back() == '.' || out.back() == '-')) out.pop_back();
  if (out.find("\xc2\xa7") != std::string::npos) out.erase(0, 2);
  return out;
}

std::string cite_of(const akn::Provision& p) { return p.citation.empty() ? p.eid : p.citation; }

std::string acts_text(int n) { return std::to_string(n) + (n == 1 ? " act" : " acts"); }

// A list marker at `i`: "6°", "6º", "12.", "(f)", "f)" — returns its style (the characters that are
// not the number or letter), or "" when none stands there.
std::string marker_style(std::string_view t, std::size_t i) {
  std::size_t j = i;
  const bool paren = j < t.size() && t[j] == '(';
  if (paren) ++j;
  const std::size_t start = j;
  while (j < t.size() && std::isdigit(static_cast<unsigned char>(t[j]))) ++j;
  const bool digits = j > start;
  if (!digits && j < t.size() && std::islower(static_cast<unsigned char>(t[j])) && j + 1 < t.size() && t[j + 1] == ')')
    ++j;
  if (j == start || j - start > 3) return "";
  if (t.compare(j, 2, "\xC2\xB0") == 0 || t.compare(j, 2, "\xC2\xBA") == 0) return digits ? "d\xC2\xB0" : "";
  if (j < t.size() && t[j] == ')') return std::string(paren ? "(" : "") + (digits ? "d" : "a") + ")";
  if (digits && j < t.size() && t[j] == '.' && j + 1 < t.size() && t[j + 1] == ' ') return "d.";
  return "";
}

// Where a definition of the crime stands inside a provision that defines many terms in one run of
// text ("... 5° pratiques analogues ...; 6° traite des personnes: a) ...; 7° ..."): from the item that
// names the crime to the next item numbered the same way. The whole provision when it cannot tell.
ByteRange name_definition_range(Corpus& corpus, Lexicons& lex, std::size_t doc, ByteRange unit) {
  const DocText& dt = corpus.doc(doc);
  text::Match named = lex.find("offence-name", doc, unit);
  if (!named || named.spans.empty()) return unit;
  const std::string_view t = dt.slice(unit);
  for (const auto& [b, e] : named.spans) {
    const std::size_t at = b - unit.first;
    // The marker of the item holding the name: the nearest one at most 12 bytes before it.
    std::string style;
    std::size_t item = at;
    for (std::size_t back = 1; back <= 12 && back <= at && style.empty(); ++back) {
      std::size_t i = at - back;
      if (i > 0 && std::isalnum(static_cast<unsigned char>(t[i - 1]))) continue;
      style = marker_style(t, i);
      item = i;
    }
    if (style.empty()) continue;
    // The next marker of the same style ends the item.
    for (std::size_t i = e - unit.first; i < t.size(); ++i) {
      if (i > 0 && std::isalnum(static_cast<unsigned char>(t[i - 1]))) continue;
      if (marker_style(t, i) == style)
        return {unit.first + static_cast<std::uint32_t>(item), unit.first + static_cast<std::uint32_t>(i)};
    }
    return {unit.first + static_cast<std::uint32_t>(item), unit.second};
  }
  // Numbered items that are provisions of their own ("5. Child shall mean ..." as a paragraph): the
  // item that names the crime. Unnumbered paragraphs (alinéas) of one article are read together: the
  // later ones usually continue the same definition ("L'exploitation comprend ...").
  std::size_t p = dt.provision_at(named.spans.front().first);
  const std::size_t unit_index = dt.unit_of[p];
  while (dt.doc->provisions[p].parent >= 0 && static_cast<std::size_t>(dt.doc->provisions[p].parent) != unit_index &&
         p != unit_index)
    p = static_cast<std::size_t>(dt.doc->provisions[p].parent);
  if (p != unit_index && !dt.doc->provisions[p].num.empty()) return dt.subtree[p];
  return unit;
}

// Starts of articles inserted as plain text inside one provision: "411 bis.- ", "Artículo 145 bis.-",
// "Art. 149-A." at the start of a line or after an opening quote. Empty unless there are two or more.
std::vector<std::uint32_t> inline_article_starts(std::string_view t) {
  std::vector<std::uint32_t> starts;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (std::size_t i = 0; i < t.size(); ++i) {
    // At the start of a line, after an opening quote, or after a sentence (the reader joins lines).
    const bool line_start = i == 0 || t[i - 1] == '\n' || t[i - 1] == '"' ||
                            (i >= 3 && t.compare(i - 3, 3, "\xE2\x80\x9C") == 0) ||
                            (i >= 2 && t[i - 1] == ' ' && (t[i - 2] == '.' || t[i - 2] == ':' || t[i - 2] == ';'));
    if (!line_start) continue;
    std::size_t j = i;
    for (std::string_view word : {std::string_view("Art\xC3\xAD"
                                                   "culo "),
                                  std::string_view("Articulo "), std::string_view("ARTICULO "),
                                  std::string_view("ART\xC3\x8D"
                                                   "CULO "),
                                  std::string_view("Article "), std::string_view("Art. "), std::string_view("Artigo "),
                                  std::string_view("Art ")})
      if (t.compare(j, word.size(), word) == 0) {
        j += word.size();
        break;
      }
    const std::size_t number = j;
    while (j < t.size() && digit(t[j])) ++j;
    if (j == number || j - number > 4) continue;
    while (j < t.size() &&
           (t[j] == '-' || std::isalpha(static_cast<unsigned char>(t[j])) || t[j] == ' ' ||
            static_cast<unsigned char>(t[j]) >= 0x80) &&
           j - number < 24 && t[j] != '.')
      ++j;
    if (j < t.size() && (t.compare(j, 2, ".-") == 0 || t.compare(j, 3, ". -") == 0 ||
                         t.compare(j, 4, ".\xE2\x80\x93") == 0 || (j > number && t[j] == '.' && number != i)))
      starts.push_back(static_cast<std::uint32_t>(i));
  }
  if (starts.size() < 2) starts.clear();
  return starts;
}

// The inserted article of a unit that is built most like art 3 (most acts, with a purpose of
// exploitation) — see OffenceSite::range; the unit itself when it holds no inserted articles.
ByteRange inline_article_of_offence(Lexicons& lex, const DocText& dt, std::size_t doc, std::size_t unit) {
  const ByteRange r = dt.subtree[unit];
  const auto starts = inline_article_starts(dt.slice(r));
  if (starts.empty()) return r;
  ByteRange best = r;
  int best_score = -1;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const ByteRange seg{r.first + starts[k], k + 1 < starts.size() ? r.first + starts[k + 1] : r.second};
    const int score = count_acts(lex, doc, seg) * 2 + (lex.in("exploitation-purpose", doc, seg) ? 3 : 0) +
                      (lex.in("smuggling-name", doc, seg) ? -4 : 0);
    if (score > best_score) {
      best_score = score;
      best = seg;
    }
  }
  return best_score >= 5 ? best : r;  // at least one act and a purpose, or keep the whole unit
}

}  // namespace

bool offence_requires_means(Corpus& corpus, Lexicons& lex, const OffenceSite& o) {
  const ByteRange core = o.core.second > o.core.first ? o.core : o.range;
  if (lex.in("means", o.doc, core)) return true;
  for (const OffencePart& part : o.parts) {
    if (part.role != "definition" || !lex.in("means", part.doc, part.range)) continue;
    // A definition in two limbs, the second listing acts with no means ("... by means of coercion,
    // and includes the act of recruiting, conveying ... a person"): the second limb needs none.
    text::Match limb = lex.find("definition-second-limb", part.doc, part.range);
    if (limb && !limb.spans.empty()) {
      const ByteRange rest{limb.spans.front().second, part.range.second};
      if (count_acts(lex, part.doc, rest) >= 1 && !lex.in("means", part.doc, rest)) continue;
    }
    return true;
  }
  return false;
}

int child_limb_without_means(Corpus& corpus, Lexicons& lex, const OffenceSite& o) {
  const DocText& dt = corpus.doc(o.doc);
  const akn::Document& d = *dt.doc;
  // The limbs are the children of the provision holding the offence's words, or of the unit.
  for (std::size_t holder : {o.words, o.unit}) {
    if (holder >= d.provisions.size()) continue;
    const auto& limbs = d.provisions[holder].children;
    if (limbs.size() < 2) continue;  // one limb is the offence itself, read elsewhere
    for (std::size_t limb : limbs) {
      const ByteRange r = dt.subtree[limb];
      if (lex.in("child", o.doc, r) && count_acts(lex, o.doc, r) >= 1 && !lex.in("means", o.doc, r))
        return static_cast<int>(limb);
    }
  }
  return -1;
}

bool offence_mentions(Corpus& corpus, Lexicons& lex, const OffenceSite& o, std::string_view lexicon) {
  if (lex.in(lexicon, o.doc, o.range)) return true;
  for (const OffencePart& part : o.parts)
    if (part.role == "definition" && lex.in(lexicon, part.doc, part.range)) return true;
  return false;
}

// The offence's penalty: in its own text, else in a provision it cites ("liable to the penalty in
// section 15", "puni des peines prévues à l'article ..."), else in a provision that cites it and
// punishes it ("Any person found guilty of ... the acts enumerated in Section 4 shall suffer ...").
// Read only for the offences the analysis assesses.
void read_penalty(Corpus& corpus, Lexicons& lex, OffenceSite& site, const std::vector<std::size_t>& penalising_units) {
  const std::size_t di = site.doc;
  const std::size_t unit = site.unit;
  const DocText& dt = corpus.doc(di);
  const akn::Document& d = *dt.doc;
  const ByteRange own = site.range.second > site.range.first ? site.range : dt.subtree[unit];
  std::string_view unit_text = dt.slice(own);
  auto mentions = penalty::find_penalties(unit_text);
  site.penalty_doc = di;
  auto take = [&](std::size_t target, const std::vector<penalty::PenaltyMention>& cited) {
    site.penalty = penalty::summarize(cited);
    site.penalty_range = {dt.subtree[target].first + static_cast<std::uint32_t>(cited.front().begin),
                          dt.subtree[target].first + static_cast<std::uint32_t>(cited.back().end)};
    site.penalty_by_reference = true;
  };
  if (!mentions.empty()) {
    site.penalty = penalty::summarize(mentions);
    site.penalty_range = {own.first + static_cast<std::uint32_t>(mentions.front().begin),
                          own.first + static_cast<std::uint32_t>(mentions.back().end)};
  } else {
    for (const citation::Citation& c : corpus.citations(di, own)) {
      if (c.kind == citation::Kind::this_act || c.kind == citation::Kind::this_part ||
          c.kind == citation::Kind::this_chapter)
        continue;
      std::size_t at = dt.provision_at(own.first + static_cast<std::uint32_t>(c.begin));
      for (std::size_t target : resolve(c, d, at)) {
        if (dt.is_ancestor_or_self(unit, target)) continue;
        auto cited = penalty::find_penalties(dt.slice(dt.subtree[target]));
        if (cited.empty()) continue;
        take(target, cited);
        break;
      }
      if (site.penalty.found()) break;
    }
    for (std::size_t other : penalising_units) {
      if (site.penalty.found()) break;
      auto cited = penalty::find_penalties(dt.slice(dt.subtree[other]));
      if (cited.empty()) continue;
      take(other, cited);
      site.parts.push_back({di, other, dt.subtree[other], "penalty"});
      site.info.parts.push_back(cite_of(d.provisions[other]) + " (penalty)");
    }
  }
  std::string_view penalty_words = corpus.doc(site.penalty_doc).slice(site.penalty_range);
  for (const penalty::PenaltyMention& m : penalty::find_penalties(penalty_words))
    if (m.imprisonment && (m.life || m.max_years >= 0)) {
      site.basic_max_years = m.life ? kLifeYears : m.max_years;
      break;
    }
  // The first maximum is the basic offence's, unless the first is for a summary trial of the same
  // offence: then the offence's maximum is the one on indictment, the highest stated.
  const DocText& pdt = corpus.doc(site.penalty_doc);
  const ByteRange penalty_provision =
      site.penalty_range.second > site.penalty_range.first
          ? pdt.subtree[pdt.common_ancestor(pdt.provision_at(site.penalty_range.first),
                                            pdt.provision_at(site.penalty_range.second - 1))]
          : site.penalty_range;
  if (lex.in("summary-procedure", site.penalty_doc, penalty_provision))
    site.basic_max_years = site.penalty.life ? kLifeYears : site.penalty.max_years;
  site.info.min_years = site.penalty.min_years;
  site.info.max_years = site.penalty.life ? -1 : site.penalty.max_years;  // life: see info.life
  site.info.life = site.penalty.life;
  site.info.fine = site.penalty.fine;
  site.info.fine_in_lieu = site.penalty.fine_in_lieu;
  site.info.penalty_text = site.penalty.text;
}

OffenceSearch find_offences(Corpus& corpus, Lexicons& lex, const Definitions& defs,
                            const std::vector<std::string>& named) {
  OffenceSearch result;
  std::vector<OffenceSite>& out = result.offences;
  std::vector<Signals> sig;  // parallel to out
  // Units that define the crime by its name without creating an offence ("Constitue la traite des
  // personnes le fait de ...", "Se entiende por trata de personas ..."), per document.
  struct Defining {
    std::size_t doc, unit;
    int acts;
    bool purpose, means;
  };
  std::vector<Defining> defining;

  for (std::size_t di = 0; di < corpus.docs().size(); ++di) {
    const DocText& dt = corpus.doc(di);
    if (!dt.assessed) continue;
    const akn::Document& d = *dt.doc;
    // Units another provision punishes by citing them as offences ("A person who commits an offence
    // under Section 4 shall be liable to ..."): they create the offence, whose penalty stands there.
    std::map<std::size_t, std::size_t> punished_by;  // unit -> the punishing unit
    // Only units that could be such an offence are looked for (no offence words of their own, but
    // the crime's name and an act): most documents have none, and then nothing is parsed.
    std::set<std::size_t> orphans;
    for (std::size_t unit : dt.units) {
      const ByteRange r = dt.subtree[unit];
      if (dt.treaty_text[unit] || lex.in("offence-formula", di, r)) continue;
      const std::string& heading = d.provisions[unit].heading;
      const bool named =
          lex.in("offence-name", di, r) || (!heading.empty() && lex.in_text("offence-name", di, heading));
      if (named && count_acts(lex, di, r) >= 1) orphans.insert(unit);
    }
    for (std::size_t unit : orphans.empty() ? std::vector<std::size_t>{} : dt.units) {
      const ByteRange r = dt.subtree[unit];
      if (dt.treaty_text[unit] || !lex.in("offence-formula", di, r) || !lex.in("offence-by-reference", di, r)) continue;
      // It must state a penalty itself: "any offence punishable under this Act shall be deemed to be
      // a cognizable offence" punishes nothing.
      const auto stated = penalty::find_penalties(dt.slice(r));
      if (std::none_of(stated.begin(), stated.end(), [](const penalty::PenaltyMention& m) { return m.imprisonment; }))
        continue;
      for (const citation::Citation& c : corpus.citations(di, r)) {
        // A particular provision ("an offence under Section 4"), not the whole Act or a Part.
        if (c.kind == citation::Kind::this_act || c.kind == citation::Kind::this_part ||
            c.kind == citation::Kind::this_chapter || c.kind == citation::Kind::part ||
            c.kind == citation::Kind::chapter)
          continue;
        const std::uint32_t at = r.first + static_cast<std::uint32_t>(c.begin);
        std::vector<std::size_t> targets;
        for (std::size_t t : resolve(c, d, dt.provision_at(at)))
          if (dt.unit_of[t] != unit && orphans.count(dt.unit_of[t])) targets.push_back(dt.unit_of[t]);
        if (targets.empty()) continue;
        const ByteRange before{at > r.first + 24 ? at - 24 : r.first, at};
        if (!lex.in("offence-by-reference", di, before)) continue;
        for (std::size_t t : targets) punished_by.emplace(t, unit);
      }
    }
    // Definitions per unit, counted once: counting them unit by unit over every definition grew
    // with units times definitions (57% of checking a 500 MB act).
    std::vector<std::size_t> definitions_in_unit(d.provisions.size(), 0);
    for (const Definition& def : defs.all)
      if (def.doc == di && def.provision < d.provisions.size()) ++definitions_in_unit[dt.unit_of[def.provision]];
    for (std::size_t unit : dt.units) {
      if (dt.treaty_text[unit]) continue;
      const ByteRange r = dt.subtree[unit];
      const std::string& heading = d.provisions[unit].heading;
      Signals s;
      text::Match formula = lex.find("offence-formula", di, r);
      s.formula = static_cast<bool>(formula);
      // Not a list of definitions ("infraction prévue à l'article 3" where article 3 defines every
      // term), and an offence that can be read: acts of art 3, or one under the crime's heading.
      const std::size_t definitions_here = definitions_in_unit[unit];
      if (!s.formula && punished_by.count(unit) && definitions_here < 2 &&
          (count_acts(lex, di, r) >= 2 ||
           (count_acts(lex, di, r) >= 1 && !heading.empty() && lex.in_text("offence-name", di, heading)))) {
        s.formula = true;
        s.punished_by = punished_by[unit];
      }
      s.named = lex.in("offence-name", di, r);
      s.named_heading = !heading.empty() && lex.in_text("offence-name", di, heading);
      if (!s.formula && !s.named && !s.named_heading) continue;  // nothing here can be the offence
      s.purpose = lex.in("exploitation-purpose", di, r);
      s.acts = count_acts(lex, di, r);
      if (!s.formula) {
        if (s.named && s.acts >= 1 && s.purpose && lex.in_or_heading("definition-formula", di, r, heading)) {
          defining.push_back({di, unit, s.acts, s.purpose, lex.in("means", di, r)});
          OffenceCandidate c;
          c.document = d.path;
          c.eid = d.provisions[unit].eid;
          c.citation = d.provisions[unit].citation;
          c.heading = heading;
          c.signals_for = {
              "names the crime", "defines it (" + matched_words(corpus, lex, "definition-formula", di, r) + ")",
              acts_text(s.acts) + " of art 3 (" + acts_words(corpus, lex, di, r) + ")", "a purpose of exploitation"};
          c.signals_against = {"creates no offence itself"};
          c.decision = "defines the crime: assembled with an offence that punishes it by name";
          result.candidates.push_back(std::move(c));
        }
        continue;
      }
      s.words = dt.provision_at(formula.spans.empty() ? r.first : formula.spans.front().first);
      s.by_name = lex.in("conduct-by-name", di, r);
      s.defines = lex.in("definition-formula", di, r);
      s.smuggling = lex.in_or_heading("smuggling-name", di, r, heading);
      s.means = lex.in("means", di, r);
      OffenceSite site;
      site.doc = di;
      site.unit = unit;
      site.words = s.words;
      site.acts = s.acts;
      site.means = s.means;
      site.info.document = d.path;
      site.info.eid = d.provisions[unit].eid;
      site.info.citation = d.provisions[unit].citation;
      site.info.heading = heading;
      out.push_back(std::move(site));
      sig.push_back(s);
    }
  }

  // An offence that names the crime and cites the provision defining it ("Quiconque aura commis
  // l'infraction de traite des personnes telle que définie à l'article 2 ... sera puni") punishes it
  // by name, whatever words it uses for the conduct: legislatures keep inventing those.
  for (std::size_t i = 0; i < out.size(); ++i) {
    Signals& s = sig[i];
    if (s.by_name || !s.named || !s.formula || s.smuggling) continue;
    const DocText& dt = corpus.doc(out[i].doc);
    const ByteRange r = dt.subtree[out[i].unit];
    if (lex.in("ancillary-conduct", out[i].doc, r)) continue;
    for (const citation::Citation& c : corpus.citations(out[i].doc, r)) {
      if (c.kind == citation::Kind::this_act || c.kind == citation::Kind::part || c.kind == citation::Kind::chapter)
        continue;
      const std::uint32_t at = r.first + static_cast<std::uint32_t>(c.begin);
      for (std::size_t t : resolve(c, *dt.doc, dt.provision_at(at)))
        if (std::any_of(defining.begin(), defining.end(), [&](const Defining& u) {
              return u.doc == out[i].doc && u.unit == dt.unit_of[t] && u.unit != out[i].unit;
            }))
          s.by_name = s.by_citation = true;
      if (s.by_name) break;
    }
  }

  // The definitions of the crime's name an offence punishes by name: defined terms ("traffic",
  // "trafficking in persons", "la traite d'enfants" and "le trafic d'enfants" both), else a unit
  // that defines the crime.
  auto find_name_definitions = [&](const OffenceSite& o) {
    std::vector<OffencePart> parts;
    for (int pass = 0; pass < 2 && parts.empty(); ++pass)
      for (const Definition& def : defs.all) {
        if ((pass == 0) != (def.doc == o.doc)) continue;
        if (!corpus.doc(def.doc).assessed) continue;
        if (!lex.in_text("defined-name", def.doc, def.display)) continue;
        if (count_acts(lex, def.doc, def.range) < 1 && !lex.in("exploitation-purpose", def.doc, def.range)) continue;
        if (parts.size() < 3) parts.push_back(OffencePart{def.doc, def.provision, def.range, "definition"});
      }
    if (parts.empty())
      for (const Defining& u : defining)
        if (u.doc == o.doc && u.unit != o.unit) {
          parts.push_back(OffencePart{u.doc, u.unit,
                                      name_definition_range(corpus, lex, u.doc, corpus.doc(u.doc).subtree[u.unit]),
                                      "definition"});
          break;
        }
    return parts;
  };

  std::vector<std::string> decision(out.size());
  auto mark = [&](std::size_t i, std::string found_by, bool narrow = false) {
    out[i].info.trafficking = true;
    out[i].info.found_by = std::move(found_by);
    out[i].info.narrow = narrow;
    decision[i] = "trafficking offence";
  };

  // ---- the user's choice ----
  if (!named.empty()) {
    for (const std::string& wanted : named) {
      const std::string key = citation_key(wanted);
      bool found = false;
      for (std::size_t di = 0; di < corpus.docs().size() && !found; ++di) {
        const DocText& dt = corpus.doc(di);
        const akn::Document& d = *dt.doc;
        for (std::size_t p = 0; p < d.provisions.size() && !found; ++p) {
          if (key.empty() ||
              (citation_key(d.provisions[p].citation) != key && citation_key(d.provisions[p].num) != key))
            continue;
          found = true;
          const std::size_t unit = dt.unit_of[p];
          auto it =
              std::find_if(out.begin(), out.end(), [&](const OffenceSite& o) { return o.doc == di && o.unit == unit; });
          if (it == out.end()) {
            OffenceSite site;
            site.doc = di;
            site.unit = unit;
            site.words = p;
            site.acts = count_acts(lex, di, dt.subtree[unit]);
            site.means = lex.in("means", di, dt.subtree[unit]);
            site.info.document = d.path;
            site.info.eid = d.provisions[unit].eid;
            site.info.citation = d.provisions[unit].citation;
            site.info.heading = d.provisions[unit].heading;
            out.push_back(std::move(site));
            sig.push_back(Signals{});
            decision.emplace_back();
            it = out.end() - 1;
          }
          mark(static_cast<std::size_t>(it - out.begin()), "named by the user (--offence " + wanted + ")");
        }
      }
      if (!found) result.unresolved.push_back(wanted);
    }
  } else {
    // ---- tier 1: built like art 3 ----
    for (std::size_t i = 0; i < out.size(); ++i) {
      const Signals& s = sig[i];
      if (s.smuggling && !s.named && !s.named_heading) continue;
      if (s.acts < 2 || !s.purpose) continue;
      const bool named_here = s.named || s.named_heading;
      bool shape = named_here || ((s.means || s.acts >= 3) &&
                                  acts_near_purpose(lex, out[i].doc, corpus.doc(out[i].doc).subtree[out[i].unit]));
      if (!shape) continue;
      out[i].with_means = s.means;
      mark(i, "built like art 3: " + acts_text(s.acts) + ", a purpose of exploitation" + (s.means ? ", means" : "") +
                  (named_here ? ", and the crime's name" : ""));
    }
    // Where the law names its trafficking offences, an offence built like art 3 that does not name
    // the crime is another crime of exploitation ("Deceptive recruiting for labour or services"
    // beside "Offence of trafficking in persons").
    const bool named_shape = std::any_of(out.begin(), out.end(), [&](const OffenceSite& o) {
      const auto i = static_cast<std::size_t>(&o - out.data());
      return o.info.trafficking && (sig[i].named || sig[i].named_heading);
    });
    if (named_shape)
      for (std::size_t i = 0; i < out.size(); ++i)
        if (out[i].info.trafficking && !sig[i].named && !sig[i].named_heading) {
          out[i].info.trafficking = false;
          decision[i] =
              "another crime of exploitation: built like art 3 but not named as trafficking, while the law names its "
              "trafficking offences";
        }
    // An offence headed as one about the crime rather than the crime ("Promoting trafficking",
    // "Offences related to trafficking") is ancillary, whatever acts it lists.
    for (std::size_t i = 0; i < out.size(); ++i) {
      const std::string& heading = out[i].info.heading;
      if (out[i].info.trafficking && !heading.empty() && lex.in_text("ancillary-conduct", out[i].doc, heading)) {
        out[i].info.trafficking = false;
        decision[i] = "ancillary offence (its heading: " + heading + ")";
      }
    }
    // Offences that name trafficking and list acts without any means, while another has the
    // means, are ancillary when their words are about the crime ("leases premises for the purpose
    // of trafficking", "facilitates trafficking") — not when they are a trafficking offence of
    // their own without means (US § 1590 beside § 1591, a child offence beside the adult one).
    const bool any_with_means = std::any_of(out.begin(), out.end(), [](const OffenceSite& o) { return o.with_means; });
    if (any_with_means)
      for (std::size_t i = 0; i < out.size(); ++i) {
        if (!out[i].info.trafficking || out[i].with_means) continue;
        const ByteRange r = corpus.doc(out[i].doc).subtree[out[i].unit];
        if (lex.in("child", out[i].doc, r) || !lex.in("ancillary-conduct", out[i].doc, r)) continue;
        out[i].info.trafficking = false;
        decision[i] = "ancillary offence (about the crime, without means, while another offence has them)";
      }
    auto any_found = [&] {
      return std::any_of(out.begin(), out.end(), [](const OffenceSite& o) { return o.info.trafficking; });
    };

    // An offence headed as one about the crime rather than the crime ("Promotion et facilitation de
    // la traite", "Failure to report trafficking") is never the offence by name or by heading.
    auto ancillary_heading = [&](std::size_t i) {
      const std::string& heading = out[i].info.heading;
      return !heading.empty() && lex.in_text("ancillary-conduct", out[i].doc, heading);
    };
    // Among several candidates of a tier, those whose heading names the crime come first: "Infraction
    // de traite des personnes" rather than the article on legal persons that also punishes it.
    auto keep_best = [&](std::vector<std::size_t> picked) {
      const bool any_headed =
          std::any_of(picked.begin(), picked.end(), [&](std::size_t i) { return sig[i].named_heading; });
      std::vector<std::size_t> kept;
      for (std::size_t i : picked)
        if (!any_headed || sig[i].named_heading) kept.push_back(i);
      return kept;
    };

    // Beside offences built like art 3, the law's other offences headed with the crime's name
    // ("Offence of trafficking in persons—exit", "Aggravated trafficking") are trafficking offences
    // too, however narrow their own words.
    if (any_found())
      for (std::size_t i = 0; i < out.size(); ++i) {
        const Signals& s = sig[i];
        if (out[i].info.trafficking || !decision[i].empty()) continue;
        if (!s.named_heading || s.acts < 1 || (s.smuggling && !s.named) || ancillary_heading(i)) continue;
        mark(i, "its heading names the crime, beside the offences built like art 3 (" + acts_text(s.acts) + ")", true);
      }

    // ---- tier 2: the crime punished by its name, assembled with its definition ----
    if (!any_found()) {
      std::vector<std::size_t> picked;
      std::vector<std::vector<OffencePart>> defs_of(out.size());
      for (std::size_t i = 0; i < out.size(); ++i) {
        const Signals& s = sig[i];
        if (!(s.by_name || (s.named_heading && s.named))) continue;
        if (s.smuggling && !s.named) continue;
        if (ancillary_heading(i)) continue;
        // "facilitates trafficking", "leases premises for trafficking": about the crime, not the crime.
        if (!s.by_name && lex.in("ancillary-conduct", out[i].doc, corpus.doc(out[i].doc).subtree[out[i].unit]))
          continue;
        auto found = find_name_definitions(out[i]);
        if (found.empty()) continue;
        defs_of[i] = std::move(found);
        picked.push_back(i);
      }
      // Every offence that punishes the crime by name is assessed (the basic and the aggravated
      // penalty may stand in two articles); the ancillary ones were set aside above.
      for (std::size_t i : picked) {
        std::string where;
        for (const OffencePart& def : defs_of[i]) {
          const akn::Provision& dp = corpus.doc(def.doc).doc->provisions[def.provision];
          out[i].parts.push_back(def);
          if (where.find(cite_of(dp)) == std::string::npos) {
            out[i].info.parts.push_back(cite_of(dp) + " (definition)");
            where += (where.empty() ? "" : ", ") + cite_of(dp);
          }
          out[i].acts = std::max(out[i].acts, count_acts(lex, def.doc, def.range));
          out[i].means = out[i].means || lex.in("means", def.doc, def.range);
        }
        out[i].with_means = out[i].means;
        mark(i, "punishes the crime by its name, which " + where + " defines");
      }
    }

    // ---- tier 3: a narrow offence under the crime's name ----
    if (!any_found()) {
      std::vector<std::size_t> picked;
      for (std::size_t i = 0; i < out.size(); ++i) {
        const Signals& s = sig[i];
        if (s.smuggling && !s.named_heading) continue;
        if (ancillary_heading(i)) continue;
        const bool heading_offence = s.named_heading && (s.acts >= 1 || s.purpose);
        if (heading_offence || s.by_name) picked.push_back(i);
      }
      for (std::size_t i : keep_best(picked)) {
        const Signals& s = sig[i];
        const bool heading_offence = s.named_heading && (s.acts >= 1 || s.purpose);
        mark(i,
             heading_offence ? "its heading names the crime; its conduct is narrower than art 3 (" + acts_text(s.acts) +
                                   (s.purpose ? ", a purpose of exploitation" : ", no purpose") + ")"
                             : "punishes the crime by its name, which no provision of the documents defines",
             true);
      }
    }

    // ---- tier 3b: acts done to persons for a purpose of exploitation, under no name ----
    // ("procures a person ... for the sake of prostitution"): a narrow trafficking offence.
    if (!any_found())
      for (std::size_t i = 0; i < out.size(); ++i) {
        const Signals& s = sig[i];
        if (s.smuggling || s.acts < 1 || !s.purpose) continue;
        const ByteRange r = corpus.doc(out[i].doc).subtree[out[i].unit];
        if (!lex.in("act-on-person", out[i].doc, r) || !acts_near_purpose(lex, out[i].doc, r, 1)) continue;
        out[i].person_object = true;
        mark(i, "acts done to persons for a purpose of exploitation (" + acts_text(s.acts) + "), under no name", true);
      }

    // ---- tier 4: the closest offence, moving or dealing in persons ----
    if (!any_found())
      for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].acts < 1) continue;
        if (!lex.in("act-on-person", out[i].doc, corpus.doc(out[i].doc).subtree[out[i].unit])) continue;
        out[i].person_object = true;
        out[i].info.substitute = true;
        mark(i, "no offence about trafficking: the closest, an offence of moving or dealing in persons", true);
      }
  }

  for (std::size_t i = 0; i < out.size(); ++i) {
    const DocText& dt = corpus.doc(out[i].doc);
    out[i].range = dt.subtree[out[i].unit];
    if (out[i].info.trafficking && !out[i].info.substitute) {
      // The inserted article that holds the offence, not the smuggling article before it.
      {
        out[i].range = inline_article_of_offence(lex, dt, out[i].doc, out[i].unit);
        if (out[i].range != dt.subtree[out[i].unit]) {
          out[i].acts = count_acts(lex, out[i].doc, out[i].range);
          out[i].means = lex.in("means", out[i].doc, out[i].range);
          out[i].with_means = out[i].means;
          // 24 bytes at most, cut between characters (a cut inside "“" made the JSON report fail).
          const std::string_view head = utf8_prefix(dt.slice(out[i].range), 24);
          out[i].info.parts.push_back("the article inserted as \"" +
                                      std::string(head.substr(0, head.find_first_of(".\n"))) + "\"");
        }
      }
    }
    // The core clause: up to the end of the subsection that holds the first act.
    out[i].core = out[i].range;
    {
      std::optional<std::uint32_t> first;
      for (const char* act : kActLexicons)
        if (text::Match m = lex.find(act, out[i].doc, out[i].range); m && !m.spans.empty())
          first = first ? std::min(*first, m.spans.front().first) : m.spans.front().first;
      if (first) {
        std::size_t p = dt.provision_at(*first);
        const akn::Document& d = *dt.doc;
        while (d.provisions[p].parent >= 0 && static_cast<std::size_t>(d.provisions[p].parent) != out[i].unit &&
               p != out[i].unit)
          p = static_cast<std::size_t>(d.provisions[p].parent);
        if (p != out[i].unit) out[i].core.second = std::min(out[i].core.second, dt.subtree[p].second);
      }
    }
    out[i].purpose = sig[i].purpose;
    out[i].by_name = sig[i].by_name;
    for (const OffencePart& part : out[i].parts)
      if (part.role == "definition")
        out[i].purpose = out[i].purpose || lex.in("exploitation-purpose", part.doc, part.range);
    if (out[i].acts < 0) out[i].acts = 0;
  }

  // Units that cite an offence and punish it ("found guilty of ... the acts enumerated in Section 4
  // shall suffer ...") supply the penalty an offence lacks.
  for (OffenceSite& o : out) {
    if (!o.info.trafficking) continue;
    std::vector<std::size_t> penalising;
    const DocText& dt = corpus.doc(o.doc);
    for (const OffenceSite& other : out) {
      if (other.doc != o.doc || other.unit == o.unit || other.info.trafficking) continue;
      for (const citation::Citation& c : corpus.citations(o.doc, dt.subtree[other.unit])) {
        std::size_t at = dt.provision_at(dt.subtree[other.unit].first + static_cast<std::uint32_t>(c.begin));
        auto targets = resolve(c, *dt.doc, at);
        if (std::any_of(targets.begin(), targets.end(),
                        [&](std::size_t t) { return dt.is_ancestor_or_self(o.unit, t); })) {
          penalising.push_back(other.unit);
          break;
        }
      }
    }
    // Or that punish the crime by its name: "Artículo 9.- El delito de trata de personas será
    // sancionado con ..." after "Artículo 8.- Comete el delito de trata de personas quien ...".
    for (std::size_t k = 0; k < out.size(); ++k) {
      const OffenceSite& other = out[k];
      if (other.doc != o.doc || other.unit == o.unit || other.info.trafficking || !sig[k].by_name) continue;
      if (std::find(penalising.begin(), penalising.end(), other.unit) == penalising.end())
        penalising.push_back(other.unit);
    }
    read_penalty(corpus, lex, o, penalising);
  }

  // The explanation: every unit weighed, with its signals.
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Signals& s = sig[i];
    OffenceCandidate c;
    c.document = out[i].info.document;
    c.eid = out[i].info.eid;
    c.citation = out[i].info.citation;
    c.heading = out[i].info.heading;
    auto say = [&](bool yes, const std::string& for_text, const std::string& against_text) {
      if (yes && !for_text.empty()) c.signals_for.push_back(for_text);
      if (!yes && !against_text.empty()) c.signals_against.push_back(against_text);
    };
    if (s.punished_by != static_cast<std::size_t>(-1))
      say(true,
          "made an offence by " + corpus.doc(out[i].doc).doc->provisions[s.punished_by].citation +
              ", which punishes it by citation",
          "");
    else
      say(s.formula,
          "creates or punishes an offence (" +
              matched_words(corpus, lex, "offence-formula", out[i].doc, corpus.doc(out[i].doc).subtree[out[i].unit]) +
              ")",
          "");
    say(s.named, "names the crime", "does not name the crime");
    say(s.named_heading, "its heading names the crime", "");
    say(s.by_name,
        s.by_citation ? "names the crime and cites the provision that defines it" : "its conduct is the crime's name",
        "");
    const ByteRange r = corpus.doc(out[i].doc).subtree[out[i].unit];
    const std::size_t d = out[i].doc;
    say(s.acts >= 2, acts_text(s.acts) + " of art 3 (" + acts_words(corpus, lex, d, r) + ")",
        s.acts == 1 ? "only 1 act of art 3 (" + acts_words(corpus, lex, d, r) + ")" : "none of the acts of art 3");
    say(s.purpose, "a purpose of exploitation (" + matched_words(corpus, lex, "exploitation-purpose", d, r) + ")",
        "no purpose of exploitation");
    say(s.means, "names means (" + matched_words(corpus, lex, "means", d, r) + ")", "");
    if (out[i].person_object)
      c.signals_for.push_back("an act done to persons (" + matched_words(corpus, lex, "act-on-person", d, r) + ")");
    if (s.smuggling) c.signals_against.push_back("names the smuggling of migrants");
    for (const std::string& p : out[i].info.parts) c.signals_for.push_back("assembled with " + p);
    c.decision = out[i].info.trafficking   ? "trafficking offence (" + out[i].info.found_by + ")"
                 : !decision[i].empty()    ? decision[i]
                 : s.smuggling && !s.named ? "smuggling of migrants, not trafficking"
                                           : "other offence";
    result.candidates.push_back(std::move(c));
  }
  return result;
}

}  // namespace palermo::analysis
