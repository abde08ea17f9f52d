// The syntax tree of one *.pal file, exactly as written: the grammar (grammar_def.hpp) fills it,
// the loader (src/model/loader.cpp) checks it and turns it into model::Model.
#pragma once
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <string>
#include <vector>

namespace palermo::model::ast {

namespace x3 = boost::spirit::x3;

// Every node knows where it starts (1-based line and column, in code points), so that every
// semantic error can point at the exact spot.
struct Located : x3::position_tagged {
  int line = 0;
  int column = 0;
};

// One literal: a name (`mandatory`, `tip.3a.acts`), a "string" (escapes resolved, line breaks folded
// to one space) or a `pattern` (as written, between the backticks).
struct Token : Located {
  enum Kind : char { name = 'w', string = '"', pattern = '`' };
  char kind = name;
  std::string text;
};

// `key value`, e.g. `class mandatory`, `title "..."`, `en `recruit*``.
struct Field : Located {
  Token key;
  Token value;
};

// `element ID "title" { fields }` or `red-flag ID "title" { fields }`.
struct Block : Located {
  std::string kind;  // "element" or "red-flag"
  Token id;
  Token title;
  std::vector<Field> fields;
};

struct ObligationEntry : x3::variant<Block, Field> {
  using base_type::base_type;
  using base_type::operator=;
};

struct Obligation : Located {
  Token id;
  std::vector<ObligationEntry> entries;
};

// `model "name" version "v"`.
struct Header : Located {
  Token name;
  Token version;
};

// `synonyms NAME `pattern``.
struct Synonyms : Located {
  Token name;
  Token pattern;
};

// `lexicon NAME { en `pattern` fr `pattern` note "..." }`: vocabulary the analysis itself uses
// (offence formulas, names of the crime, words for a child), kept in the model for lawyers to review.
struct Lexicon : Located {
  Token name;
  std::vector<Field> fields;
};

struct TopLevel : x3::variant<Header, Synonyms, Lexicon, Obligation> {
  using base_type::base_type;
  using base_type::operator=;
};

using File = std::vector<TopLevel>;

}  // namespace palermo::model::ast
