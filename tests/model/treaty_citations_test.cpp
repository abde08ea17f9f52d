// Every article the model cites exists in the treaty text under ../shared/treaties, and the
// article table built into palermo (model/treaty_articles.cpp) agrees with those texts.
#include <gtest/gtest.h>

#include "shared_files.hpp"

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "model/model.hpp"
#include "model/treaty_articles.hpp"

namespace palermo::model {
namespace {

const std::string kTreaties = std::string(PALERMO_SHARED_DIR) + "/treaties";

// The treaties' markdown marks an article with a heading "### Article  6", a numbered paragraph
// with "3.   " at the start of a line and a lettered subparagraph with "b) " at the start of a line
// (roman sub-items are "(i)" and are not cited by the model). Citations become paths: "6",
// "6(3)", "6(3)(b)", and "3(a)" for a subparagraph directly under its article.
std::set<std::string> citable_paths(const std::string& file) {
  std::ifstream in(kTreaties + "/" + file);
  EXPECT_TRUE(in.good()) << file;
  static const std::regex article(R"(^###\s+Article\s+(\d+)\b.*)");
  static const std::regex paragraph(R"(^\s*(\d+)\.\s.*)");
  static const std::regex letter(R"(^\s*([a-z])\)\s*.*)");
  std::set<std::string> paths;
  std::string current_article, current_paragraph, line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, article)) {
      current_article = m[1];
      current_paragraph.clear();
      paths.insert(current_article);
    } else if (current_article.empty()) {
      continue;
    } else if (std::regex_match(line, m, paragraph)) {
      current_paragraph = current_article + "(" + m[1].str() + ")";
      paths.insert(current_paragraph);
    } else if (std::regex_match(line, m, letter)) {
      const std::string& parent = current_paragraph.empty() ? current_article : current_paragraph;
      paths.insert(parent + "(" + m[1].str() + ")");
    }
  }
  return paths;
}

const std::map<std::string, std::string>& treaty_files() {
  static const std::map<std::string, std::string> files = {
      {"Protocol", "trafficking_protocol_en.md"},
      {"UNTOC", "untoc_en.md"},
      {"Smuggling", "smuggling_protocol_en.md"},
      {"CoE", "coe_trafficking_convention_en.md"},
  };
  return files;
}

// "6(3)(b)(ii)" -> "6(3)(b)": the texts' deepest marked level is the letter.
std::string cited_path(const std::string& article) {
  auto citation = parse_article_citation(article);
  if (!citation) return article;
  std::string path = std::to_string(citation->article);
  int letters = 0;
  for (const auto& part : citation->subdivisions) {
    bool is_letter = !std::isdigit(static_cast<unsigned char>(part[0]));
    if (is_letter && ++letters > 1) break;  // roman numerals after a letter
    path += "(" + part + ")";
  }
  return path;
}

TEST(TreatyCitations, TheTextsHaveTheExpectedNumberOfArticles) {
  SKIP_WITHOUT_SHARED(kTreaties);
  auto count_articles = [](const std::string& file) {
    int n = 0;
    for (const auto& path : citable_paths(file))
      if (path.find('(') == std::string::npos) ++n;
    return n;
  };
  EXPECT_EQ(count_articles("trafficking_protocol_en.md"), 20);
  EXPECT_EQ(count_articles("untoc_en.md"), 41);
  EXPECT_EQ(count_articles("coe_trafficking_convention_en.md"), 47);
  auto protocol = citable_paths("trafficking_protocol_en.md");
  EXPECT_TRUE(protocol.count("6(3)(b)"));
  EXPECT_TRUE(protocol.count("3(a)"));
  EXPECT_TRUE(protocol.count("5(2)(c)"));
  EXPECT_FALSE(protocol.count("6(7)"));
}

TEST(TreatyCitations, BuiltInTableAgreesWithTheTexts) {
  SKIP_WITHOUT_SHARED(kTreaties);
  for (const auto& [instrument, file] : treaty_files()) {
    ASSERT_TRUE(has_article_table(instrument)) << instrument;
    auto paths = citable_paths(file);
    ASSERT_GT(paths.size(), 20u) << file;
    for (const auto& path : paths) EXPECT_EQ(check_article_exists(instrument, path), "") << instrument << " " << path;
  }
  EXPECT_NE(check_article_exists("Protocol", "21"), "");
  EXPECT_NE(check_article_exists("Protocol", "6(7)"), "");
  EXPECT_NE(check_article_exists("Protocol", "6(3)(e)"), "");
  EXPECT_NE(check_article_exists("Protocol", "3(e)"), "");
  EXPECT_NE(check_article_exists("UNTOC", "42"), "");
  EXPECT_NE(check_article_exists("CoE", "48"), "");
  EXPECT_EQ(check_article_exists("UNTOC", "34(2)"), "");
  EXPECT_EQ(check_article_exists("ModelLaw", "8(2)"), "");  // no table: not checked
}

TEST(TreatyCitations, EveryArticleTheModelCitesExistsInTheTreatyText) {
  SKIP_WITHOUT_SHARED(kTreaties);
  auto loaded = load_model("");
  ASSERT_TRUE(loaded.ok()) << loaded.errors().front().format();
  std::map<std::string, std::set<std::string>> texts;
  for (const auto& [instrument, file] : treaty_files()) texts[instrument] = citable_paths(file);
  int checked = 0;
  for (const auto& o : loaded->obligations) {
    auto text = texts.find(o.instrument);
    if (text == texts.end()) continue;  // the Model Law has no text under shared/treaties
    EXPECT_TRUE(text->second.count(cited_path(o.article)))
        << o.id << " cites " << o.instrument << " article " << o.article << " (" << o.where.file << ":" << o.where.line
        << "), which the treaty text does not have";
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST(TreatyCitations, CitationParser) {
  auto c = parse_article_citation("6(3)(b)");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->article, 6);
  EXPECT_EQ(c->subdivisions, (std::vector<std::string>{"3", "b"}));
  EXPECT_FALSE(parse_article_citation("Article 6"));
  EXPECT_FALSE(parse_article_citation("6()"));
  EXPECT_FALSE(parse_article_citation("6(3"));
  EXPECT_FALSE(parse_article_citation(""));
}

}  // namespace
}  // namespace palermo::model
