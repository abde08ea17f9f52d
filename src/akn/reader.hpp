// Reading Akoma Ntoso XML (any dialect from pre-1.0 to 3.0) safely into a plain Document.
#pragma once
#include <string>
#include <string_view>

#include "akn/document.hpp"
#include "util/result.hpp"

namespace palermo::akn {

// Limits that keep hostile input from costing more than a real statute would.
inline constexpr int kMaxElementDepth = 256;

// Reads and parses a file. Errors name the file, line and column, and say what to do.
Result<Document> read_document(const std::string& path);

// Parses bytes already in memory; `name` is used in diagnostics and as Document::path.
// Never loads anything from the network or the file system (no DTDs, no external entities), never
// expands entities, and refuses documents that declare any.
Result<Document> read_document_from_memory(std::string_view bytes, const std::string& name);

// True for the 27 elements of the schema's ANhier group (section, article, paragraph, ...);
// false for hcontainer, crossHeading and everything else.
bool is_hierarchical_element(std::string_view element);

}  // namespace palermo::akn
