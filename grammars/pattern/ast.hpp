// The X3 syntax tree of an evidence pattern: raw source ranges, so errors found while converting
// it to pattern::Node (empty quotes, NEAR of a group) can still point at a column.
#pragma once
#include <boost/optional.hpp>
#include <boost/range/iterator_range.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <vector>

namespace palermo::pattern::ast {

namespace x3 = boost::spirit::x3;

// A slice of the pattern source: a bare word, a "quoted phrase" (quotes included, maybe a trailing
// '*'), a NEAR/n operator, or an opening parenthesis.
using Text = boost::iterator_range<const char*>;

struct Group;

// NEAR(a "b c" d, 5)
struct NearCall {
  Text keyword;  // "NEAR(" , for error positions
  std::vector<Text> phrases;
  boost::optional<unsigned> distance;
};

struct Primary : x3::variant<Text, NearCall, x3::forward_ast<Group>> {
  using base_type::base_type;
  using base_type::operator=;
};

// a NEAR/5 b: `op` is the operator's source ("NEAR/5" or "NEAR"); its number is read from there.
struct NearLink {
  Text op;
  Text operand;
};

struct NearChain {
  Primary first;
  std::vector<NearLink> links;
};

// a NOT b NOT c: left-associative.
struct NotChain {
  NearChain first;
  std::vector<NearChain> excluded;
};

using AndChain = std::vector<NotChain>;  // explicit AND or juxtaposition
using OrChain = std::vector<AndChain>;

struct Group {
  Text open;  // "(", for error positions
  OrChain body;
};

}  // namespace palermo::pattern::ast
