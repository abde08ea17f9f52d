// Citation labels: the short forms drafters use when they cite a provision by number.
#include "akn/citation_label.hpp"

#include <array>
#include <cctype>
#include <string>

namespace palermo::akn {

namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Label words that may open a <num> ("Section 3", "Article 30", "Artículo 5", "Chapter IV").
constexpr std::array<std::string_view, 36> kLabelWords{
    "section",  "sec",     "sect",      "s",    "article",  "art",      "artículo",   "articulo", "artigo",
    "articolo", "chapter", "chap",      "ch",   "chapitre", "capítulo", "capitulo",   "part",     "pt",
    "partie",   "parte",   "schedule",  "sch",  "title",    "titre",    "título",     "titulo",   "book",
    "livre",    "libro",   "paragraph", "para", "clause",   "rule",     "regulation", "párrafo",  "parrafo",
};

// Elements that are a citable unit of their own: their children append "(n)".
bool is_unit(std::string_view element) {
  return element == "section" || element == "article" || element == "clause" || element == "rule" ||
         element == "regulation";
}

// Elements that sit below a unit and are cited by appending their number to it.
bool is_sublevel(std::string_view element) {
  constexpr std::array<std::string_view, 14> kSub{"subsection", "paragraph", "subparagraph", "subclause", "subrule",
                                                  "point",      "indent",    "list",         "sublist",   "alinea",
                                                  "proviso",    "level",     "item",         "hcontainer"};
  for (auto s : kSub)
    if (s == element) return true;
  return false;
}

// The prefix for elements cited on their own ("Pt 2", "Ch 4", "art 5").
std::string_view unit_prefix(std::string_view element) {
  if (element == "section") return "s";
  if (element == "article") return "art";
  if (element == "clause") return "cl";
  if (element == "rule") return "r";
  if (element == "regulation") return "reg";
  if (element == "part") return "Pt";
  if (element == "subpart") return "Subpt";
  if (element == "chapter") return "Ch";
  if (element == "subchapter") return "Subch";
  if (element == "title") return "Title";
  if (element == "subtitle") return "Subtitle";
  if (element == "book") return "Book";
  if (element == "tome") return "Tome";
  if (element == "division") return "Div";
  if (element == "subdivision") return "Subdiv";
  if (element == "transitional") return "Transitional";
  if (element == "paragraph") return "para";
  if (element == "subparagraph") return "subpara";
  if (element == "subsection") return "subs";
  if (element == "alinea") return "al";
  if (element == "point") return "pt";
  if (element == "item") return "item";
  return {};
}

}  // namespace

std::string citation_number(std::string_view num) {
  while (!num.empty() && is_space(static_cast<unsigned char>(num.front()))) num.remove_prefix(1);
  while (!num.empty() && is_space(static_cast<unsigned char>(num.back()))) num.remove_suffix(1);
  // Drop a label word ("Article", "Section", "§") when a number follows it.
  if (num.rfind("\u00a7", 0) == 0) num.remove_prefix(2);
  auto space = num.find_first_of(" \t\n\u00a0");
  if (space != std::string_view::npos) {
    std::string word = lower(num.substr(0, space));
    while (!word.empty() && word.back() == '.') word.pop_back();
    for (auto label : kLabelWords) {
      if (word == label) {
        num.remove_prefix(space);
        break;
      }
    }
  }
  while (!num.empty() && (is_space(static_cast<unsigned char>(num.front())) ||
                          static_cast<unsigned char>(num.front()) == 0xC2))  // no-break space lead byte
    num.remove_prefix(1);
  while (!num.empty() && static_cast<unsigned char>(num.front()) == 0xA0) num.remove_prefix(1);
  // Trailing dots, colons, dashes and spaces ("3.", "5 -", "(a):") and brackets around the whole.
  auto trim_tail = [&] {
    while (!num.empty() && (num.back() == '.' || num.back() == ':' || num.back() == '-' || num.back() == ',' ||
                            is_space(static_cast<unsigned char>(num.back()))))
      num.remove_suffix(1);
  };
  trim_tail();
  if (!num.empty() && (num.front() == '(' || num.front() == '[')) num.remove_prefix(1);
  if (!num.empty() && (num.back() == ')' || num.back() == ']')) num.remove_suffix(1);
  trim_tail();
  return std::string(num);
}

std::string citation_label(std::string_view element, std::string_view num, const CitationParent& parent,
                           std::string_view language) {
  std::string number = citation_number(num);
  if (number.empty()) {
    // No number of its own: a container without num (an hcontainer inside a section, a crossHeading)
    // is cited as its parent.
    return std::string(parent.citation);
  }
  // Below a unit (or below something already cited with brackets), append "(n)", or "al n" for
  // French alinéas.
  bool under_unit = !parent.citation.empty() && (is_unit(parent.element) || parent.citation.back() == ')' ||
                                                 (is_sublevel(parent.element) && parent.element != "hcontainer") ||
                                                 parent.citation.find(" al ") != std::string_view::npos);
  if (is_sublevel(element) && under_unit) {
    bool french_alinea = element == "alinea" || (language == "fra" && parent.element == "article" &&
                                                 (element == "paragraph" || element == "alinea"));
    if (french_alinea) return std::string(parent.citation) + " al " + number;
    return std::string(parent.citation) + "(" + number + ")";
  }
  std::string_view prefix = unit_prefix(element);
  std::string own = prefix.empty() ? number : std::string(prefix) + " " + number;
  if (is_unit(element) || element == "part" || element == "chapter" || element == "title" || element == "book" ||
      element == "tome" || element == "division" || parent.citation.empty())
    return own;
  // A numbered sub-level under something that is not a unit (a paragraph of a schedule): qualify it.
  return std::string(parent.citation) + " " + own;
}

std::string attachment_citation(std::string_view heading, int position) {
  std::string h = lower(heading);
  constexpr std::array<std::string_view, 5> kWords{"schedule", "annex", "annexure", "appendix", "anexo"};
  for (auto word : kWords) {
    auto at = h.find(word);
    if (at != 0) continue;
    std::string_view rest = heading.substr(word.size());
    while (!rest.empty() && is_space(static_cast<unsigned char>(rest.front()))) rest.remove_prefix(1);
    std::size_t end = 0;
    while (end < rest.size() && !is_space(static_cast<unsigned char>(rest[end])) && rest[end] != ':' &&
           rest[end] != '(')
      ++end;
    std::string number = citation_number(rest.substr(0, end));
    if (!number.empty()) return "Sch " + number;
  }
  return "Sch " + std::to_string(position);
}

}  // namespace palermo::akn
