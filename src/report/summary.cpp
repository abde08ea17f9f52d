// Shared wording and arithmetic of the reports: layers, counts, headlines, highlights, chains, anchors.
#include "report/summary.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace palermo::report {

using analysis::Status;

Layer layer_of(model::ObligationClass klass) {
  switch (klass) {
    case model::ObligationClass::mandatory:
      return Layer::mandatory;
    case model::ObligationClass::good_practice:
      return Layer::good_practice;
    default:
      return Layer::optional;
  }
}

std::string_view to_string(Layer layer) {
  switch (layer) {
    case Layer::mandatory:
      return "mandatory";
    case Layer::optional:
      return "optional";
    case Layer::good_practice:
      return "good-practice";
  }
  return "?";
}

std::string_view layer_heading(Layer layer) {
  switch (layer) {
    case Layer::mandatory:
      return "Mandatory obligations";
    case Layer::optional:
      return "Optional obligations (qualified, endeavour, consider)";
    case Layer::good_practice:
      return "Good practice beyond the Protocol";
  }
  return "?";
}

std::string area_heading(model::Area area) {
  std::string s(model::to_string(area));
  if (!s.empty()) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

void StatusCounts::add(Status s) {
  switch (s) {
    case Status::met:
      ++met;
      ++total;
      break;
    case Status::partial:
      ++partial;
      ++total;
      break;
    case Status::gap:
      ++gap;
      ++total;
      break;
    case Status::conflict:
      ++conflict;
      ++total;
      break;
    case Status::not_applicable:
      ++not_applicable;
      break;
    case Status::not_assessed:
      ++not_assessed;
      break;
    case Status::not_in_documents:
      ++not_in_documents;
      break;
  }
}

StatusCounts count_layer(const analysis::CountryReport& report, Layer layer) {
  StatusCounts c;
  for (const auto& f : report.findings)
    if (layer_of(f.klass) == layer) c.add(f.status);
  return c;
}

bool has_layer(const analysis::CountryReport& report, Layer layer) {
  return std::any_of(report.findings.begin(), report.findings.end(),
                     [&](const analysis::ObligationFinding& f) { return layer_of(f.klass) == layer; });
}

StatusCounts count_area(const analysis::CountryReport& report, Layer layer, model::Area area) {
  StatusCounts c;
  for (const auto& f : report.findings)
    if (layer_of(f.klass) == layer && f.area == area) c.add(f.status);
  return c;
}

std::string headline(std::string_view label, const StatusCounts& c) {
  if (c.total == 0 && c.not_assessed > 0)
    return fmt::format("{}: not assessed ({} obligations): the documents are in a language the model cannot read",
                       label, c.not_assessed);
  std::string out = fmt::format("{}: {} of {} met, {} partial, {} {}, {} {}", label, c.met, c.total, c.partial, c.gap,
                                c.gap == 1 ? "gap" : "gaps", c.conflict, c.conflict == 1 ? "conflict" : "conflicts");
  if (c.not_applicable > 0) out += fmt::format(" ({} not applicable)", c.not_applicable);
  if (c.not_assessed > 0) out += fmt::format(" ({} not assessed)", c.not_assessed);
  if (c.not_in_documents > 0) out += fmt::format(" ({} not in the documents checked)", c.not_in_documents);
  return out;
}

std::string mandatory_headline(const analysis::CountryReport& report) {
  return headline("Mandatory obligations", count_layer(report, Layer::mandatory));
}

std::string_view status_symbol(Status s) {
  switch (s) {
    case Status::met:
      return "●";
    case Status::partial:
      return "◐";
    case Status::gap:
      return "○";
    case Status::conflict:
      return "✕";
    case Status::not_applicable:
      return "·";
    case Status::not_assessed:
      return "–";
    case Status::not_in_documents:
      return "◌";
  }
  return "?";
}

std::string_view status_label(Status s) {
  switch (s) {
    case Status::met:
      return "MET";
    case Status::partial:
      return "PARTIAL";
    case Status::gap:
      return "GAP";
    case Status::conflict:
      return "CONFLICT";
    case Status::not_applicable:
      return "N/A";
    case Status::not_assessed:
      return "NOT ASSESSED";
    case Status::not_in_documents:
      return "NOT IN DOCS";
  }
  return "?";
}

int status_rank(Status s) {
  switch (s) {
    case Status::met:
      return 3;
    case Status::partial:
      return 2;
    case Status::gap:
      return 1;
    case Status::conflict:
      return 0;
    case Status::not_applicable:
      return 3;
    case Status::not_assessed:
      return 3;  // no verdict, so never the worst
    case Status::not_in_documents:
      return 3;
  }
  return 0;
}

std::string element_status(Status s, bool red_flag, bool upper) {
  std::string out;
  if (red_flag && s == Status::conflict)
    out = "raised";
  else if (red_flag && s == Status::met)
    out = "clear";
  else
    out = std::string(analysis::to_string(s));
  if (upper)
    for (char& c : out) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return out;
}

std::vector<WordEdit> word_diff(std::string_view before, std::string_view after) {
  auto split = [](std::string_view s) {
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < s.size();) {
      while (i < s.size() && s[i] == ' ') ++i;
      std::size_t j = i;
      while (j < s.size() && s[j] != ' ') ++j;
      if (j > i) words.push_back(s.substr(i, j - i));
      i = j;
    }
    return words;
  };
  const auto a = split(before), b = split(after);
  // Longest common subsequence of words; passages are a few hundred words at most, and longer texts
  // are compared as wholes (all deleted, all inserted) rather than at quadratic cost.
  constexpr std::size_t kMaxWords = 2000;
  std::vector<WordEdit> out;
  auto push = [&](WordEdit::Kind kind, std::string_view word) {
    if (!out.empty() && out.back().kind == kind)
      out.back().text += " " + std::string(word);
    else
      out.push_back({kind, std::string(word)});
  };
  if (a.size() > kMaxWords || b.size() > kMaxWords) {
    for (auto w : a) push(WordEdit::Kind::del, w);
    for (auto w : b) push(WordEdit::Kind::ins, w);
    return out;
  }
  std::vector<std::vector<std::uint16_t>> lcs(a.size() + 1, std::vector<std::uint16_t>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;)
    for (std::size_t j = b.size(); j-- > 0;)
      lcs[i][j] =
          a[i] == b[j] ? static_cast<std::uint16_t>(lcs[i + 1][j + 1] + 1) : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      push(WordEdit::Kind::keep, a[i]);
      ++i, ++j;
    } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
      push(WordEdit::Kind::ins, b[j++]);
    } else {
      push(WordEdit::Kind::del, a[i++]);
    }
  }
  return out;
}

std::string element_redline(const std::vector<analysis::Evidence>& before, const std::vector<analysis::Evidence>& after,
                            const RedlineMarks& marks) {
  if (before.empty() || after.empty() || before.front().passage == after.front().passage) return {};
  std::string out;
  for (const WordEdit& w : word_diff(before.front().passage, after.front().passage)) {
    if (!out.empty()) out += ' ';
    const std::string text = marks.escape(w.text);
    if (w.kind == WordEdit::Kind::keep)
      out += text;
    else if (w.kind == WordEdit::Kind::del)
      out += std::string(marks.del_open) + text + std::string(marks.del_close);
    else
      out += std::string(marks.ins_open) + text + std::string(marks.ins_close);
  }
  return out;
}

namespace {
// Moves an offset back to the start of the UTF-8 sequence it falls in, so a highlight never splits a
// character (the analysis counts bytes; a window trimmed by another module may cut anywhere).
std::size_t to_char_boundary(std::string_view s, std::size_t pos) {
  while (pos > 0 && pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}
}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> clean_highlights(const analysis::Evidence& e) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  const std::size_t n = e.passage.size();
  for (auto [b, en] : e.highlights) {
    std::size_t begin = to_char_boundary(e.passage, std::min<std::size_t>(b, n));
    std::size_t end = to_char_boundary(e.passage, std::min<std::size_t>(en, n));
    if (end > begin) spans.emplace_back(begin, end);
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (auto s : spans) {
    if (!merged.empty() && s.first <= merged.back().second)
      merged.back().second = std::max(merged.back().second, s.second);
    else
      merged.push_back(s);
  }
  return merged;
}

std::string mark_passage(const analysis::Evidence& e, std::string_view open, std::string_view close,
                         const std::function<std::string(std::string_view)>& escape) {
  std::string out;
  std::string_view text = e.passage;
  std::size_t at = 0;
  for (auto [b, en] : clean_highlights(e)) {
    out += escape(text.substr(at, b - at));
    out += open;
    out += escape(text.substr(b, en - b));
    out += close;
    at = en;
  }
  out += escape(text.substr(at));
  return out;
}

std::string chain_sentence(const analysis::Evidence& e) {
  if (e.chain.empty()) return {};
  std::string out = "via ";
  bool first = true;
  for (const auto& link : e.chain) {
    if (!first) out += " → ";
    first = false;
    out += link.citation.empty() ? link.eid : link.citation;
    if (!link.label.empty()) out += ": " + link.label;
  }
  return out;
}

std::string article_label(std::string_view instrument, std::string_view article) {
  return fmt::format("{} art {}", instrument, article);
}

std::string article_label(const analysis::ObligationFinding& f) { return article_label(f.instrument, f.article); }

std::string class_label(model::ObligationClass klass) {
  return klass == model::ObligationClass::good_practice ? "good practice" : std::string(model::to_string(klass));
}

int document_number(const std::vector<analysis::DocumentInfo>& documents, std::string_view path) {
  for (std::size_t i = 0; i < documents.size(); ++i)
    if (documents[i].path == path) return static_cast<int>(i) + 1;
  return 0;
}

std::string provision_anchor(int document_number, std::string_view eid) {
  std::string out = fmt::format("doc{}-", document_number);
  for (char c : eid) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    out += ok ? c : '-';
  }
  return out;
}

std::string short_hash(std::string_view sha256, std::size_t n) {
  return std::string(sha256.substr(0, std::min(n, sha256.size())));
}

}  // namespace palermo::report
