// Cross-references written in statute text ("section 3(1)(a)", "paragraph (b) of subsection (2)",
// "articles 225-4-1 à 225-4-9", "los artículos 3 a 5", "this Act") as structured references.
// The Spirit X3 grammar behind it is instantiated once, in grammars/citation/citation.cpp.
// Resolving a citation to provisions of a document is the analysis' job (src/analysis/citations.hpp).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace palermo::citation {

// What the outermost unit of the citation is.
enum class Kind {
  section,
  subsection,
  paragraph,
  subparagraph,
  article,
  part,
  chapter,
  schedule,
  this_act,
  this_part,
  this_chapter,
  this_section,
  this_subsection,
  this_article,
};
std::string_view to_string(Kind k);

// One cited provision as a path of labels from the citation's outermost unit down:
// "section 3(1)(a)" -> {"3", "1", "a"}; "paragraph (b) of subsection (2)" -> {"2", "b"}.
// Labels are as written without brackets, lower-cased ("225-4-1", "ii", "3a").
struct Ref {
  std::vector<std::string> labels;
  bool operator==(const Ref&) const = default;
};

struct Citation {
  std::size_t begin = 0, end = 0;  // byte range in the text searched
  Kind kind = Kind::section;
  std::vector<Ref> refs;  // empty for "this Act", "this Part"
  bool range = false;     // refs[0] to refs[1] inclusive ("sections 3 to 5")
  std::string text;       // the words of the citation
};

// Every citation in `text`, in order, non-overlapping.
std::vector<Citation> find_citations(std::string_view text);

// Another law named by its title in running text: "the Prevention of Organised Crime Act, 2004",
// "the Immoral Traffic (Prevention) Act, 1956", "the Criminal Procedure Code". English titles
// (capitalised words ending in Act, Code, Ordinance, Decree or Proclamation, with the year if given).
struct NamedLaw {
  std::size_t begin = 0, end = 0;  // byte range in the text searched
  std::string title;               // "Prevention of Organised Crime Act, 2004" (a leading "the" dropped)
};
std::vector<NamedLaw> find_named_laws(std::string_view text);

}  // namespace palermo::citation
