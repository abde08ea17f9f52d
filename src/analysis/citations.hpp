// Resolving a citation found in statute text ("subsection (2)", "section 3(1)(a)", "this Part") to
// the provisions of a document it designates, relative to the provision where it stands.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "akn/document.hpp"
#include "grammars/citation/citation.hpp"

namespace palermo::analysis {

// Indexes into document.provisions, in document order; empty when nothing matches.
// Relative citations resolve from `from_provision`: "subsection (2)" is a subsection of the citing
// provision's section, "paragraph (b)" a paragraph of its subsection, "this Part" its Part.
// "section N" is the section numbered N anywhere in the document.
std::vector<std::size_t> resolve(const citation::Citation& citation, const akn::Document& document,
                                 std::size_t from_provision);

// A provision number as compared by the resolver: "3." -> "3", "(1)" -> "1", "Article 225-4-1" ->
// "225-4-1", "II" -> "2" (roman numerals of Parts and Chapters).
std::string normalized_number(std::string_view num);

}  // namespace palermo::analysis
