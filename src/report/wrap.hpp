// Wrapping plain text to a terminal's width, counting characters (UTF-8 code points), not bytes.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace palermo::report {

// Columns `s` takes on a terminal: one per code point (ANSI escape sequences take none).
std::size_t display_width(std::string_view s);

// `text` broken at spaces into lines of at most `width` columns, the first starting with `first`,
// the others with `rest` (both counted). A word longer than a line is cut on a character boundary.
// Every line ends with '\n'.
std::string wrap_text(std::string_view text, std::size_t width, std::string_view first, std::string_view rest);

// `s` cut to at most `width` columns, ending in "…" when cut.
std::string fit(std::string_view s, std::size_t width);

}  // namespace palermo::report
