// PDF -> paragraphs, with poppler's C++ library. Words come with their boxes; palermo puts them
// in reading order itself: lines from words at one height, two columns read left then right
// (found from a vertical gutter no word crosses), running headers, footers and page numbers
// dropped (a line at the top or bottom of most pages), a hyphen at a line's end joined to the
// next line's word, and lines joined into paragraphs unless a line ends short of the column.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "import/extractors.hpp"

namespace palermo::import {

namespace {

struct Word {
  std::string text;
  double x0, y0, x1, y1;
  bool space_after;
};

struct PdfLine {
  std::string text;
  double x0, x1, y, height;
};

void quiet(const std::string&, void*) {}  // poppler's own messages would interleave with palermo's

std::string utf8(const poppler::ustring& s) {
  auto bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// Words at about the same height, left to right, as lines.
std::vector<PdfLine> make_lines(std::vector<Word> words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    double ya = (a.y0 + a.y1) / 2, yb = (b.y0 + b.y1) / 2;
    if (std::fabs(ya - yb) > 0.5 * std::max(a.y1 - a.y0, b.y1 - b.y0)) return ya < yb;
    return a.x0 < b.x0;
  });
  std::vector<PdfLine> lines;
  double current_y = -1e9, current_h = 0;
  for (const Word& w : words) {
    double y = (w.y0 + w.y1) / 2, h = std::max(1.0, w.y1 - w.y0);
    if (lines.empty() || std::fabs(y - current_y) > 0.5 * std::max(h, current_h)) {
      lines.push_back({w.text, w.x0, w.x1, y, h});
      current_y = y;
      current_h = h;
    } else {
      PdfLine& l = lines.back();
      if (!l.text.empty() && l.text.back() != ' ') l.text += ' ';
      l.text += w.text;
      l.x1 = std::max(l.x1, w.x1);
      l.x0 = std::min(l.x0, w.x0);
    }
  }
  return lines;
}

// The x of a vertical gutter between two columns, if the page has one: a band in the middle of
// the page that (nearly) no line crosses, with words on both sides. Lines, not words, are counted:
// a single column of justified text has places no word crosses on many lines, but never on nearly
// all of them; two columns are crossed only by the few lines set across both (titles).
std::optional<double> find_gutter(const std::vector<Word>& words, double page_width) {
  if (words.size() < 20 || page_width <= 0) return std::nullopt;
  // Each word's line: words whose middles lie within half a height of the line's first word.
  std::vector<std::size_t> order(words.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto mid = [&](std::size_t i) { return (words[i].y0 + words[i].y1) / 2; };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return mid(a) < mid(b); });
  std::vector<std::size_t> line_of(words.size());
  std::size_t lines = 0;
  double line_y = -1e12, line_h = 0;
  for (std::size_t i : order) {
    double h = std::max(1.0, words[i].y1 - words[i].y0);
    if (lines == 0 || mid(i) - line_y > 0.5 * std::max(h, line_h)) {
      ++lines;
      line_y = mid(i);
      line_h = h;
    }
    line_of[i] = lines - 1;
  }
  double best = -1;
  std::size_t best_crossings = lines + 1;
  std::vector<char> crossed(lines);
  for (double x = page_width * 0.3; x <= page_width * 0.7; x += 2) {
    std::size_t crossings = 0, left = 0, right = 0;
    std::fill(crossed.begin(), crossed.end(), 0);
    for (std::size_t i = 0; i < words.size(); ++i) {
      const Word& w = words[i];
      if (w.x0 < x && w.x1 > x) {
        if (!crossed[line_of[i]]) ++crossings;
        crossed[line_of[i]] = 1;
      } else if (w.x1 <= x) {
        ++left;
      } else {
        ++right;
      }
    }
    if (left * 4 < words.size() || right * 4 < words.size()) continue;
    if (crossings < best_crossings) {
      best_crossings = crossings;
      best = x;
    }
  }
  if (best < 0 || best_crossings * 10 > lines) return std::nullopt;
  return best;
}

// A page's lines in reading order.
std::vector<PdfLine> page_lines(const std::vector<Word>& words, double page_width) {
  auto gutter = find_gutter(words, page_width);
  if (!gutter) return make_lines(words);
  // Lines crossing the gutter (titles across both columns) divide the page into bands; in each
  // band, the left column is read before the right.
  std::vector<PdfLine> all = make_lines(words);
  std::vector<PdfLine> spanning;
  for (const PdfLine& l : all)
    if (l.x0 < *gutter && l.x1 > *gutter) {
      // A line is across the gutter only if one of its words crosses it.
      bool crosses = false;
      for (const Word& w : words)
        if (std::fabs((w.y0 + w.y1) / 2 - l.y) < 0.5 * l.height && w.x0 < *gutter && w.x1 > *gutter) crosses = true;
      if (crosses) spanning.push_back(l);
    }
  std::vector<PdfLine> out;
  std::size_t s = 0;
  double band_top = -1e9;
  auto flush_band = [&](double band_bottom) {
    std::vector<Word> left, right;
    for (const Word& w : words) {
      double y = (w.y0 + w.y1) / 2;
      if (y <= band_top || y >= band_bottom) continue;
      bool in_spanning = false;
      for (const PdfLine& sp : spanning)
        if (std::fabs(y - sp.y) < 0.5 * sp.height) in_spanning = true;
      if (in_spanning) continue;
      (w.x1 <= *gutter ? left : right).push_back(w);
    }
    for (auto& l : make_lines(left)) out.push_back(l);
    for (auto& l : make_lines(right)) out.push_back(l);
  };
  for (; s < spanning.size(); ++s) {
    flush_band(spanning[s].y - 0.5 * spanning[s].height);
    out.push_back(spanning[s]);
    band_top = spanning[s].y + 0.5 * spanning[s].height;
  }
  flush_band(1e12);
  return out;
}

// A line with each run of digits as one '#': "Gazette No 9" and "Gazette No 10" are the same head.
std::string digits_as_hash(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c)))
      out += c;
    else if (out.empty() || out.back() != '#')
      out += '#';
  }
  return out;
}

bool is_page_number(std::string_view s) {
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t i = 0;
  auto skip = [&](auto pred) {
    while (i < lower.size() && pred(lower[i])) ++i;
  };
  skip(
      [](char c) { return c == ' ' || c == '-' || c == '[' || c == '(' || c == '\xE2' || c == '\x80' || c == '\x94'; });
  for (std::string_view word : {"page ", "página ", "pagina ", "p. ", "pág. "})
    if (lower.compare(i, word.size(), word) == 0) i += word.size();
  std::size_t digits_begin = i;
  skip([](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
  if (i == digits_begin) return false;
  skip([](char c) { return c == ' '; });
  for (std::string_view word : {"of ", "de ", "/ ", "/", "sur "})
    if (lower.compare(i, word.size(), word) == 0) {
      i += word.size();
      skip([](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == ' '; });
    }
  skip(
      [](char c) { return c == ' ' || c == '-' || c == ']' || c == ')' || c == '\xE2' || c == '\x80' || c == '\x94'; });
  return i == lower.size();
}

bool ends_with_hyphen_in_word(const std::string& s) {
  return s.size() >= 2 && s.back() == '-' && std::isalpha(static_cast<unsigned char>(s[s.size() - 2]));
}

bool starts_lower(const std::string& s) { return !s.empty() && std::islower(static_cast<unsigned char>(s.front())); }

}  // namespace

Result<Extracted> extract_pdf(std::string_view bytes, const std::string& file) {
  poppler::set_debug_error_function(quiet, nullptr);
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
    return import_error(file, "the PDF is too large to read", "split it, or import the statute's pages alone");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  // A PDF that needs a password to open. (One with only an owner password, restricting editing or
  // printing, opens without one and is read.)
  const char* const encrypted_hint =
      "open it with its password and export an unprotected copy (print it to PDF, or qpdf --decrypt "
      "--password=PASSWORD IN.pdf OUT.pdf), then give palermo that copy";
  if (!doc) {
    // poppler refuses some security handlers outright; the trailer still says the file is encrypted.
    if (bytes.find("/Encrypt") != std::string_view::npos)
      return import_error(file, "this PDF is encrypted and cannot be read without its password", encrypted_hint);
    return import_error(file, "this PDF cannot be read (damaged, truncated or not a PDF)",
                        "download or export it again; if it opens elsewhere, print it to a new PDF");
  }
  if (doc->is_locked())
    return import_error(file, "this PDF is encrypted and cannot be read without its password", encrypted_hint);
  int pages = doc->pages();
  std::vector<std::vector<Word>> page_words;
  std::vector<double> page_widths;
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (!page) continue;
    std::vector<Word> words;
    for (const poppler::text_box& box : page->text_list()) {
      auto r = box.bbox();
      words.push_back({utf8(box.text()), r.left(), r.top(), r.right(), r.bottom(), box.has_space_after()});
    }
    page_words.push_back(std::move(words));
    page_widths.push_back(page->page_rect().width());
  }
  // Running headers and footers: the top or bottom line of most pages (numbers aside), and page
  // numbers. Found on whole-width lines, before columns are told apart.
  std::map<std::string, int> tops, bottoms;
  std::vector<std::vector<PdfLine>> whole_lines;
  for (const auto& words : page_words) {
    whole_lines.push_back(make_lines(words));
    if (whole_lines.back().empty()) continue;
    ++tops[digits_as_hash(whole_lines.back().front().text)];
    ++bottoms[digits_as_hash(whole_lines.back().back().text)];
  }
  std::size_t dropped = 0;
  int counted_pages = static_cast<int>(page_words.size());
  auto running = [&](const std::map<std::string, int>& seen, const std::string& text) {
    auto it = seen.find(digits_as_hash(text));
    return counted_pages >= 3 && it != seen.end() && it->second * 2 > counted_pages;
  };
  std::vector<std::vector<PdfLine>> page_text;
  for (std::size_t p = 0; p < page_words.size(); ++p) {
    const auto& lines = whole_lines[p];
    std::vector<const PdfLine*> drop;
    if (!lines.empty() && (is_page_number(lines.front().text) || running(tops, lines.front().text)))
      drop.push_back(&lines.front());
    if (lines.size() > 1 && (is_page_number(lines.back().text) || running(bottoms, lines.back().text)))
      drop.push_back(&lines.back());
    dropped += drop.size();
    std::vector<Word> kept;
    for (const Word& w : page_words[p]) {
      double y = (w.y0 + w.y1) / 2;
      bool in_dropped = false;
      for (const PdfLine* d : drop)
        if (std::fabs(y - d->y) < 0.5 * d->height && w.x0 >= d->x0 - 0.5 && w.x1 <= d->x1 + 0.5) in_dropped = true;
      if (!in_dropped) kept.push_back(w);
    }
    page_text.push_back(page_lines(kept, page_widths[p]));
  }
  std::vector<std::string> paragraphs;
  std::string current;
  double previous_right = 0, previous_left = 0, column_right = 0;
  for (auto& lines : page_text) {
    // Where a full line of this line's column ends: most lines starting near it reach that far.
    auto right_edge = [&](const PdfLine& line) {
      std::vector<double> ends;
      for (const PdfLine& m : lines)
        if (m.x0 >= line.x0 - 20 && m.x0 <= line.x0 + 60) ends.push_back(m.x1);
      std::sort(ends.begin(), ends.end());
      return ends.empty() ? line.x1
                          : ends[ends.size() * 8 / 10 == ends.size() ? ends.size() - 1 : ends.size() * 8 / 10];
    };
    for (const PdfLine& l : lines) {
      if (current.empty()) {
        current = l.text;
      } else if (ends_with_hyphen_in_word(current) && starts_lower(l.text)) {
        current.pop_back();  // "traf-" + "ficking"
        current += l.text;
      } else if (previous_right >= column_right - 0.1 * (column_right - previous_left)) {
        current += ' ';
        current += l.text;  // the line ran to the margin: the paragraph goes on
      } else {
        paragraphs.push_back(std::move(current));
        current = l.text;
      }
      previous_right = l.x1;
      previous_left = l.x0;
      column_right = right_edge(l);
    }
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  Extracted out;
  out.text = join_paragraphs(paragraphs);
  if (out.text.empty())
    return import_error(file, "the PDF has no text layer (a scan?)",
                        "run OCR on it first (e.g. ocrmypdf), then import the result");
  if (dropped > 0) {
    Diagnostic note;
    note.severity = Diagnostic::Severity::note;
    note.file = file;
    note.message = fmt::format("{} running header, footer or page-number lines left out", dropped);
    out.warnings.push_back(std::move(note));
  }
  return out;
}

}  // namespace palermo::import
