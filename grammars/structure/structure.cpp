// The heading-line and enumeration-marker grammar (Spirit X3), instantiated here and only here.
// Label words are listed in the symbol tables below in each language's spellings; a word matched
// case-insensitively as ASCII, so accented capitals ("ARTÍCULO") are listed beside their lower case.
#include "grammars/structure/structure.hpp"

#include <boost/spirit/home/x3.hpp>
#include <cctype>

namespace palermo::structure {

namespace {

namespace x3 = boost::spirit::x3;
using Iterator = const char*;

// ---- what the actions fill in ------------------------------------------------------------------
struct LineState {
  std::string element;
  bool container = false;
  bool keyword = false;
  Iterator num_begin = nullptr, num_end = nullptr;      // the number as written, label word included
  Iterator label_begin = nullptr, label_end = nullptr;  // the number alone
};
struct line_state_tag;

struct MarkerState {
  MarkerShape shape = MarkerShape::parenthesised;
  Iterator label_begin = nullptr, label_end = nullptr;
};
struct marker_state_tag;

// ---- label words -------------------------------------------------------------------------------
// x3::no_case lower-cases bytes one at a time, which is only right for ASCII: words with accents
// are listed in a case-sensitive table in each of the ways statutes capitalise them, and tried
// first ("Artículo" must not stop at "Art").
struct ContainerWords : x3::symbols<std::string> {
  ContainerWords() {
    add("part", "part")("partie", "part")("parte", "part")("sub-part", "subpart")("subpart", "subpart")("book", "book")(
        "livre", "book")("libro", "book")("livro", "book")("title", "title")("titre", "title")("titulo", "title")(
        "titolo", "title")("chapter", "chapter")("chapitre", "chapter")("capitulo", "chapter")("capitolo", "chapter")(
        "kapitel", "chapter")("division", "division")("seccion", "division")("sezione", "division")(
        "sous-section", "subdivision")("subdivision", "subdivision");
  }
};
struct AccentedContainerWords : x3::symbols<std::string> {
  AccentedContainerWords() {
    for (const char* w : {"Título", "TÍTULO", "título"}) add(w, "title");
    for (const char* w : {"Capítulo", "CAPÍTULO", "capítulo"}) add(w, "chapter");
    for (const char* w : {"Sección", "SECCIÓN", "sección", "Seção", "SEÇÃO", "seção", "Secção", "SECÇÃO", "secção"})
      add(w, "division");
  }
};
struct UnitWords : x3::symbols<std::string> {
  UnitWords() {
    add("article", "article")("art.", "article")("art", "article")("articulo", "article")("artigo", "article")(
        "articolo", "article")("articolul", "article")("artikel", "article")("artikolu", "article")(
        "clanak", "article")("clen", "article")("section", "section")("sec.", "section")("s.", "section")(
        "regulation", "section")("rule", "section");
  }
};
struct AccentedUnitWords : x3::symbols<std::string> {
  AccentedUnitWords() {
    for (const char* w :
         {"Artículo", "ARTÍCULO", "artículo", "Članak", "ČLANAK", "članak", "Člen",   "ČLEN",   "člen",
          "Član",     "ČLAN",     "Члан",     "ЧЛАН",   "члан",   "Стаття", "СТАТТЯ", "стаття", "Статья",
          "СТАТЬЯ",   "статья",   "Άρθρο",    "ΑΡΘΡΟ",  "άρθρο",  "მუხლი",  "مادة",   "المادة", "ধারা"})
      add(w, "article");
    add("\xC2\xA7\xC2\xA7", "section")("\xC2\xA7", "section");  // "§§", "§"
  }
};
struct ScheduleWords : x3::symbols<std::string> {
  ScheduleWords() {
    add("schedule", "schedule")("annex", "schedule")("annexe", "schedule")("anexo", "schedule")("appendix", "schedule")(
        "first schedule", "schedule")("second schedule", "schedule")("third schedule", "schedule")("the schedule",
                                                                                                   "schedule");
  }
};
// Ordinal words that number a single or first article ("Article premier", "Artículo único",
// "CHAPTER ONE") and the later ones of containers ("PART TWO").
struct OrdinalWords : x3::symbols<x3::unused_type> {
  OrdinalWords() {
    for (const char* w : {"premier", "primero", "primera",  "unico",      "unica",      "unique",  "first",  "one",
                          "two",     "three",   "four",     "five",       "six",        "seven",   "eight",  "nine",
                          "ten",     "eleven",  "twelve",   "segundo",    "tercero",    "septimo", "decimo", "SEPTIMO",
                          "cuarto",  "quinto",  "sexto",    "octavo",     "noveno",     "second",  "third",  "fourth",
                          "fifth",   "sixth",   "primeiro", "preliminar", "preliminary"})
      add(w);
  }
};
struct AccentedOrdinalWords : x3::symbols<x3::unused_type> {
  AccentedOrdinalWords() {
    for (const char* w :
         {"première",  "PREMIÈRE",  "Première",  "único",     "ÚNICO",     "Único",        "única",       "ÚNICA",
          "Única",     "séptimo",   "SÉPTIMO",   "décimo",    "DÉCIMO",    "deuxième",     "DEUXIÈME",    "troisième",
          "TROISIÈME", "quatrième", "QUATRIÈME", "cinquième", "CINQUIÈME", "préliminaire", "PRÉLIMINAIRE"})
      add(w);
  }
};
// Latin suffixes of inserted provisions ("411 bis", "2 ter", "411 quáter").
struct LatinSuffixes : x3::symbols<x3::unused_type> {
  LatinSuffixes() {
    for (const char* w : {"bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "nonies",
                          "decies", "a", "b", "c", "d", "e", "f", "g", "h"})
      add(w);
  }
};
struct AccentedLatinSuffixes : x3::symbols<x3::unused_type> {
  AccentedLatinSuffixes() {
    for (const char* w : {"quáter", "QUÁTER", "Quáter"}) add(w);
  }
};

ContainerWords const container_words_ascii;
AccentedContainerWords const container_words_accented;
UnitWords const unit_words_ascii;
AccentedUnitWords const unit_words_accented;
ScheduleWords const schedule_words;
OrdinalWords const ordinal_words_ascii;
AccentedOrdinalWords const ordinal_words_accented;
LatinSuffixes const latin_suffixes_ascii;
AccentedLatinSuffixes const latin_suffixes_accented;
auto const ordinal_words = ordinal_words_accented | x3::no_case[ordinal_words_ascii];
auto const latin_suffixes = latin_suffixes_accented | x3::no_case[latin_suffixes_ascii];

// ---- actions -----------------------------------------------------------------------------------
auto const set_container = [](auto& ctx) {
  auto& s = x3::get<line_state_tag>(ctx).get();
  s.element = x3::_attr(ctx);
  s.container = true;
  s.keyword = true;
};
auto const set_unit = [](auto& ctx) {
  auto& s = x3::get<line_state_tag>(ctx).get();
  s.element = x3::_attr(ctx);
  s.container = false;
  s.keyword = true;
};
auto const set_bare_unit = [](auto& ctx) {
  auto& s = x3::get<line_state_tag>(ctx).get();
  s.element = "section";
  s.container = false;
  s.keyword = false;
};
auto const mark_num_begin = [](auto& ctx) { x3::get<line_state_tag>(ctx).get().num_begin = x3::_where(ctx).begin(); };
auto const mark_label = [](auto& ctx) {
  auto& s = x3::get<line_state_tag>(ctx).get();
  // raw[]'s attribute is the matched range (its _where is empty)
  s.label_begin = x3::_attr(ctx).begin();
  s.label_end = x3::_attr(ctx).end();
  s.num_end = x3::_attr(ctx).end();
};
// Attached to raw[]: the number ends where the matched words end (an eps' _where runs to the input's end).
auto const mark_num_end = [](auto& ctx) { x3::get<line_state_tag>(ctx).get().num_end = x3::_attr(ctx).end(); };

// ---- heading lines -----------------------------------------------------------------------------
auto const blank = x3::lit(' ') | x3::lit('\t') | x3::lit("\xC2\xA0");  // NBSP as extracted from Word/PDF
auto const decoration = *(x3::lit('=') | x3::lit('#')) >> *blank;
auto const alpha = x3::char_("a-zA-Z");
auto const roman = +x3::char_("IVXLCDM") | +x3::char_("ivxlcdm");
auto const ordinal_mark = x3::lit(".º") | x3::lit(".°") | x3::lit("º") | x3::lit("°") | x3::lit("er") | x3::lit("o");
// "225-4-1", "279.01", "188A", "411 bis", "3.º", "1er"
auto const unit_number = +x3::ascii::digit >> *((x3::lit('.') | x3::lit('-')) >> +x3::ascii::digit) >>
                         -(alpha >> !alpha) >> -(ordinal_mark >> !alpha) >>
                         *((x3::lit('-') | +blank) >> latin_suffixes >> !alpha) >>
                         -(x3::lit('-') >> alpha >> !alpha)        // "129-A" ... "129-P"
                         >> -(x3::lit('^') >> +x3::ascii::digit);  // "14^1": Romanian inserted articles
auto const word_number = ordinal_words >> !alpha;
auto const container_number = word_number | (roman >> !alpha >> -(x3::lit('-') >> +x3::ascii::alnum)) | unit_number;

auto const container_line = decoration >> x3::eps[mark_num_begin] >>
                            (container_words_accented[set_container] |
                             x3::no_case[container_words_ascii][set_container]) >>
                            +blank >> x3::raw[container_number][mark_label];
auto const schedule_line = decoration >> x3::eps[mark_num_begin] >>
                           x3::raw[x3::no_case[schedule_words][set_container]][mark_num_end] >>
                           -(+blank >> x3::raw[(container_number | (x3::char_("A-Z") >> !alpha))][mark_label]);
auto const unit_line = decoration >> x3::eps[mark_num_begin] >>
                       (unit_words_accented[set_unit] | x3::no_case[unit_words_ascii][set_unit]) >> *blank
                       >> x3::raw[unit_number | word_number][mark_label];
// The label after the number, as Baltic, Hungarian, Nordic and Icelandic codes write it:
// "24 straipsnis.", "154.1 pants.", "10. §", "1 a §", "22. gr."
struct PostfixUnitWords : x3::symbols<std::string> {
  PostfixUnitWords() {
    add("straipsnis", "article")("pants", "article")("\xC2\xA7", "section")("gr.", "article")("grein", "article");
  }
};
PostfixUnitWords const postfix_unit_words;
auto const postfix_unit_line = decoration >> x3::eps[mark_num_begin] >>
                               x3::raw[+x3::ascii::digit >> *(x3::lit('.') >> +x3::ascii::digit) >>
                                       -(*blank >> x3::char_("a-z") >> !alpha)][mark_label] >>
                               -x3::lit('.') >> +blank >> x3::raw[postfix_unit_words[set_unit]][mark_num_end];
// "3. Prohibition of trafficking", "279.01. Trafficking in persons", "5A. Offences"
auto const bare_unit_line =
    decoration >> x3::eps[mark_num_begin] >>
    x3::raw[+x3::ascii::digit >> *(x3::lit('.') >> +x3::ascii::digit) >> -(alpha >> !alpha)][mark_label] >>
    x3::eps[set_bare_unit] >> x3::lit('.') >> (+blank | x3::eoi);

// ---- markers -----------------------------------------------------------------------------------
auto const set_shape = [](MarkerShape shape) {
  return [shape](auto& ctx) { x3::get<marker_state_tag>(ctx).get().shape = shape; };
};
auto const mark_marker_label = [](auto& ctx) {
  auto& s = x3::get<marker_state_tag>(ctx).get();
  s.label_begin = x3::_attr(ctx).begin();
  s.label_end = x3::_attr(ctx).end();
};
auto const list_label = (x3::repeat(1, 3)[x3::ascii::digit] >> -(x3::char_("A-Za-z") >> !alpha)) |
                        (x3::repeat(1, 6)[x3::char_("ivxlcdm")] >> !alpha) |
                        (x3::repeat(1, 6)[x3::char_("IVXLCDM")] >> !alpha) |
                        (x3::repeat(1, 2)[x3::char_("a-z")] >> !alpha) | (x3::char_("A-Z") >> !alpha);
auto const parenthesised = x3::lit('(') >> x3::raw[list_label][mark_marker_label] >>
                           x3::lit(')') >> x3::eps[set_shape(MarkerShape::parenthesised)];
auto const closing =
    x3::raw[(x3::repeat(1, 3)[x3::ascii::digit] | (x3::repeat(1, 2)[x3::char_("a-z")] >> !alpha))][mark_marker_label] >>
    x3::lit(')') >> x3::eps[set_shape(MarkerShape::closing)];
auto const degree = x3::raw[x3::repeat(1, 3)[x3::ascii::digit]][mark_marker_label] >>
                    (x3::lit("°") | x3::lit("º") | x3::lit("o)")) >> x3::eps[set_shape(MarkerShape::degree)];
auto const roman_dash = x3::raw[x3::repeat(1, 6)[x3::char_("IVXLCDM")]][mark_marker_label] >> *blank >> x3::lit('.') >>
                        *blank >>
                        (x3::lit('-') | x3::lit("–") | x3::lit("—")) >> x3::eps[set_shape(MarkerShape::roman_dash)];
auto const dotted = x3::raw[(x3::repeat(1, 3)[x3::ascii::digit] | (x3::char_("a-z") >> !alpha))][mark_marker_label] >>
                    x3::lit('.') >> &blank >> x3::eps[set_shape(MarkerShape::dotted)];
auto const marker = roman_dash | parenthesised | degree | closing | dotted;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  // NBSP at either end, as Word leaves it.
  while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
  while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
  return s;
}

// What follows a number: an optional separator (".-", ".", "-", "–", "—", ":"), then the rest.
// Returns the rest and whether a separator was seen.
std::pair<std::string_view, bool> after_separator(std::string_view tail) {
  std::string_view t = trim(tail);
  for (std::string_view sep : {".-", ".–", ".—", ". -", ". –", ". —", "-", "–", "—", ":", "."}) {
    if (t.substr(0, sep.size()) == sep) return {trim(t.substr(sep.size())), true};
  }
  return {t, false};
}

int roman_value(std::string_view s) {
  int total = 0, previous = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int v = 0;
    switch (std::tolower(static_cast<unsigned char>(*it))) {
      case 'i':
        v = 1;
        break;
      case 'v':
        v = 5;
        break;
      case 'x':
        v = 10;
        break;
      case 'l':
        v = 50;
        break;
      case 'c':
        v = 100;
        break;
      case 'd':
        v = 500;
        break;
      case 'm':
        v = 1000;
        break;
      default:
        return 0;
    }
    total += v < previous ? -v : v;
    previous = std::max(previous, v);
  }
  return total;
}

// "a" -> 1, "z" -> 26, "aa" -> 27 (the second run of a list that passed "z").
int alpha_value(std::string_view s) {
  if (s.size() == 1) return std::tolower(static_cast<unsigned char>(s[0])) - 'a' + 1;
  if (s.size() == 2 && s[0] == s[1]) return 26 + std::tolower(static_cast<unsigned char>(s[0])) - 'a' + 1;
  return 0;
}

}  // namespace

std::optional<HeadingLine> parse_heading_line(std::string_view raw_line) {
  std::string_view line = trim(raw_line);
  if (line.empty() || line.size() > 2000) return std::nullopt;
  // Decorations at the end ("== Chapter 1 ==") are not part of the heading.
  while (!line.empty() && (line.back() == '=' || line.back() == '#')) line.remove_suffix(1);
  line = trim(line);

  auto try_rule = [&](auto const& rule) -> std::optional<std::pair<LineState, Iterator>> {
    LineState state;
    Iterator first = line.data();
    Iterator last = line.data() + line.size();
    bool ok = x3::parse(first, last, x3::with<line_state_tag>(std::ref(state))[rule]);
    if (!ok) return std::nullopt;
    return std::make_pair(state, first);
  };

  std::optional<std::pair<LineState, Iterator>> hit;
  for (int which = 0; which < 5 && !hit; ++which) {
    switch (which) {
      case 0:
        hit = try_rule(schedule_line);
        break;
      case 1:
        hit = try_rule(container_line);
        break;
      case 2:
        hit = try_rule(unit_line);
        break;
      case 3:
        hit = try_rule(postfix_unit_line);
        break;
      default:
        hit = try_rule(bare_unit_line);
        break;
    }
    if (!hit) continue;
    const LineState& s = hit->first;
    std::string_view tail(hit->second, static_cast<std::size_t>(line.data() + line.size() - hit->second));
    // A number running straight into a word is not a heading's number ("Article 3rd", "5th").
    if (s.keyword && !tail.empty() && std::isalnum(static_cast<unsigned char>(tail.front()))) {
      hit.reset();
      continue;
    }
    auto [rest, separated] = after_separator(tail);
    if (!s.keyword) separated = true;  // the bare number's full stop is its separator
    // "Section 3 of this Act applies ..." is a sentence that cites a section, not a heading.
    if (!separated && !rest.empty() && std::islower(static_cast<unsigned char>(rest.front()))) {
      hit.reset();
      continue;
    }
    HeadingLine out;
    out.kind = s.container ? LineKind::container : LineKind::unit;
    out.element = s.element;
    out.keyword = s.keyword;
    // The number as written runs to where the rest begins: its separator ("Article 2 -",
    // "Artículo 5.-", "3.") stays with it, so no character of the line is lost.
    const char* rest_begin = rest.empty() ? line.data() + line.size() : rest.data();
    std::string_view num(s.num_begin, static_cast<std::size_t>(rest_begin - s.num_begin));
    while (!num.empty() && (num.back() == ' ' || num.back() == '\t')) num.remove_suffix(1);
    out.num = std::string(num);
    if (s.label_begin != nullptr) out.label = lower_ascii(std::string_view(s.label_begin, s.label_end - s.label_begin));
    // An ordinal mark is how the number is written, not part of it: "1°", "3.º", "1er", "1o" are 1, 3, 1, 1.
    for (std::string_view mark : {".\xC2\xBA", ".\xC2\xB0", "\xC2\xBA", "\xC2\xB0", "er", "o"}) {
      if (out.label.size() > mark.size() && out.label.compare(out.label.size() - mark.size(), mark.size(), mark) == 0 &&
          std::isdigit(static_cast<unsigned char>(out.label[out.label.size() - mark.size() - 1]))) {
        out.label.resize(out.label.size() - mark.size());
        break;
      }
    }
    out.rest = std::string(rest);
    return out;
  }
  return std::nullopt;
}

std::optional<Marker> parse_marker(std::string_view text) {
  if (text.empty()) return std::nullopt;
  MarkerState state;
  Iterator first = text.data();
  Iterator last = text.data() + text.size();
  if (!x3::parse(first, last, x3::with<marker_state_tag>(std::ref(state))[marker])) return std::nullopt;
  Marker m;
  m.length = static_cast<std::size_t>(first - text.data());
  m.shape = state.shape;
  std::string_view label(state.label_begin, state.label_end - state.label_begin);
  m.label = std::string(label);
  unsigned char c0 = static_cast<unsigned char>(label.front());
  if (std::isdigit(c0)) {
    m.counter = Counter::arabic;
    bool plain = true;
    int v = 0;
    for (char c : label) {
      if (std::isdigit(static_cast<unsigned char>(c)))
        v = v * 10 + (c - '0');
      else
        plain = false;
    }
    m.value = plain ? v : 0;
    m.label = lower_ascii(label);
  } else if (std::islower(c0)) {
    bool all_roman = label.find_first_not_of("ivxlcdm") == std::string_view::npos;
    int as_alpha = alpha_value(label);
    if (all_roman && (label.size() > 1 || c0 == 'i' || c0 == 'v' || c0 == 'x')) {
      m.counter = Counter::lower_roman;
      m.value = roman_value(label);
      m.alpha_value = as_alpha;
    } else {
      m.counter = Counter::lower_alpha;
      m.value = as_alpha;
    }
  } else {
    bool all_roman = label.find_first_not_of("IVXLCDM") == std::string_view::npos;
    if (all_roman && (label.size() > 1 || c0 == 'I' || c0 == 'V' || c0 == 'X' || m.shape == MarkerShape::roman_dash)) {
      m.counter = Counter::upper_roman;
      m.value = roman_value(label);
      m.alpha_value = alpha_value(lower_ascii(label));
    } else {
      m.counter = Counter::upper_alpha;
      m.value = alpha_value(lower_ascii(label));
    }
    m.label = lower_ascii(label);
  }
  return m;
}

}  // namespace palermo::structure
