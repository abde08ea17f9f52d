// Checks of an Akoma Ntoso document beyond well-formedness: eIds, nums, internal references, terms,
// and (optionally) the OASIS XML Schema. Returns problems; the command line prints them.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "akn/document.hpp"
#include "util/result.hpp"

namespace palermo::akn {

struct Problem {
  enum class Severity { error, note };
  // "duplicate-eid", "eid-convention", "missing-num", "unresolved-ref", "undefined-term", "schema"
  std::string kind;
  int line = 0;
  std::string message;
  Severity severity = Severity::error;  // notes explain what was not checked; they are not problems
  int column = 0;                       // 1-based, in characters; 0 until locate_columns() (or the schema) sets it
  std::string anchor{};  // text on the line the problem is about (eId="x", href="#x"), for locate_columns

  // "FILE:LINE:COL: kind: message" ("FILE:LINE: ..." without a column, "FILE: ..." without a line).
  std::string format(const std::string& file) const;
};

// Gives each problem with a line its column in `bytes` (the file validated): where its anchor
// stands on that line, else the line's first '<', else 1. The document model keeps only lines.
void locate_columns(std::vector<Problem>& problems, std::string_view bytes);

// Duplicate eIds, eIds that break the naming convention, hierarchical elements without a num where
// their siblings have one, "#x" references to nothing, and <term>s whose refersTo matches no <def>
// or TLC entry. Components of a collection are checked too. In document order within each kind.
std::vector<Problem> validate(const Document& doc);

// Validates the file against an XML Schema (e.g. akomantoso30.xsd) with libxml2; each schema error
// is one Problem of kind "schema". Errors reading the file or the schema are diagnostics.
// Nothing is fetched from the network: the schema and what it imports must be local files.
Result<std::vector<Problem>> validate_against_schema(const std::string& path, const std::string& xsd_path);

// Number of problems that are errors (not notes).
std::size_t count_errors(const std::vector<Problem>& problems);

}  // namespace palermo::akn
