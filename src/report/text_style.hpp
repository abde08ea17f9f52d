// ANSI styling for the terminal renderers, switched off entirely when colour is off (no escape bytes).
#pragma once
#include <string>
#include <string_view>

#include "analysis/finding.hpp"
#include "report/summary.hpp"

namespace palermo::report {

struct TextStyle {
  bool colour = false;

  std::string wrap(std::string_view code, std::string_view s) const {
    if (!colour) return std::string(s);
    return "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m";
  }
  std::string bold(std::string_view s) const { return wrap("1", s); }
  std::string dim(std::string_view s) const { return wrap("2", s); }
  static std::string_view status_code(analysis::Status s) {
    switch (s) {
      case analysis::Status::met:
        return "32";
      case analysis::Status::partial:
        return "33";
      case analysis::Status::gap:
        return "31";
      case analysis::Status::conflict:
        return "1;35";
      case analysis::Status::not_applicable:
        return "2";
      case analysis::Status::not_assessed:
        return "2";
      case analysis::Status::not_in_documents:
        return "2";
    }
    return "0";
  }
  std::string status(analysis::Status s, std::string_view text) const { return wrap(status_code(s), text); }
  // Matched words: bold yellow on a terminal, [[...]] in plain text so they survive copy and paste.
  std::string_view mark_open() const { return colour ? "\x1b[1;4m" : "[["; }
  std::string_view mark_close() const { return colour ? "\x1b[0m" : "]]"; }
  std::string rule(const std::string& title) const {
    std::string line = "── " + title + " ";
    int pad = 72 - static_cast<int>(title.size()) - 4;
    for (int i = 0; i < pad; ++i) line += "─";
    return bold(line);
  }
  // A bar of `width` cells split by status: "███████▒▒░░×".
  std::string counts_bar(const StatusCounts& c, int width) const {
    if (c.total == 0) return {};
    auto cells = [&](int n) { return static_cast<int>((n * width + c.total / 2) / c.total); };
    std::string out;
    auto add = [&](analysis::Status s, int n, std::string_view glyph) {
      std::string part;
      for (int i = 0; i < cells(n); ++i) part += glyph;
      out += status(s, part);
    };
    add(analysis::Status::met, c.met, "█");
    add(analysis::Status::partial, c.partial, "▓");
    add(analysis::Status::gap, c.gap, "░");
    add(analysis::Status::conflict, c.conflict, "╳");
    return out;
  }
};

}  // namespace palermo::report
