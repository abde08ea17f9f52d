// The structure of the treaties the model cites, as numbers only: for each article, its numbered
// paragraphs and the lettered subparagraphs of each. Read off the official texts (the English texts
// under ../shared/treaties; tests/model/treaty_citations_test.cpp checks the model against them).
#include "model/treaty_articles.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace palermo::model {

namespace {

// One line per instrument: articles separated by spaces; "6:1,2[ab],3" says article 6 has
// paragraphs 1, 2 (with subparagraphs (a) and (b)) and 3; "3:[abcd]" says article 3 has
// subparagraphs (a)-(d) and no numbered paragraphs; a bare "4" is an undivided article.
// Deeper levels (roman numerals) are not listed and not checked.
struct InstrumentTable {
  const char* instrument;
  const char* articles;
};
constexpr InstrumentTable kTables[] = {
    {"Protocol",
     "1:1,2,3 2:[abc] 3:[abcd] 4 5:1,2[abc] 6:1,2[ab],3[abcd],4,5,6 7:1,2 8:1,2,3,4,5,6 9:1[ab],2,3,4,5 10:1[abc],2,3 "
     "11:1,2,3,4,5,6 12:[ab] 13 14:1,2 15:1,2,3,4 16:1,2,3,4 17:1,2 18:1,2,3,4,5 19:1,2 20:1,2"},
    {"UNTOC",
     "1 2:[abcdefghij] 3:1[ab],2[abcd] 4:1,2 5:1[ab],2,3 6:1[ab],2[abcdef] 7:1[ab],2,3,4 8:1[ab],2,3,4 9:1,2 "
     "10:1,2,3,4 11:1,2,3,4,5,6 12:1[ab],2,3,4,5,6,7,8,9 13:1[ab],2,3[abc],4,5,6,7,8,9 14:1,2,3[ab] "
     "15:1[ab],2[abc],3,4,5,6 16:1,2,3,4,5[ab],6,7,8,9,10,11,12,13,14,15,16,17 17 "
     "18:1,2,3[abcdefghi],4,5,6,7,8,9,10[ab],11[abcd],12,13,14,15[abcdef],16,17,18,19,20,21[abcd],22,23,24,25,26,27,28,"
     "29[ab],30 19 20:1,2,3,4 21 22 23:[ab] 24:1,2[ab],3,4 25:1,2,3 26:1[ab],2,3,4,5 27:1[abcdef],2,3 28:1,2,3 "
     "29:1[abcdefghi],2,3,4 30:1,2[abcd],3,4 31:1,2[abcd],3,4,5,6,7 32:1,2,3[abcde],4,5 33:1,2[abc] 34:1,2,3 "
     "35:1,2,3,4 36:1,2,3,4 37:1,2,3,4 38:1,2 39:1,2,3,4,5 40:1,2,3 41:1,2"},
    {"Smuggling",
     "1:1,2,3 2 3:[abcd] 4 5 6:1[abc],2[abc],3[ab],4 7 8:1,2,3,4,5,6,7 9:1,2,3,4 10:1,2 11:1,2,3,4,5,6 12 13 14:1,2,3 "
     "15:1,2,3 16:1,2,3,4,5 17 18:1,2,3,4,5,6,7,8 19:1,2 20:1,2,3,4 21:1,2,3,4 22:1,2 23:1,2,3,4,5 24:1,2 25:1,2"},
    {"CoE",
     "1:1[abc],2 2 3 4:[abcde] 5:1,2,3,4,5,6 6:[abcd] 7:1,2,3,4,5,6 8:[ab] 9 10:1,2,3,4[abc] 11:1,2,3 "
     "12:1[abcdef],2,3,4,5,6,7 13:1,2,3 14:1[ab],2,3,4,5 15:1,2,3,4 16:1,2,3,4,5,6,7 17 18 19 20:[abc] 21:1,2 "
     "22:1[abc],2,3,4 23:1,2,3,4 24:[abcd] 25 26 27:1,2,3 28:1[abcd],2,3,4,5 29:1,2,3,4 30:[ab] 31:1[abcde],2,3,4,5 32 "
     "33:1,2 34:1,2,3,4 35 36:1,2,3[abcd],4 37:1,2,3 38:1,2,3,4,5,6,7[ab] 39 40:1,2,3,4 41:1,2,3,4,5 42:1,2,3,4 43:1,2 "
     "44:1,2,3 45 46:1,2 47:[abcdefg]"},
};

// article -> paragraph ("" for lettered subparagraphs directly under the article) -> letters.
using ArticleMap = std::map<int, std::map<std::string, std::string>>;

ArticleMap parse_table(std::string_view spec) {
  ArticleMap articles;
  std::size_t i = 0;
  auto read_number = [&](void) {
    int n = 0;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) n = n * 10 + (spec[i++] - '0');
    return n;
  };
  while (i < spec.size()) {
    while (i < spec.size() && spec[i] == ' ') ++i;
    if (i >= spec.size()) break;
    auto& article = articles[read_number()];
    if (i < spec.size() && spec[i] == ':') {
      ++i;
      while (i < spec.size() && spec[i] != ' ') {
        std::string paragraph;
        while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) paragraph += spec[i++];
        std::string letters;
        if (i < spec.size() && spec[i] == '[') {
          ++i;
          while (i < spec.size() && spec[i] != ']') letters += spec[i++];
          ++i;
        }
        article[paragraph] += letters;
        if (i < spec.size() && spec[i] == ',') ++i;
      }
    }
  }
  return articles;
}

const ArticleMap* table_for(std::string_view instrument) {
  static const std::map<std::string, ArticleMap, std::less<>> tables = [] {
    std::map<std::string, ArticleMap, std::less<>> out;
    for (const auto& t : kTables) out[t.instrument] = parse_table(t.articles);
    return out;
  }();
  auto it = tables.find(instrument);
  return it == tables.end() ? nullptr : &it->second;
}

bool is_number(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::optional<ArticleCitation> parse_article_citation(std::string_view text) {
  ArticleCitation citation;
  std::size_t i = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
    citation.article = citation.article * 10 + (text[i++] - '0');
  if (i == 0 || citation.article == 0) return std::nullopt;
  while (i < text.size()) {
    if (text[i] != '(') return std::nullopt;
    std::size_t close = text.find(')', i);
    if (close == std::string_view::npos || close == i + 1) return std::nullopt;
    std::string part(text.substr(i + 1, close - i - 1));
    for (char c : part)
      if (!std::isdigit(static_cast<unsigned char>(c)) && !(c >= 'a' && c <= 'z')) return std::nullopt;
    citation.subdivisions.push_back(std::move(part));
    i = close + 1;
  }
  return citation;
}

bool has_article_table(std::string_view instrument) { return table_for(instrument) != nullptr; }

std::string check_article_exists(std::string_view instrument, std::string_view article) {
  const ArticleMap* table = table_for(instrument);
  if (table == nullptr) return {};
  auto citation = parse_article_citation(article);
  if (!citation) return "\"" + std::string(article) + "\" is not a citation";
  auto found = table->find(citation->article);
  std::string name(instrument);
  if (found == table->end()) return name + " has no article " + std::to_string(citation->article);
  const auto& paragraphs = found->second;
  const auto& parts = citation->subdivisions;
  std::string where = "article " + std::to_string(citation->article) + " of " + name;
  if (parts.empty()) return {};
  std::size_t letter_index = 0;
  std::string paragraph;
  if (is_number(parts[0])) {
    paragraph = parts[0];
    if (!paragraphs.count(paragraph)) return where + " has no paragraph " + paragraph;
    letter_index = 1;
  }
  if (letter_index >= parts.size()) return {};
  const std::string& letter = parts[letter_index];
  auto letters = paragraphs.find(paragraph);
  if (letter.size() != 1 || letters == paragraphs.end() || letters->second.find(letter[0]) == std::string::npos)
    return where + (paragraph.empty() ? "" : " paragraph " + paragraph) + " has no subparagraph (" + letter + ")";
  return {};
}

}  // namespace palermo::model
