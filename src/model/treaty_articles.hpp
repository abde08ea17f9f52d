// Which articles, paragraphs and subparagraphs exist in the instruments the model cites: the
// Trafficking in Persons Protocol, UNTOC, the Smuggling of Migrants Protocol and the Council of
// Europe Convention. Numbers only, as facts about the treaties' structure (no treaty text), so that
// `palermo model lint` can say when a citation such as "6(7)" points at nothing.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace palermo::model {

// "6(3)(b)" -> article 6, subdivisions {"3", "b"}; "3(a)" -> 3, {"a"}; nullopt if malformed.
struct ArticleCitation {
  int article = 0;
  std::vector<std::string> subdivisions;
};
std::optional<ArticleCitation> parse_article_citation(std::string_view text);

// Instruments whose structure is known: "Protocol", "UNTOC", "Smuggling", "CoE".
bool has_article_table(std::string_view instrument);

// Empty when the citation exists in the instrument; otherwise why not ("Protocol has no article
// 21", "article 6 of Protocol has no paragraph 7"). Instruments without a table always pass.
std::string check_article_exists(std::string_view instrument, std::string_view article);

}  // namespace palermo::model
