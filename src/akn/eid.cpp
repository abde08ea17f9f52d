// eId naming (OASIS AKN Naming Convention v1.0, section 5): abbreviations and number normalisation.
#include "akn/eid.hpp"

#include <array>
#include <cctype>
#include <utility>

namespace palermo::akn {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 21> kAbbreviations{{
    {"alinea", "al"},         {"article", "art"},          {"attachment", "att"},
    {"blockList", "list"},    {"chapter", "chp"},          {"citation", "cit"},
    {"clause", "cl"},         {"component", "cmp"},        {"division", "dvs"},
    {"paragraph", "para"},    {"quotedStructure", "qstr"}, {"quotedText", "qtext"},
    {"recital", "rec"},       {"section", "sec"},          {"subchapter", "subchp"},
    {"subclause", "subcl"},   {"subdivision", "subdvs"},   {"subparagraph", "subpara"},
    {"subsection", "subsec"}, {"temporalGroup", "tmpg"},   {"wrapUp", "wrapup"},
}};

// Label words that publishers put inside <num> ("Article 5", "Chapter IV", "Sch 2"). They are not
// part of the number.
constexpr std::array<std::string_view, 40> kLabelWords{
    "section",   "sec",  "sect",     "article",  "art",        "artículo", "articulo", "artigo", "articolo", "chapter",
    "chap",      "ch",   "chapitre", "capítulo", "capitulo",   "capitolo", "part",     "pt",     "partie",   "parte",
    "schedule",  "sch",  "title",    "titre",    "título",     "titulo",   "titolo",   "book",   "livre",    "libro",
    "paragraph", "para", "clause",   "rule",     "regulation", "reg",      "division", "annex",  "annexe",   "anexo",
};

bool ascii_alnum(unsigned char c) { return std::isalnum(c) != 0; }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Drops a leading label word followed by whitespace, when something number-like follows it.
std::string_view drop_label_word(std::string_view num) {
  std::size_t end = 0;
  while (end < num.size() && num[end] != ' ' && num[end] != '\t' && num[end] != '\n') ++end;
  if (end == 0 || end == num.size()) return num;
  std::string_view word = num.substr(0, end);
  while (!word.empty() && word.back() == '.') word.remove_suffix(1);
  std::string lower = ascii_lower(word);
  bool is_label = false;
  for (auto label : kLabelWords)
    if (lower == label) is_label = true;
  if (!is_label) return num;
  std::size_t rest = end;
  while (rest < num.size() && (num[rest] == ' ' || num[rest] == '\t' || num[rest] == '\n')) ++rest;
  return rest < num.size() ? num.substr(rest) : num;
}

}  // namespace

std::string_view eid_abbreviation(std::string_view element) {
  for (const auto& [name, abbreviation] : kAbbreviations)
    if (name == element) return abbreviation;
  return element;
}

std::string eid_number_from_num(std::string_view num) {
  // Trim surrounding whitespace first, then drop a label word such as "Article".
  while (!num.empty() && std::isspace(static_cast<unsigned char>(num.front()))) num.remove_prefix(1);
  while (!num.empty() && std::isspace(static_cast<unsigned char>(num.back()))) num.remove_suffix(1);
  num = drop_label_word(num);
  std::string out;
  out.reserve(num.size());
  bool separator_pending = false;  // a '.' or '-' seen between two kept characters
  for (std::size_t i = 0; i < num.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(num[i]);
    if (ascii_alnum(c)) {
      if (separator_pending && !out.empty()) out += '-';
      separator_pending = false;
      out += static_cast<char>(c);
    } else if (c == '.' || c == '-' || c == '/' || c == ':') {
      separator_pending = true;
    } else if (c >= 0x80) {
      // A UTF-8 sequence: dashes (U+2010..U+2015) separate; other punctuation (U+2000..U+206F),
      // no-break space and ordinal indicators are meaningless; letters of any script are kept.
      std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      std::string_view seq = num.substr(i, len);
      bool dash = seq == "\u2010" || seq == "\u2011" || seq == "\u2012" || seq == "\u2013" || seq == "\u2014" ||
                  seq == "\u2015";
      bool general_punct =
          len == 3 && c == 0xE2 && i + 1 < num.size() &&
          (static_cast<unsigned char>(num[i + 1]) == 0x80 || static_cast<unsigned char>(num[i + 1]) == 0x81);
      bool meaningless = seq == "\u00a0" || seq == "\u00ba" || seq == "\u00aa" || seq == "\u00a7";
      if (dash) {
        separator_pending = true;
      } else if (!general_punct && !meaningless) {
        if (separator_pending && !out.empty()) out += '-';
        separator_pending = false;
        out.append(seq);
      }
      i += len - 1;
    }
    // Anything else (brackets, spaces, quotes, commas) is meaningless and dropped.
  }
  return out;
}

std::string make_eid(std::string_view parent_eid, std::string_view element, std::string_view number) {
  std::string out;
  if (!parent_eid.empty()) {
    out.append(parent_eid);
    out += "__";
  }
  out.append(eid_abbreviation(element));
  if (!number.empty()) {
    out += '_';
    out.append(number);
  }
  return out;
}

std::string_view eid_last_component(std::string_view eid) {
  auto pos = eid.rfind("__");
  return pos == std::string_view::npos ? eid : eid.substr(pos + 2);
}

std::string_view eid_prefix(std::string_view eid) {
  auto pos = eid.rfind("__");
  return pos == std::string_view::npos ? std::string_view{} : eid.substr(0, pos);
}

}  // namespace palermo::akn
