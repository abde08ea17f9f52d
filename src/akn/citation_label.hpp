// How a lawyer cites a provision ("s 3(1)(a)", "Pt 2", "art 225-4-1 al 2", "Sch 1"), from its num and ancestors.
#pragma once
#include <string>
#include <string_view>

namespace palermo::akn {

// What the label needs to know about the provision's parent (already labelled: the reader works in
// document order, so a parent always has its citation before its children).
struct CitationParent {
  std::string_view element;   // "" at top level
  std::string_view citation;  // the parent's citation ("" when it has none)
};

// The citation of a provision with this element and <num> under that parent. `language` is the
// document's ISO 639-2 code: French-style alinéas ("al 2") are used for "fra".
// Returns "" when nothing citable can be said (no num and no citable parent).
std::string citation_label(std::string_view element, std::string_view num, const CitationParent& parent,
                           std::string_view language);

// The number a lawyer writes, from a <num>: trailing dots and brackets trimmed, label words
// ("Section", "Article", "Artículo") dropped, inner punctuation kept ("Article 225-4-1." -> "225-4-1").
std::string citation_number(std::string_view num);

// "Sch 1" for a schedule-like heading ("Schedule 1", "First Schedule", "Annex II"), else
// "Sch <position>" (1-based) when the heading says nothing usable.
std::string attachment_citation(std::string_view heading, int position);

}  // namespace palermo::akn
