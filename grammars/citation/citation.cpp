// Finds citations in running text with the X3 grammar (instantiated here, and only here) and
// flattens each "of" chain into label paths from the outermost unit down.
#include "grammars/citation/citation.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "grammars/citation/grammar_def.hpp"

namespace palermo::citation {

namespace grammar {
BOOST_SPIRIT_INSTANTIATE(chain_type, iterator_type, context_type)
chain_type const& chain() { return chain_rule; }
}  // namespace grammar

std::vector<NamedLaw> find_named_laws(std::string_view text) {
  std::vector<NamedLaw> out;
  const char* const base = text.data();
  const char* const last = base + text.size();
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c < 'A' || c > 'Z' || (pos > 0 && grammar_words::is_word_byte(text[pos - 1]))) continue;
    const char* it = base + pos;
    if (!boost::spirit::x3::parse(it, last, grammar::named::title)) continue;
    std::string_view found = text.substr(pos, static_cast<std::size_t>(it - (base + pos)));
    std::size_t begin = pos;
    // "Subject to the Prevention of Organised Crime Act": the title starts after the last "the ".
    if (const std::size_t the = found.rfind(" the "); the != std::string_view::npos) {
      begin += the + 5;
      found.remove_prefix(the + 5);
    }
    if (found.rfind("The ", 0) == 0) {
      begin += 4;
      found.remove_prefix(4);
    }
    // At least one word of title before the kind of instrument ("this Act" and "the Code" are not).
    const std::size_t words = static_cast<std::size_t>(std::count(found.begin(), found.end(), ' '));
    const bool has_year = !found.empty() && std::isdigit(static_cast<unsigned char>(found.back()));
    // "This Act", "Such Code", "Principal Act": a reference to a law already named, not a title.
    static constexpr std::string_view kDeterminers[] = {"This ",    "That ",     "Such ",   "Said ",       "Principal ",
                                                        "Each ",    "Any ",      "Every ",  "Another ",    "An ",
                                                        "A ",       "Which ",    "State ",  "Provincial ", "Central ",
                                                        "Federal ", "Amending ", "Parent ", "Relevant ",   "Other "};
    const bool determiner = words == 1 && std::any_of(std::begin(kDeterminers), std::end(kDeterminers),
                                                      [&](std::string_view d) { return found.rfind(d, 0) == 0; });
    if (determiner || words < (has_year ? 2u : 1u) || found.size() > 160) {
      pos = static_cast<std::size_t>(it - base);
      continue;
    }
    out.push_back({begin, static_cast<std::size_t>(it - base), std::string(found)});
    pos = static_cast<std::size_t>(it - base);
  }
  return out;
}

std::string_view to_string(Kind k) {
  switch (k) {
    case Kind::section:
      return "section";
    case Kind::subsection:
      return "subsection";
    case Kind::paragraph:
      return "paragraph";
    case Kind::subparagraph:
      return "subparagraph";
    case Kind::article:
      return "article";
    case Kind::part:
      return "part";
    case Kind::chapter:
      return "chapter";
    case Kind::schedule:
      return "schedule";
    case Kind::this_act:
      return "this act";
    case Kind::this_part:
      return "this part";
    case Kind::this_chapter:
      return "this chapter";
    case Kind::this_section:
      return "this section";
    case Kind::this_subsection:
      return "this subsection";
    case Kind::this_article:
      return "this article";
  }
  return "?";
}

namespace {

bool is_digits(const std::string& s) { return !s.empty() && std::isdigit(static_cast<unsigned char>(s[0])); }

// "(b)" after "section 32(a)" replaces the label of the same style (letter or number) counted from
// the end of the first path: 32(a), (b) -> 32(b); 3(1)(a), (b) -> 3(1)(b); 32(a), (f)(ii) -> 32(f)(ii).
std::vector<std::string> continue_path(const std::vector<std::string>& first, const std::vector<std::string>& cont) {
  const std::string& head = cont.at(1);
  for (std::size_t i = first.size(); i-- > 1;) {
    if (is_digits(first[i]) == is_digits(head)) {
      std::vector<std::string> out(first.begin(), first.begin() + static_cast<std::ptrdiff_t>(i));
      out.insert(out.end(), cont.begin() + 1, cont.end());
      return out;
    }
  }
  std::vector<std::string> out{first.front()};
  out.insert(out.end(), cont.begin() + 1, cont.end());
  return out;
}

Citation flatten(const ast::Chain& given) {
  // "section 5 of this Act", "Articles (2) and (6) of this Law": the document's own units are
  // numbered through the whole of it, so the trailing "this Act/Part/Chapter" adds nothing; left
  // in place it would make the citation name the whole Act.
  ast::Chain chain = given;
  while (chain.size() > 1 && chain.back().items.paths.empty() &&
         (chain.back().kind == Kind::this_act || chain.back().kind == Kind::this_part ||
          chain.back().kind == Kind::this_chapter))
    chain.pop_back();
  Citation c;
  const ast::Segment& outer = chain.back();
  c.kind = outer.kind;
  // Outer segments contribute the prefix (their first item); the innermost contributes the list.
  std::vector<std::string> prefix;
  for (std::size_t i = chain.size(); i-- > 1;)
    if (!chain[i].items.paths.empty())
      for (const auto& l : chain[i].items.paths.front()) prefix.push_back(l);
  const ast::Items& inner = chain.front().items;
  c.range = inner.range;
  for (const auto& path : inner.paths) {
    std::vector<std::string> labels =
        (!path.empty() && path.front().empty() && !inner.paths.empty() && !inner.paths.front().front().empty())
            ? continue_path(inner.paths.front(), path)
            : path;
    Ref r{prefix};
    r.labels.insert(r.labels.end(), labels.begin(), labels.end());
    c.refs.push_back(std::move(r));
  }
  return c;
}

}  // namespace

std::vector<Citation> find_citations(std::string_view text) {
  if (grammar_words::has_soft_hyphen(text)) {
    auto clean = grammar_words::without_soft_hyphens(text);
    auto found = find_citations(clean.text);
    for (Citation& c : found) {
      c.begin = clean.original[c.begin];
      c.end = clean.original[c.end - 1] + 1;
      c.text = std::string(text.substr(c.begin, c.end - c.begin));
    }
    return found;
  }
  std::vector<Citation> out;
  const char* const base = text.data();
  const char* const last = base + text.size();
  std::size_t pos = 0;
  while (pos < text.size()) {
    bool word_start =
        grammar_words::is_word_byte(text[pos]) && (pos == 0 || !grammar_words::is_word_byte(text[pos - 1]));
    if (!word_start) {
      ++pos;
      continue;
    }
    const char* it = base + pos;
    ast::Chain chain;
    if (boost::spirit::x3::phrase_parse(it, last, grammar::chain(), boost::spirit::x3::ascii::space, chain) &&
        !chain.empty()) {
      Citation c = flatten(chain);
      c.begin = pos;
      c.end = static_cast<std::size_t>(it - base);
      while (c.end > pos && (text[c.end - 1] == ' ' || text[c.end - 1] == ',')) --c.end;
      c.text = std::string(text.substr(c.begin, c.end - c.begin));
      pos = c.end;
      out.push_back(std::move(c));
      continue;
    }
    while (pos < text.size() && grammar_words::is_word_byte(text[pos])) ++pos;
  }
  return out;
}

}  // namespace palermo::citation
