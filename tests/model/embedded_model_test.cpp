// The model shipped inside palermo (protocol-model/*.pal) loads, lints clean, and covers the
// obligations LANGUAGE.md and the obligations checklist expect.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "model/model.hpp"

namespace palermo::model {
namespace {

TEST(EmbeddedModel, LoadsWithoutErrorsOrWarnings) {
  std::vector<Diagnostic> warnings;
  auto loaded = load_model("", &warnings);
  ASSERT_TRUE(loaded.ok()) << loaded.errors().front().format();
  for (const auto& w : warnings) ADD_FAILURE() << w.format();
  EXPECT_FALSE(loaded->version.empty());
  EXPECT_FALSE(loaded->obligations.empty());
}

TEST(EmbeddedModel, IsTheSameAsTheSourceFolder) {
  auto embedded = load_model("");
  auto folder = load_model(PALERMO_SOURCE_DIR "/protocol-model");
  ASSERT_TRUE(embedded.ok());
  ASSERT_TRUE(folder.ok()) << folder.errors().front().format();
  ASSERT_EQ(embedded->obligations.size(), folder->obligations.size());
  for (std::size_t i = 0; i < embedded->obligations.size(); ++i)
    EXPECT_EQ(embedded->obligations[i].id, folder->obligations[i].id);
}

TEST(EmbeddedModel, EveryObligationIsComplete) {
  auto loaded = load_model("");
  ASSERT_TRUE(loaded.ok());
  std::set<std::string> ids;
  for (const auto& o : loaded->obligations) {
    EXPECT_TRUE(ids.insert(o.id).second) << o.id;
    EXPECT_FALSE(o.instrument.empty()) << o.id;
    EXPECT_FALSE(o.article.empty()) << o.id;
    EXPECT_FALSE(o.title.empty()) << o.id;
    EXPECT_FALSE(o.statement.empty()) << o.id;
    EXPECT_FALSE(o.elements.empty()) << o.id;
    EXPECT_GT(o.where.line, 0) << o.id;
    for (const auto& e : o.elements) EXPECT_TRUE(!e.patterns.empty() || !e.check.empty()) << o.id << "/" << e.id;
  }
}

TEST(EmbeddedModel, CoversTheCoreOfTheProtocol) {
  auto loaded = load_model("");
  ASSERT_TRUE(loaded.ok());
  // The articles without which no assessment of a trafficking law is meaningful.
  std::set<std::string> cited;
  for (const auto& o : loaded->obligations)
    if (o.instrument == "Protocol") cited.insert(o.article.substr(0, o.article.find('(')));
  for (const char* article : {"3", "5", "6"}) EXPECT_TRUE(cited.count(article)) << "Protocol article " << article;
  EXPECT_GE(loaded->obligations.size(), 40u) << "the obligations checklist has more than 40 obligations";
}

}  // namespace
}  // namespace palermo::model
