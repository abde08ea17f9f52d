// What the citation grammar builds: a chain of segments joined by "of" ("paragraph (b) of
// subsection (2) of section 3"), innermost first, each with its list or range of label paths.
#pragma once
#include <string>
#include <vector>

#include "grammars/citation/citation.hpp"

namespace palermo::citation::ast {

struct Items {
  // Each item is a label path; an item whose first label is "" continues the first item
  // ("section 32(a), (b)": "(b)" is "" + "b", i.e. 32(b)).
  std::vector<std::vector<std::string>> paths;
  bool range = false;
};

struct Segment {
  Kind kind = Kind::section;
  Items items;
};

using Chain = std::vector<Segment>;

}  // namespace palermo::citation::ast
