// How statutes number their structure when they are plain text (as typed, scraped or extracted from
// Word and PDF): heading lines ("CHAPTER II", "Article premier", "Artículo 5.-", "ARTIGO 3.º",
// "§ 1591", "3. Prohibition of trafficking") and enumeration markers ("(1)", "(a)", "a)", "1°",
// "(iv)", "I. -"). The Spirit X3 grammar behind it is instantiated once, in structure.cpp.
// Deciding which lines and markers really are structure (numbering in sequence, markers at a
// boundary) is the importer's job (src/import/structure.hpp); this only reads their shape.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace palermo::structure {

// What a heading line opens.
enum class LineKind {
  container,  // part, book, title, chapter, division ... (groups units)
  unit,       // article or section: the unit a lawyer cites
};

struct HeadingLine {
  LineKind kind = LineKind::unit;
  std::string element;   // AKN element: "part", "book", "title", "chapter", "division", "article", "section"
  bool keyword = false;  // written with a label word ("Article 3"); false for a bare "3." section number
  std::string num;       // as written, label word included: "Article 225-4-1", "CHAPTER II", "3."
  std::string label;     // the number alone, lower case, for sequence checks: "225-4-1", "ii", "3", "premier"
  std::string rest;      // what follows the number and its separator on the same line (heading or text)
};

// The line as a heading line, or nothing. Leading "== " / "# " decorations (Markdown, wiki) are
// skipped; `line` has no line break.
std::optional<HeadingLine> parse_heading_line(std::string_view line);

// The style of an enumeration marker: what kind of counter, and how it is written.
enum class Counter { arabic, lower_alpha, upper_alpha, lower_roman, upper_roman };
enum class MarkerShape {
  parenthesised,  // "(1)", "(a)", "(iv)"
  closing,        // "1)", "a)"
  degree,         // "1°", "2º", "3o)" (French and Latin American codes)
  dotted,         // "1.", "a." (only at the start of a line)
  roman_dash,     // "I. -", "II.-" (French articles' parts)
};

struct Marker {
  std::size_t length = 0;  // bytes of the marker itself, from the position parsed
  Counter counter = Counter::arabic;
  MarkerShape shape = MarkerShape::parenthesised;
  std::string label;  // "1", "a", "iv", "2a" (a number with a letter: "(2A)")
  int value = 0;      // the counter's value: 1 for "1", "a", "i", "I"; 0 when not countable ("2A")
  // For a single letter that is also a roman numeral ("i", "v", "x", "c", "d", "l", "m"): its value
  // as a letter (9 for "i"), so the importer can tell "(i)" after "(h)" from "(i)" opening a sub-list.
  int alpha_value = 0;
};

// The marker at the very start of `text`, or nothing.
std::optional<Marker> parse_marker(std::string_view text);

}  // namespace palermo::structure
