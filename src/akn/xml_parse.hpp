// Internal to src/akn: the one safe way palermo turns bytes into a libxml2 tree (no network, no
// DTD loading, no entity expansion, bounded depth), with errors as Diagnostics.
#pragma once
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace palermo::akn::detail {

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses `bytes` (named `name` in diagnostics). Refuses empty input, DOCTYPEs declaring entities,
// malformed XML, invalid encodings and nesting deeper than kMaxElementDepth.
Result<XmlDocPtr> parse_xml_safely(std::string_view bytes, const std::string& name);

// The text of line `line` (1-based) of `bytes`, cut to a readable length, for Diagnostic::excerpt.
std::string source_line(std::string_view bytes, int line);

// The 1-based column (in characters) of the start tag of `element` (its local name, with any
// prefix) on line `line` of `bytes`; else of the line's first '<'; else 1. libxml2 keeps only lines
// for elements: this gives refusals about an element their FILE:LINE:COL.
int tag_column(std::string_view bytes, int line, std::string_view element);

// An error at an element: FILE:LINE:COL with the line as excerpt.
Diagnostic error_at_element(std::string_view bytes, const std::string& name, int line, std::string_view element,
                            std::string message, std::string hint);

}  // namespace palermo::akn::detail
