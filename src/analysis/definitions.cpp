// Defined-term detection (see definitions.hpp).
#include "analysis/definitions.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace palermo::analysis {

namespace {

struct QuotePair {
  std::string_view open, close;
};
constexpr QuotePair kQuotes[] = {
    {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
    {"\xC2\xAB", "\xC2\xBB"},          // « »
    {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
    {"\"", "\""},
};

// Words that follow a defined term in a definition clause (folded).
bool definition_verb_follows(std::string_view folded_after) {
  static constexpr std::string_view verbs[] = {
      "means",      "includes",      "include",      "has the meaning", "have the meaning",
      "shall mean", "shall include", "refers to",    "is defined",      "in relation to",
      "s entend",   "designe",       "signifie",     "comprend",        "se entiende",
      "significa",  "comprende",     "se entendera", "incluye",         "inclui"};
  std::size_t start = folded_after.find_first_not_of(" ,:");
  if (start == std::string_view::npos) return false;
  folded_after.remove_prefix(start);
  for (std::string_view v : verbs)
    if (folded_after.substr(0, v.size()) == v) return true;
  return false;
}

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\n");
  std::size_t e = s.find_last_not_of(" \t\n");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

struct Found {
  std::uint32_t begin;
  std::string display;
  std::string refers_to;
  bool from_heading = false;  // a section headed by the term ("Purposes"): matched as written, never by stem
};

// Quoted terms followed by a definition verb, within one piece of own text.
void scan_quoted(std::string_view piece, std::uint32_t offset, std::vector<Found>& out) {
  for (std::size_t pos = 0; pos < piece.size(); ++pos) {
    // Every opening quote starts with one of these bytes: skip the rest of the text cheaply.
    const char c = piece[pos];
    if (c != '"' && c != '\xE2' && c != '\xC2') continue;
    for (const QuotePair& q : kQuotes) {
      if (piece.substr(pos, q.open.size()) != q.open) continue;
      std::size_t inner = pos + q.open.size();
      std::size_t close = piece.find(q.close, inner);
      if (close == std::string_view::npos || close - inner > 80 || close == inner) break;
      std::string term = trim(piece.substr(inner, close - inner));
      std::string after = fold_text(piece.substr(close + q.close.size(), 40));
      // A definitions list item may give the term and a colon or dash, no verb: "« exploitation » :
      // le fait de ...", "“child”: a person under ...". Only at the start of the item.
      const bool leads_item = piece.substr(0, pos).find_first_not_of(" \t\n(0123456789abcdefghijklmnopqrstuvwxyz).-") ==
                                  std::string_view::npos &&
                              pos < 8;
      std::size_t mark = after.find_first_not_of(' ');
      const bool colon = leads_item && mark != std::string::npos &&
                         (after[mark] == ':' || after.compare(mark, 3, "\xE2\x80\x94") == 0 || after[mark] == '-');
      if (!term.empty() && (definition_verb_follows(after) || colon)) {
        out.push_back({offset + static_cast<std::uint32_t>(pos), term, ""});
        pos = close;
      }
      break;
    }
  }
}

// "se entenderá por explotación:" / "on entend par exploitation" (unquoted), folded search.
void scan_unquoted(std::string_view piece, std::uint32_t offset, std::vector<Found>& out) {
  // Only pieces with "entend"/"entiend" can hold these formulas: skip folding the rest.
  // (Lower and upper case: headings in capitals say "ENTIENDE".)
  auto has = [&](std::string_view lower, std::string_view upper) {
    return piece.find(lower) != std::string_view::npos || piece.find(upper) != std::string_view::npos;
  };
  if (!has("ntend", "NTEND") && !has("ntiend", "NTIEND")) return;
  std::string f = fold_text(piece);
  // fold keeps ASCII bytes in place only when the text is ASCII; work on the folded text and map
  // back approximately (the start of the definition clause), which is all the range needs.
  for (std::string_view lead : {std::string_view("se entendera por "), std::string_view("se entiende por "),
                                std::string_view("on entend par ")}) {
    for (std::size_t p = f.find(lead); p != std::string::npos; p = f.find(lead, p + 1)) {
      std::size_t b = p + lead.size();
      std::size_t e = f.find_first_of(",:;.", b);
      if (e == std::string::npos || e - b > 60) continue;
      std::string term = trim(std::string_view(f).substr(b, e - b));
      if (term.empty()) continue;
      std::uint32_t at = offset + static_cast<std::uint32_t>(std::min(p, piece.size()));
      out.push_back({at, term, ""});
    }
  }
}

// A list marker at `i` ("6°", "6º", "(f)", "f)", "12."): its length, or 0.
std::size_t marker_length(std::string_view t, std::size_t i) {
  const char c = t[i];
  if (!(c == '(' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) return 0;  // cheap test first
  auto ascii_alnum = [](char x) { return (x >= '0' && x <= '9') || (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z'); };
  if (i > 0 && (ascii_alnum(t[i - 1]) || t[i - 1] == '(')) return 0;
  std::size_t j = i;
  const bool paren = j < t.size() && t[j] == '(';
  if (paren) ++j;
  const std::size_t start = j;
  while (j < t.size() && j - start < 3 && std::isdigit(static_cast<unsigned char>(t[j]))) ++j;
  const bool digits = j > start;
  if (!digits && j + 1 < t.size() && std::islower(static_cast<unsigned char>(t[j])) &&
      (t[j + 1] == ')' || t[j + 1] == '.'))
    ++j;
  if (j == start) return 0;
  if (digits && (t.compare(j, 2, "\xC2\xB0") == 0 || t.compare(j, 2, "\xC2\xBA") == 0)) return j + 2 - i;
  if (j < t.size() && t[j] == ')') return j + 1 - i;
  // "a. enfant : ..." — a letter and a full stop, then a space (not "e.g." or an abbreviation)
  if (!digits && !paren && j + 1 < t.size() && t[j] == '.' && t[j + 1] == ' ') return j + 1 - i;
  return 0;
}

// The term that opens a definition item: the text from `b` up to a colon or a dash, within 70 bytes
// and six spaces ("traite des personnes: ...", "Trafficking in Persons - refers to ..."). Returns the
// position of the colon or dash, or npos when the item does not open with a term.
std::size_t term_before_colon(std::string_view piece, std::size_t b, std::string& term) {
  const std::size_t limit = std::min(piece.size(), b + 70);
  // Stops at a colon, at the end of a clause, or at a spaced dash (" - ", " — ", " – ").
  auto dash_at = [&](std::size_t e) {
    return piece[e] == ' ' && (piece.compare(e, 3, " - ") == 0 || piece.compare(e, 4, " \xE2\x80\x94") == 0 ||
                               piece.compare(e, 4, " \xE2\x80\x93") == 0);
  };
  std::size_t e = b;
  while (e < limit && piece[e] != ':' && piece[e] != ';' && piece[e] != '.' && piece[e] != '\n' && !dash_at(e)) ++e;
  if (e >= limit || piece[e] == ';' || piece[e] == '.' || piece[e] == '\n') return std::string_view::npos;
  term = trim(piece.substr(b, e - b));
  if (term.empty() || std::count(term.begin(), term.end(), ' ') > 6) return std::string_view::npos;
  return e;
}

// A term at the very start of a list item that is its own provision ("a) Explotación: ..." with
// "a)" as the item's number).
bool leading_term(std::string_view piece, std::uint32_t offset, std::vector<Found>& out) {
  std::size_t b = 0;
  while (b < piece.size() && (piece[b] == ' ' || piece[b] == '\n')) ++b;
  std::string term;
  if (term_before_colon(piece, b, term) == std::string_view::npos) return false;
  out.push_back({offset + static_cast<std::uint32_t>(b), term, ""});
  return true;
}

// Definitions written as a numbered run of items without quotes, as many civil-law and Commonwealth
// acts publish them: "1° victime: toute personne ...; 2° traite des personnes: ...", "(a) Trafficking
// in Persons - refers to ...". Taken only where a piece holds three or more such items.
void scan_numbered_items(std::string_view piece, std::uint32_t offset, std::vector<Found>& out) {
  std::vector<Found> items;
  for (std::size_t i = 0; i < piece.size(); ++i) {
    const std::size_t m = marker_length(piece, i);
    if (m == 0) continue;
    std::size_t b = i + m;
    while (b < piece.size() && piece[b] == ' ') ++b;
    std::string term;
    const std::size_t e = term_before_colon(piece, b, term);
    if (e == std::string_view::npos) continue;
    items.push_back({offset + static_cast<std::uint32_t>(b), term, ""});
    i = e;
  }
  if (items.size() >= 3) out.insert(out.end(), items.begin(), items.end());
}

// The term without a leading article, as the text uses it: "la traite d'enfants" is used as
// "traite d'enfants", "the child" as "child". Articles are grammar, not law: a short list per language.
std::string without_article(std::string folded) {
  static constexpr std::string_view articles[] = {"the ", "a ",  "an ", "le ", "la ", "les ", "l ",   "el ", "los ",
                                                  "las ", "lo ", "o ",  "os ", "as ", "um ",  "uma ", "un ", "une "};
  for (std::string_view a : articles)
    if (folded.size() > a.size() + 2 && folded.compare(0, a.size(), a) == 0) return folded.substr(a.size());
  return folded;
}

// The term a heading announces: "Meaning of exploitation" -> "exploitation", "Explotación." ->
// "explotacion", "Définition de l'exploitation" -> "exploitation"; "" for a heading that is not one
// short term (more than three words, or a number).
std::string heading_term(const std::string& heading) {
  std::string h = fold_text(heading);
  std::replace(h.begin(), h.end(), '\'', ' ');
  for (std::string_view lead :
       {"meaning of ", "definition of ", "definitions of ", "interpretation of ", "definition de ", "definicion de ",
        "definicion del ", "concepto de ", "conceito de ", "notion de "})
    if (h.compare(0, lead.size(), lead) == 0) {
      h = h.substr(lead.size());
      break;
    }
  while (!h.empty() && (h.back() == '.' || h.back() == ' ' || h.back() == ':')) h.pop_back();
  h = without_article(h);
  if (h.size() < 5 || std::count(h.begin(), h.end(), ' ') > 2) return "";
  if (std::any_of(h.begin(), h.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == ';'; })) return "";
  return h;
}

}  // namespace

Definitions find_definitions(Corpus& corpus) {
  Definitions defs;
  for (std::size_t di = 0; di < corpus.docs().size(); ++di) {
    const DocText& dt = corpus.doc(di);
    const akn::Document& d = *dt.doc;
    std::vector<Found> found;
    // Items that are provisions of their own and open with "Term:", per unit: taken where a unit
    // holds three or more of them (a definitions list), never a lone "(a) Penalty: ..." clause.
    std::map<std::size_t, std::vector<Found>> item_terms;
    std::size_t last_provision = d.provisions.size();
    for (const auto& piece : dt.pieces) {
      if (dt.treaty_text[piece.provision]) continue;
      std::string_view text = dt.slice({piece.begin, piece.end});
      scan_quoted(text, piece.begin, found);
      scan_unquoted(text, piece.begin, found);
      scan_numbered_items(text, piece.begin, found);
      const akn::Provision& p = d.provisions[piece.provision];
      if (piece.provision != last_provision && !p.num.empty() && dt.unit_of[piece.provision] != piece.provision)
        leading_term(text, piece.begin, item_terms[dt.unit_of[piece.provision]]);
      last_provision = piece.provision;
    }
    for (auto& [unit, items] : item_terms)
      if (items.size() >= 3) found.insert(found.end(), items.begin(), items.end());
    // A section headed by a term it explains: "3. Meaning of exploitation", "Artículo 3°.- Explotación.
    // A los fines de esta ley, hay explotación en ...". The heading names the term; the section's
    // text must use it.
    // The definitions found so far by where they stand, so that each section looks only at its own
    // (units do not overlap, so what one adds is never another's).
    std::vector<std::pair<std::uint32_t, std::size_t>> found_by_place;
    for (std::size_t i = 0; i < found.size(); ++i) found_by_place.emplace_back(found[i].begin, i);
    std::sort(found_by_place.begin(), found_by_place.end());
    for (std::size_t u : dt.units) {
      if (dt.treaty_text[u]) continue;
      const std::string term = heading_term(d.provisions[u].heading);
      if (term.empty()) continue;
      const ByteRange r = dt.subtree[u];
      const std::string own = fold_text(dt.slice({r.first, std::min(r.second, r.first + 400)}));
      if (!has_word(own, term)) continue;
      bool seen = false;
      for (auto it =
               std::lower_bound(found_by_place.begin(), found_by_place.end(), std::make_pair(r.first, std::size_t{0}));
           it != found_by_place.end() && it->first < r.second && !seen; ++it)
        seen = without_article(fold_text(found[it->second].display)) == term;
      if (!seen) found.push_back({r.first, term, "", true});
    }
    // One definition per place: a quoted term inside a numbered item is found twice.
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });
    found.erase(std::unique(found.begin(), found.end(),
                            [](const Found& a, const Found& b) {
                              return b.begin - a.begin < 8 && fold_text(a.display) == fold_text(b.display);
                            }),
                found.end());
    // <def> marks the quote scan did not see (definitions written without quotes). Looked up through
    // indexes of what was found and of each provision's pieces: an act with thousands of <def> marks
    // would otherwise compare each with every definition and every piece.
    std::map<std::pair<std::size_t, std::string>, std::size_t> found_at;  // (provision, folded term) -> found
    for (std::size_t i = 0; i < found.size(); ++i)
      found_at.try_emplace({dt.provision_at(found[i].begin), fold_text(found[i].display)}, i);
    std::map<std::size_t, std::vector<std::size_t>> pieces_of;  // provision -> its pieces, in order
    if (!d.definitions.empty())
      for (std::size_t i = 0; i < dt.pieces.size(); ++i) pieces_of[dt.pieces[i].provision].push_back(i);
    for (const akn::TermMark& mark : d.definitions) {
      if (mark.provision >= d.provisions.size() || dt.treaty_text[mark.provision]) continue;
      if (auto seen = found_at.find({mark.provision, fold_text(mark.text)}); seen != found_at.end()) {
        found[seen->second].refers_to = mark.refers_to;
        continue;
      }
      auto pieces = pieces_of.find(mark.provision);
      if (pieces == pieces_of.end()) continue;
      for (std::size_t pi : pieces->second) {
        // A provision's pieces: its heading, its text, its wrap-up; the term stands in one of them.
        const auto& piece = dt.pieces[pi];
        std::size_t at = dt.slice({piece.begin, piece.end}).find(mark.text);
        if (at == std::string_view::npos) continue;
        found.push_back({piece.begin + static_cast<std::uint32_t>(at), mark.text, mark.refers_to});
        found_at.try_emplace({mark.provision, fold_text(mark.text)}, found.size() - 1);
        break;
      }
    }

    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.begin < b.begin; });
    for (std::size_t i = 0; i < found.size(); ++i) {
      Definition def;
      def.term = fold_text(found[i].display);
      std::replace(def.term.begin(), def.term.end(), '\'', ' ');
      def.term = without_article(def.term);
      def.display = found[i].display;
      def.doc = di;
      def.provision = dt.provision_at(found[i].begin);
      // A definition runs to the next one, but never beyond the section holding it.
      std::uint32_t unit_end = dt.subtree[dt.unit_of[def.provision]].second;
      std::uint32_t end = i + 1 < found.size() ? std::min(found[i + 1].begin, unit_end) : unit_end;
      def.range = {found[i].begin, std::max(end, found[i].begin)};
      def.refers_to = found[i].refers_to;
      if (!found[i].from_heading && def.term.find(' ') == std::string::npos && def.term.size() >= 6) {
        std::string stem = corpus.tokenizer(dt.language).stem(def.term);
        if (stem.size() >= 5 && stem != def.term) def.stem = stem;
      }
      defs.all.push_back(std::move(def));
    }
  }
  return defs;
}

std::vector<std::size_t> terms_used(const Definitions& defs, std::string_view folded_text, std::size_t doc) {
  std::vector<std::size_t> same, other;
  for (std::size_t i = 0; i < defs.all.size(); ++i) {
    const Definition& d = defs.all[i];
    if (d.term.size() < 3 || (!has_word(folded_text, d.term) && (d.stem.empty() || !has_word(folded_text, d.stem))))
      continue;
    (d.doc == doc ? same : other).push_back(i);
  }
  if (same.empty()) return other;
  // Terms defined only in another document still count ("exploitation" in a penal code's general part).
  for (std::size_t i : other) {
    bool also_here =
        std::any_of(same.begin(), same.end(), [&](std::size_t j) { return defs.all[j].term == defs.all[i].term; });
    if (!also_here) same.push_back(i);
  }
  return same;
}

std::vector<std::size_t> terms_marked(const Definitions& defs, const DocText& doc, std::size_t doc_index,
                                      std::size_t provision) {
  std::vector<std::size_t> out;
  for (const akn::TermMark& use : doc.doc->term_uses) {
    if (use.refers_to.empty() || use.provision >= doc.doc->provisions.size()) continue;
    if (!doc.is_ancestor_or_self(provision, use.provision)) continue;
    for (std::size_t i = 0; i < defs.all.size(); ++i)
      if (defs.all[i].doc == doc_index && defs.all[i].refers_to == use.refers_to &&
          std::find(out.begin(), out.end(), i) == out.end())
        out.push_back(i);
  }
  return out;
}

}  // namespace palermo::analysis
