// Escaping for Markdown output (statute text is untrusted: it must not become markup or raw HTML).
#pragma once
#include <string>
#include <string_view>

namespace palermo::report {

// Backslash-escapes Markdown punctuation and '<' '>' '&' (as entities) so a passage renders as written.
std::string md_escape(std::string_view s);
// md_escape plus '|' and line breaks, for a table cell.
std::string md_cell(std::string_view s);
// A code span (`...`) for ids, eIds, paths and hashes: shown exactly as written.
std::string md_code(std::string_view s);

}  // namespace palermo::report
