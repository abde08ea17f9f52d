// Lines -> provisions. Heading lines are read by the structure grammar (grammars/structure); this
// file decides which of them are structure: units must number in sequence, bare "3." numbers count
// only in texts that never write "Article"/"Section", enumeration markers only at a boundary
// (line start, after ":", ";", "-", or "; or") and only when each continues its list or opens one.
#include "import/structure.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "akn/eid.hpp"
#include "grammars/structure/structure.hpp"
#include "text/tokenizer.hpp"

namespace palermo::import {

namespace {

using structure::Counter;
using structure::HeadingLine;
using structure::LineKind;
using structure::MarkerShape;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string trim_copy(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s.front());
  if (c >= 0x80) return true;  // an accented or non-Latin capital: do not guess against it
  return std::isupper(c) != 0;
}

char last_char(std::string_view s) { return s.empty() ? '\0' : s.back(); }

// ---- numbering order ---------------------------------------------------------------------------

// The value of an ordinal word numbering a provision ("Artículo PRIMERO", "Article premier"), in any
// case and with or without its accents (published texts write "SEPTIMO" as often as "séptimo").
int ordinal_word_value(std::string_view w) {
  static const std::pair<std::string_view, int> kWords[] = {
      // folded: lower case, no accents
      {"premier", 1},     {"premiere", 1},  {"primero", 1}, {"primera", 1},   {"primeiro", 1},   {"first", 1},
      {"one", 1},         {"unico", 1},     {"unica", 1},   {"unique", 1},    {"preliminar", 0}, {"preliminaire", 0},
      {"preliminary", 0}, {"segundo", 2},   {"second", 2},  {"deuxieme", 2},  {"two", 2},        {"tercero", 3},
      {"third", 3},       {"troisieme", 3}, {"three", 3},   {"cuarto", 4},    {"fourth", 4},     {"quatrieme", 4},
      {"four", 4},        {"quinto", 5},    {"fifth", 5},   {"cinquieme", 5}, {"five", 5},       {"sexto", 6},
      {"sixth", 6},       {"six", 6},       {"septimo", 7}, {"seven", 7},     {"octavo", 8},     {"eight", 8},
      {"noveno", 9},      {"nine", 9},      {"decimo", 10}, {"ten", 10},      {"eleven", 11},    {"twelve", 12}};
  const std::string folded = text::fold(w);
  for (const auto& [word, value] : kWords)
    if (folded == word) return value;
  return -1;
}

int latin_rank(std::string_view w) {
  static const std::string_view kLatin[] = {"bis",     "ter",    "quater", "quáter", "quinquies", "sexies",
                                            "septies", "octies", "novies", "nonies", "decies"};
  int rank = 2;
  for (auto l : kLatin) {
    if (w == l) return rank;
    if (l != "quater") ++rank;  // quater and quáter are one rank
  }
  return -1;
}

// A label as a sortable key: components split at '.', '-' and spaces. Numbers compare as numbers,
// except after the first when written with a leading zero ("279.01" < "279.011" < "279.02": Canada's
// decimal numbering); letters and Latin suffixes after the number they follow ("5" < "5a" < "5 bis").
struct LabelPart {
  bool number = false;
  long value = 0;
  std::string digits;  // as written, for the decimal-fraction comparison
  int suffix = 0;      // a letter (1 = a) or a Latin suffix (2 = bis, 3 = ter, ...)
};

std::vector<LabelPart> label_key(std::string_view label) {
  std::vector<LabelPart> parts;
  std::size_t i = 0;
  while (i < label.size()) {
    char c = label[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      LabelPart p;
      p.number = true;
      while (i < label.size() && std::isdigit(static_cast<unsigned char>(label[i]))) p.digits += label[i++];
      p.value = p.digits.size() > 9 ? 999999999 : std::stol(p.digits);
      parts.push_back(p);
    } else if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      std::string word;
      while (i < label.size() &&
             (std::isalpha(static_cast<unsigned char>(label[i])) || static_cast<unsigned char>(label[i]) >= 0x80))
        word += label[i++];
      int ordinal = ordinal_word_value(word);
      int latin = latin_rank(word);
      if (parts.empty() && ordinal >= 0) {
        LabelPart p;
        p.number = true;
        p.value = ordinal;
        p.digits = std::to_string(ordinal);
        parts.push_back(p);
      } else if (!parts.empty() && parts.back().suffix == 0) {
        parts.back().suffix = latin >= 0 ? latin + 26 : (word.size() == 1 ? word[0] - 'a' + 1 : 1);
      } else {
        LabelPart p;
        p.suffix = latin >= 0 ? latin + 26 : 1;
        parts.push_back(p);
      }
    } else {
      ++i;
    }
  }
  return parts;
}

int compare_parts(const LabelPart& a, const LabelPart& b, bool first) {
  if (a.number != b.number) return a.number ? 1 : -1;
  if (a.number) {
    bool fraction =
        !first && ((a.digits.size() > 1 && a.digits[0] == '0') || (b.digits.size() > 1 && b.digits[0] == '0'));
    if (fraction) {
      std::string x = a.digits, y = b.digits;
      x.resize(std::max(x.size(), y.size()), '0');
      y.resize(x.size(), '0');
      if (x != y) return x < y ? -1 : 1;
    } else if (a.value != b.value) {
      return a.value < b.value ? -1 : 1;
    }
  }
  if (a.suffix != b.suffix) return a.suffix < b.suffix ? -1 : 1;
  return 0;
}

int compare_labels(std::string_view a, std::string_view b) {
  auto ka = label_key(a), kb = label_key(b);
  for (std::size_t i = 0; i < std::min(ka.size(), kb.size()); ++i)
    if (int c = compare_parts(ka[i], kb[i], i == 0); c != 0) return c;
  if (ka.size() != kb.size()) return ka.size() < kb.size() ? -1 : 1;
  return 0;
}

long leading_number(std::string_view label) {
  auto key = label_key(label);
  return key.empty() || !key[0].number ? -1 : key[0].value;
}

// ---- enumeration markers -----------------------------------------------------------------------

struct Level {
  Counter counter;
  MarkerShape shape;
  int last = 0;
};

struct Mark {
  std::size_t begin = 0, end = 0;  // the marker's bytes
  std::size_t depth = 0;
  std::string label;
  Counter counter = Counter::arabic;
};

bool word_is_conjunction(std::string_view w) {
  for (std::string_view c : {"and", "or", "et", "ou", "y", "o", "e", "und", "oder", "i", "ili", "si"})
    if (w == c) return true;
  return false;
}

// Whether a marker at `i` stands where a list item can begin (not inside a citation such as
// "section 3(1)(a)" or "paragraph (a), (b) or (c)").
bool at_boundary(std::string_view s, std::size_t i, std::size_t last_marker_end) {
  if (i == 0 || s[i - 1] == '\n') return true;
  if (i == last_marker_end) return true;  // "(1)(a)" straight after an accepted marker
  if (!is_space(s[i - 1])) return false;
  std::size_t j = i;
  while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t')) --j;
  if (j == 0 || s[j - 1] == '\n') return true;
  if (j == last_marker_end) return true;
  char c = s[j - 1];
  if (c == ':' || c == ';' || c == '.') return true;
  if (c == '-' && j >= 2 && s[j - 2] == ' ') return true;
  if (j >= 3) {
    std::string_view dash = s.substr(j - 3, 3);
    if (dash == "\xE2\x80\x93" || dash == "\xE2\x80\x94") return true;  // – —
  }
  // "; or (h)", ", and (c)"
  std::size_t w_end = j;
  std::size_t w_begin = w_end;
  while (w_begin > 0 && std::isalpha(static_cast<unsigned char>(s[w_begin - 1]))) --w_begin;
  if (w_begin == w_end) return false;
  std::string word(s.substr(w_begin, w_end - w_begin));
  for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (!word_is_conjunction(word)) return false;
  std::size_t k = w_begin;
  while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t')) --k;
  return k > 0 && (s[k - 1] == ';' || s[k - 1] == ',');
}

// Decides where `m` goes in the open lists, or that it is not structure. Returns the depth.
std::optional<std::size_t> place_marker(std::vector<Level>& stack, const structure::Marker& m) {
  // Continues an open list (the innermost that it continues)?
  for (std::size_t d = stack.size(); d-- > 0;) {
    Level& level = stack[d];
    if (level.shape != m.shape) continue;
    bool continues = false;
    if (level.counter == m.counter && m.value != 0 && m.value == level.last + 1) continues = true;
    // "(i)" after "(h)" is the ninth letter, not a roman one; "(2A)" after "(2)" is inserted.
    if (level.counter == Counter::lower_alpha && m.counter == Counter::lower_roman && m.alpha_value == level.last + 1)
      continues = true;
    if (level.counter == Counter::upper_alpha && m.counter == Counter::upper_roman && m.alpha_value == level.last + 1)
      continues = true;
    if (level.counter == Counter::arabic && m.counter == Counter::arabic && m.value == 0 &&
        leading_number(m.label) == level.last)
      continues = true;
    if (continues) {
      stack.resize(d + 1);
      if (m.value != 0) level.last = (m.counter == level.counter) ? m.value : m.alpha_value;
      return d;
    }
  }
  // Opens a list inside the current item: only with its first value, and not a kind already open.
  if (m.value != 1) return std::nullopt;
  for (const Level& level : stack)
    if (level.counter == m.counter && level.shape == m.shape) return std::nullopt;
  // A lone "(i)" or "(I)" opens a roman list; "(a)" opens a letter list.
  stack.push_back({m.counter, m.shape, 1});
  return stack.size() - 1;
}

std::vector<Mark> find_marks(std::string_view s) {
  std::vector<Mark> marks;
  std::vector<Level> stack;
  std::size_t last_end = static_cast<std::size_t>(-1);
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool candidate = c == '(' || std::isalnum(static_cast<unsigned char>(c));
    if (!candidate) continue;
    if (i > 0 && std::isalnum(static_cast<unsigned char>(s[i - 1]))) continue;
    if (!at_boundary(s, i, last_end)) continue;
    auto m = structure::parse_marker(s.substr(i));
    if (!m) continue;
    bool line_start = i == 0 || s[i - 1] == '\n';
    if ((m->shape == MarkerShape::dotted || m->shape == MarkerShape::roman_dash) && !line_start) continue;
    std::size_t end = i + m->length;
    // A marker is followed by its text: a space, a line break, another marker, or the end.
    if (end < s.size() && !is_space(s[end]) && s[end] != '(' && static_cast<unsigned char>(s[end]) != 0xC2) continue;
    auto depth = place_marker(stack, *m);
    if (!depth) continue;
    Mark mark;
    mark.begin = i;
    mark.end = end;
    mark.depth = *depth;
    mark.label = m->label;
    mark.counter = m->counter;
    marks.push_back(mark);
    last_end = end;
    i = end - 1;
  }
  return marks;
}

std::vector<std::string> paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line = trim_copy(text.substr(start, nl - start));
    if (!line.empty()) out.push_back(std::move(line));
    start = nl + 1;
  }
  return out;
}

std::string element_for_depth(const std::string& unit_element, std::size_t depth, Counter first_counter) {
  if (unit_element == "article") return depth == 0 ? "paragraph" : "point";
  static const char* kSection[] = {"subsection", "paragraph", "subparagraph", "item"};
  std::size_t index = depth + (first_counter == Counter::arabic ? 0 : 1);
  return kSection[std::min<std::size_t>(index, 3)];
}

std::vector<Node> build_items(std::string_view s, const std::vector<Mark>& marks, std::size_t& k, std::size_t depth,
                              const std::string& unit_element, Counter first_counter,
                              std::map<std::string, int>& counts) {
  std::vector<Node> out;
  while (k < marks.size() && marks[k].depth == depth) {
    const Mark& m = marks[k];
    Node n;
    n.element = element_for_depth(unit_element, depth, first_counter);
    n.num = std::string(s.substr(m.begin, m.end - m.begin));
    n.label = m.label;
    std::size_t text_end = k + 1 < marks.size() ? marks[k + 1].begin : s.size();
    n.intro = paragraphs(s.substr(m.end, text_end - m.end));
    ++counts[n.element];
    ++k;
    if (k < marks.size() && marks[k].depth > depth)
      n.children = build_items(s, marks, k, depth + 1, unit_element, first_counter, counts);
    out.push_back(std::move(n));
  }
  return out;
}

// Splits a unit's text into its enumerated subdivisions.
void split_enumeration(const std::string& body, Node& unit, std::map<std::string, int>& counts) {
  std::vector<Mark> marks = find_marks(body);
  // A single "(1)" with no "(2)" is a number in passing, not a list.
  if (marks.size() == 1) marks.clear();
  std::size_t intro_end = marks.empty() ? body.size() : marks.front().begin;
  for (auto& p : paragraphs(std::string_view(body).substr(0, intro_end))) unit.intro.push_back(std::move(p));
  if (marks.empty()) return;
  std::size_t k = 0;
  // Marks before the first top-level one cannot exist: depth 0 is the first list opened.
  unit.children = build_items(body, marks, k, 0, unit.element, marks.front().counter, counts);
  // Anything not placed (cannot happen with depths from place_marker) stays text of the unit.
  for (; k < marks.size(); ++k) unit.intro.push_back(body.substr(marks[k].begin));
}

// ---- lines to provisions -----------------------------------------------------------------------

struct Line {
  std::string text;  // trimmed
  int number = 0;
  std::optional<HeadingLine> heading;
};

struct Item {  // a heading line taken as structure, with the lines that follow it
  HeadingLine head;
  int line = 0;
  int rank = 0;  // containers: 1 = outermost kind seen; units: kUnitRank
  std::string heading;
  bool heading_above = false;
  std::vector<std::string> body;
};
constexpr int kUnitRank = 1000;

// An amending act's articles that insert articles into a code ("Artículo 3.- Incorporación ...",
// "Artículo 129-A.- Trata de personas", then "Artículo 4.- ...") go back to their own numbering:
// a plain number one past a number already taken resumes the sequence.
bool resumes_sequence(const std::string& label, const std::set<long>& taken) {
  auto key = label_key(label);
  if (key.size() != 1 || !key[0].number || key[0].suffix != 0) return false;
  long n = key[0].value;
  return taken.count(n - 1) > 0 && taken.count(n) == 0;
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  for (auto p : prefixes)
    if (s.substr(0, p.size()) == p) return true;
  return false;
}

// Quotation marks around inserted text: a line opening with one and not closing it. Curly quotes
// and guillemets must be left open by the line: '«term» means ...' opens nothing.
int quote_balance(std::string_view s) {
  int balance = 0, low_opened = 0;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    std::string_view two = s.substr(i, 2), three = s.substr(i, std::min<std::size_t>(3, s.size() - i));
    if (three == "\xE2\x80\x9E") {  // „ opens; in German, Georgian and Baltic use “ closes it
      ++balance;
      ++low_opened;
    } else if (three == "\xE2\x80\x9C") {
      if (low_opened > 0) {
        --low_opened;
        --balance;
      } else {
        ++balance;
      }
    } else if (two == "\xC2\xAB") {
      ++balance;  // «
    } else if (three == "\xE2\x80\x9D" || two == "\xC2\xBB") {
      --balance;  // ” »
    }
  }
  return balance;
}
bool ends_with_closing_quote(std::string_view s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ';' || s.back() == ',' || s.back() == '-' || s.back() == ' '))
    s.remove_suffix(1);
  if (s.empty()) return false;
  return s.back() == '"' || (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x9D") ||
         (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xBB");
}
bool opens_quotation(std::string_view s) {
  if (ends_with_closing_quote(s)) return false;
  if (s.substr(0, 1) == "\"") return true;
  return starts_with_any(s, {"\xE2\x80\x9C", "\xC2\xAB", "\xE2\x80\x9E"}) && quote_balance(s) > 0;
}
bool closes_quotation(std::string_view s) { return ends_with_closing_quote(s) || quote_balance(s) < 0; }

bool ends_like_sentence_part(std::string_view s) {
  char c = last_char(s);
  return c == ';' || c == ':' || c == ',' || c == '-';
}

bool starts_with_marker(std::string_view s) { return structure::parse_marker(s).has_value(); }

std::vector<Node> assemble(std::vector<Item>& items, std::size_t& i, int parent_rank, const std::string& parent_eid,
                           std::map<std::string, int>& counts) {
  std::vector<Node> out;
  while (i < items.size() && items[i].rank > parent_rank) {
    Item& item = items[i++];
    Node n;
    n.line = item.line;
    n.num = item.head.num;
    n.label = item.head.label;
    n.heading = item.heading;
    n.heading_above = item.heading_above;
    if (item.head.element == "schedule") {
      n.element = "hcontainer";
      n.name = "schedule";
    } else {
      n.element = item.head.element;
    }
    ++counts[n.element == "hcontainer" ? "schedule" : n.element];
    std::string joined;
    for (const auto& l : item.body) {
      if (!joined.empty()) joined += '\n';
      joined += l;
    }
    if (item.rank == kUnitRank) {
      split_enumeration(joined, n, counts);
    } else {
      n.intro = paragraphs(joined);
      if (n.name != "schedule") n.children = assemble(items, i, item.rank, parent_eid, counts);
    }
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace

Structure recognise_structure(const std::string& text, const std::string& language, const std::string& file) {
  Structure out;
  std::vector<Line> lines;
  {
    std::size_t start = 0;
    int number = 1;
    while (start <= text.size()) {
      std::size_t nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      Line l;
      l.text = trim_copy(std::string_view(text).substr(start, nl - start));
      l.number = number++;
      if (!l.text.empty()) {
        l.heading = structure::parse_heading_line(l.text);
        lines.push_back(std::move(l));
      }
      if (nl == text.size()) break;
      start = nl + 1;
    }
  }
  bool civil_law_language = language == "fra" || language == "spa" || language == "por" || language == "ita";
  bool keyword_units = false;
  for (auto& l : lines) {
    if (!l.heading) continue;
    // "Section 2" groups articles in French, Spanish and Portuguese codes; in English it is the unit.
    if (l.heading->element == "section" && l.heading->keyword && civil_law_language &&
        l.heading->num.find("\xC2\xA7") == std::string::npos) {
      l.heading->kind = LineKind::container;
      l.heading->element = "division";
    }
    if (l.heading->kind == LineKind::unit && l.heading->keyword) keyword_units = true;
  }

  auto warn = [&](int line, std::string message, std::string hint = {}) {
    Diagnostic d;
    d.severity = Diagnostic::Severity::warning;
    d.file = file;
    d.line = line;
    d.message = std::move(message);
    d.hint = std::move(hint);
    out.warnings.push_back(std::move(d));
  };

  std::vector<Item> items;
  std::vector<std::string> container_order;  // container kinds, outermost first (as first seen)
  std::optional<std::string> previous_unit;  // the last unit's label
  std::set<long> numbers_taken;              // leading numbers of the plain-numbered units taken
  bool in_schedule = false;
  bool in_quotation = false;  // inside text an amending provision inserts ("Artículo 411 bis.- ..." in quotes)
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    bool taken = false;
    bool quoted_line = in_quotation || opens_quotation(l.text);
    in_quotation = quoted_line && !closes_quotation(l.text);
    if (l.heading && quoted_line) {
      // A heading inside quotation marks belongs to the instrument being amended: text here.
    } else if (l.heading) {
      HeadingLine& h = *l.heading;
      if (h.element == "schedule") {
        taken = true;
        in_schedule = true;
      } else if (in_schedule) {
        taken = false;  // a schedule's numbered lines are its text (forms, a treaty's articles)
      } else if (h.kind == LineKind::container) {
        taken = true;
      } else if (!h.keyword && keyword_units) {
        taken = false;  // "1." in a text that writes "Article 1" is an item of a list
      } else if (!previous_unit || compare_labels(h.label, *previous_unit) > 0 ||
                 resumes_sequence(h.label, numbers_taken)) {
        taken = true;
        if (label_key(h.label).size() == 1 && label_key(h.label)[0].suffix == 0)
          numbers_taken.insert(leading_number(h.label));
        if (previous_unit) {
          long before = leading_number(*previous_unit), now = leading_number(h.label);
          if (before >= 0 && now > before + 1 && label_key(h.label).size() == 1)
            warn(l.number, fmt::format("numbering gap: {} follows {}", h.num, *previous_unit),
                 "expected in an extract; otherwise check that no provision was lost in extraction");
        }
        previous_unit = h.label;
      } else {
        if (compare_labels(h.label, *previous_unit) == 0)
          warn(l.number, fmt::format("'{}' repeats the number of the provision before it: kept as its text", h.num),
               "a number written twice (above and in the text) is common in extracted law; otherwise check the source");
        else
          warn(l.number,
               fmt::format("'{}' does not follow {} in sequence: kept as text of the provision before it", h.num,
                           *previous_unit),
               "if it is a provision, check the numbering of the source");
      }
    }
    if (!taken) {
      if (items.empty())
        out.preface.push_back(l.text);
      else
        items.back().body.push_back(l.text);
      continue;
    }
    HeadingLine& h = *l.heading;
    Item item;
    item.head = h;
    item.line = l.number;
    if (h.kind == LineKind::unit) {
      item.rank = kUnitRank;
    } else if (h.element == "schedule") {
      item.rank = 0;
    } else {
      auto it = std::find(container_order.begin(), container_order.end(), h.element);
      if (it == container_order.end()) {
        container_order.push_back(h.element);
        it = container_order.end() - 1;
      }
      item.rank = 1 + static_cast<int>(it - container_order.begin());
    }
    bool next_is_body = i + 1 < lines.size() && !lines[i + 1].heading && !starts_with_marker(lines[i + 1].text);
    if (h.kind == LineKind::container || h.element == "schedule") {
      if (!h.rest.empty()) {
        item.heading = h.rest;
      } else if (next_is_body && lines[i + 1].text.size() <= 150 && !ends_like_sentence_part(lines[i + 1].text) &&
                 last_char(lines[i + 1].text) != '.') {
        item.heading = lines[++i].text;  // "CHAPTER II" then "PROTECTION OF VICTIMS"
      }
    } else if (!h.rest.empty()) {
      bool heading_like = h.rest.size() <= 160 && !ends_like_sentence_part(h.rest) && !starts_with_marker(h.rest) &&
                          (!h.keyword || h.element == "section" || last_char(h.rest) != '.');
      bool has_body = i + 1 < lines.size() && !lines[i + 1].heading;
      if (heading_like && has_body)
        item.heading = h.rest;
      else
        item.body.push_back(h.rest);
    }
    // A heading written above the number ("Slavery and servitude" / "1 (1) A person ..."): a short
    // capitalised line with no closing punctuation, ending the text of the provision before.
    // The line before it must end a sentence: otherwise the short line is the tail of a paragraph
    // wrapped at a fixed width ("... obscenas" / "ARTÍCULO 24."), not a heading.
    if (h.kind == LineKind::unit && item.heading.empty() && !items.empty() && items.back().body.size() >= 2) {
      const std::string& above = items.back().body.back();
      char before = last_char(items.back().body[items.back().body.size() - 2]);
      bool standalone = before == '.' || before == ';' || before == ':' || before == '"' || before == ')';
      if (standalone && above.size() <= 100 && starts_upper(above) && !ends_like_sentence_part(above) &&
          last_char(above) != '.' && !starts_with_marker(above)) {
        item.heading = above;
        item.heading_above = true;
        items.back().body.pop_back();
      }
    }
    items.push_back(std::move(item));
  }
  std::size_t i = 0;
  out.body = assemble(items, i, -1, "", out.counts);
  if (out.body.empty())
    warn(0, "no numbered parts, chapters, sections or articles were recognised: the text is kept as one block",
         "check the input's numbering, or import it with --type doc");
  return out;
}

std::string node_text(const Node& node) {
  std::string out;
  auto add = [&](const std::string& s) {
    if (s.empty()) return;
    if (!out.empty()) out += ' ';
    out += s;
  };
  if (node.heading_above) add(node.heading);
  add(node.num);
  if (!node.heading_above) add(node.heading);
  for (const auto& p : node.intro) add(p);
  for (const auto& c : node.children) add(node_text(c));
  return out;
}

}  // namespace palermo::import
