// The citation grammar (Spirit X3). Included only by citation.cpp.
#pragma once
#include <algorithm>
#include <boost/fusion/include/at_c.hpp>
#include <boost/spirit/home/x3.hpp>

#include "grammars/citation/ast.hpp"
#include "grammars/citation/ast_adapted.hpp"
#include "grammars/citation/grammar.hpp"
#include "grammars/penalty/words.hpp"  // header-only keyword primitives shared with the penalty grammar

namespace palermo::citation::grammar {

namespace x3 = boost::spirit::x3;
using grammar_words::apostrophe;
using grammar_words::kw;

// A label inside brackets: "(1)", "(a)", "(ii)", "(1A)".
struct bracket_label_parser : x3::parser<bracket_label_parser> {
  using attribute_type = std::string;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It it = first;
    if (it == last || *it != '(') return false;
    ++it;
    std::string label;
    while (it != last && std::isalnum(static_cast<unsigned char>(*it)) && label.size() < 8)
      label += grammar_words::ascii_lower(*it++);
    if (label.empty() || it == last || *it != ')') return false;
    first = ++it;
    x3::traits::move_to(label, attr);
    return true;
  }
};
constexpr bracket_label_parser bracket_label{};

// A number of a section/article/part: "3", "12A", "225-4-1", "L. 8251-1" is not handled;
// roman numerals for Parts and Chapters ("II", "IV"); French "1er".
struct unit_number_parser : x3::parser<unit_number_parser> {
  using attribute_type = std::string;
  bool roman_allowed = false;
  constexpr explicit unit_number_parser(bool roman) : roman_allowed(roman) {}
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It it = first;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::string out;
    if (it != last && digit(*it)) {
      while (it != last && digit(*it)) out += *it++;
      // "225-4-1": further hyphenated groups of digits
      while (it != last && *it == '-' && std::next(it) != last && digit(*std::next(it))) {
        out += *it++;
        while (it != last && digit(*it)) out += *it++;
      }
      // "279.01", "2.3": decimal groups (a dot then digits; a full stop ends the number)
      while (it != last && *it == '.' && std::next(it) != last && digit(*std::next(it))) {
        out += *it++;
        while (it != last && digit(*it)) out += *it++;
      }
      // "149-A": a hyphen and one letter
      if (it != last && *it == '-' && std::next(it) != last &&
          std::isalpha(static_cast<unsigned char>(*std::next(it))) &&
          (std::next(it, 2) == last || !grammar_words::is_word_byte(*std::next(it, 2)))) {
        out += *it++;
        out += grammar_words::ascii_lower(*it++);
      }
      // one trailing capital or small letter ("12A"), not a word ("3rd", "3 years" is fine)
      if (it != last && std::isalpha(static_cast<unsigned char>(*it)) &&
          (std::next(it) == last || !grammar_words::is_word_byte(*std::next(it)))) {
        out += grammar_words::ascii_lower(*it++);
      }
      // Latin suffixes of inserted articles: "333 bis", "177 bis", "411 quáter"
      {
        It look = it;
        while (look != last && *look == ' ') ++look;
        std::string word;
        It end = look;
        while (end != last && grammar_words::is_word_byte(*end)) word += grammar_words::ascii_lower(*end++);
        static constexpr std::string_view suffixes[] = {"bis",    "ter",     "quater", "qu\xc3\xa1ter", "quinquies",
                                                        "sexies", "septies", "octies", "nonies",        "decies"};
        if (look != it && std::find(std::begin(suffixes), std::end(suffixes), word) != std::end(suffixes)) {
          out += " " + word;
          it = end;
        }
      }
    } else if (roman_allowed) {
      while (it != last && std::string_view("IVXLC").find(*it) != std::string_view::npos) out += *it++;
      if (out.empty()) return false;
    } else {
      return false;
    }
    if (it != last && grammar_words::is_word_byte(*it)) return false;
    first = it;
    for (char& c : out) c = grammar_words::ascii_lower(c);
    x3::traits::move_to(out, attr);
    return true;
  }
};
constexpr unit_number_parser unit_number{false};
constexpr unit_number_parser part_number{true};

// ---- rules -------------------------------------------------------------------------------------
x3::rule<class numbered_items_class, ast::Items> const numbered_items = "numbered items";
x3::rule<class part_items_class, ast::Items> const part_items = "part items";
x3::rule<class label_items_class, ast::Items> const label_items = "label items";
x3::rule<class segment_class, ast::Segment> const segment = "citation segment";
chain_type const chain_rule = "citation";

// ---- actions -----------------------------------------------------------------------------------
// Attributes: a label path is (first label, further bracket labels).
auto const push_path = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  std::vector<std::string> path{boost::fusion::at_c<0>(a)};
  for (auto& l : boost::fusion::at_c<1>(a)) path.push_back(l);
  x3::_val(ctx).paths.push_back(std::move(path));
};
auto const push_range_path = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  std::vector<std::string> path{boost::fusion::at_c<0>(a)};
  for (auto& l : boost::fusion::at_c<1>(a)) path.push_back(l);
  x3::_val(ctx).paths.push_back(std::move(path));
  x3::_val(ctx).range = true;
};
auto const push_continuation = [](auto& ctx) {
  std::vector<std::string> path{""};
  for (auto& l : x3::_attr(ctx)) path.push_back(l);
  x3::_val(ctx).paths.push_back(std::move(path));
};
auto const push_labels = [](auto& ctx) { x3::_val(ctx).paths.push_back(x3::_attr(ctx)); };
auto const push_labels_range = [](auto& ctx) {
  x3::_val(ctx).paths.push_back(x3::_attr(ctx));
  x3::_val(ctx).range = true;
};
auto const push_digits = [](auto& ctx) { x3::_val(ctx).paths.push_back({x3::_attr(ctx)}); };
auto const push_segment = [](auto& ctx) { x3::_val(ctx).push_back(x3::_attr(ctx)); };
template <Kind K>
auto const make_segment = [](auto& ctx) {
  x3::_val(ctx).kind = K;
  x3::_val(ctx).items = x3::_attr(ctx);
};
template <Kind K>
auto const make_this = [](auto& ctx) { x3::_val(ctx).kind = K; };

// ---- words -------------------------------------------------------------------------------------
auto const dot = x3::omit[-x3::lit('.')];
auto const section_word = (kw("sections") | kw("section") | kw("secs") | kw("sec") | kw("ss") | kw("s")) >> dot;
auto const article_word = (kw("articles") | kw("article") | kw("arts") | kw("art") |
                           kw("art\xC3\xAD"
                              "culos") |
                           kw("art\xC3\xAD"
                              "culo") |
                           kw("articulos") | kw("articulo")) >>
                          dot;
auto const subsection_word = kw("subsections") | kw("subsection") | kw("sub-sections") | kw("sub-section") |
                             (kw("subs") >> dot) | (kw("subsec") >> dot);
auto const paragraph_word = kw("paragraphs") | kw("paragraph") | (kw("paras") >> dot) | (kw("para") >> dot);
auto const subparagraph_word = kw("subparagraphs") | kw("subparagraph") | kw("sub-paragraphs") | kw("sub-paragraph");
auto const part_word = kw("parts") | kw("part");
auto const chapter_word = kw("chapters") | kw("chapter") | kw("chapitre") | kw("cap\xC3\xADtulo") | kw("capitulo");
auto const schedule_word = kw("schedules") | kw("schedule") | kw("annexe") | kw("anexo");
auto const range_word = kw("to") | kw("\xC3\xA0") | kw("a") | kw("through") | kw("au") | kw("al");
auto const list_word = kw("and") | kw("or") | kw("et") | kw("ou") | kw("y") | kw("o");
auto const list_sep = (x3::lit(',') >> -list_word) | list_word;
auto const this_word = kw("this") | kw("the") >> kw("present") | kw("la") >> kw("pr\xC3\xA9sente") |
                       kw("le") >> kw("pr\xC3\xA9sent") | kw("du") >> kw("pr\xC3\xA9sent") |
                       kw("de") >> kw("la") >> kw("pr\xC3\xA9sente") | kw("esta") | kw("este") |
                       kw("la") >> kw("presente") | kw("el") >> kw("presente");

// ---- definitions -------------------------------------------------------------------------------
// "Article (2)": some translations (Egypt, Jordan, the Gulf States) bracket an article's number.
x3::rule<class article_number_class, std::string> const article_number = "article number";
auto const article_number_def = unit_number | (x3::lit('(') >> unit_number >> x3::lit(')'));
auto const numbered_items_def = (article_number >> *bracket_label)[push_path] >>
                                -(((range_word >> article_number >> *bracket_label)[push_range_path]) |
                                  *((list_sep >> article_number >> *bracket_label)[push_path] |
                                    (list_sep >> +bracket_label)[push_continuation]));

auto const part_items_def = (part_number >> x3::attr(std::vector<std::string>{}))[push_path] >>
                            -(((range_word >> part_number >> x3::attr(std::vector<std::string>{}))[push_range_path]) |
                              *((list_sep >> part_number >> x3::attr(std::vector<std::string>{}))[push_path]));

// "(2)", "(1)(c)", "(1), (2) or (3)", "(a) to (d)", "subsection 2" (no brackets, as Namibia writes it)
auto const label_items_def = ((+bracket_label)[push_labels] >> -(((range_word >> +bracket_label)[push_labels_range]) |
                                                                 *((list_sep >> +bracket_label)[push_labels]))) |
                             (x3::lexeme[+x3::ascii::digit >> !x3::ascii::alpha])[push_digits];

auto const segment_def =
    (section_word >> numbered_items)[make_segment<Kind::section>] |
    (article_word >> numbered_items)[make_segment<Kind::article>] |
    (subsection_word >> label_items)[make_segment<Kind::subsection>] |
    (subparagraph_word >> label_items)[make_segment<Kind::subparagraph>] |
    (paragraph_word >> label_items)[make_segment<Kind::paragraph>] |
    // "Párrafo I del artículo 1": Dominican and other Caribbean laws number unnumbered paragraphs
    // of an article in roman numerals.
    ((kw("p\xC3\xA1rrafos") | kw("p\xC3\xA1rrafo") | kw("parrafos") | kw("parrafo")) >>
     part_items)[make_segment<Kind::paragraph>] |
    (part_word >> part_items)[make_segment<Kind::part>] | (chapter_word >> part_items)[make_segment<Kind::chapter>] |
    (schedule_word >> part_items)[make_segment<Kind::schedule>] |
    (this_word >> (kw("act") | kw("law") | kw("loi") | kw("ley") | kw("code") |
                   kw("c\xC3\xB3"
                      "digo")))[make_this<Kind::this_act>] |
    (this_word >> kw("part"))[make_this<Kind::this_part>] |
    (this_word >> (kw("chapter") | kw("chapitre") | kw("cap\xC3\xADtulo")))[make_this<Kind::this_chapter>] |
    (this_word >> (kw("section") | kw("secci\xC3\xB3n")))[make_this<Kind::this_section>] |
    (this_word >> kw("subsection"))[make_this<Kind::this_subsection>] |
    (this_word >> (kw("article") | kw("art\xC3\xAD"
                                      "culo")))[make_this<Kind::this_article>];

// "paragraph (b) of subsection (2) of section 3"; French "du" / Spanish "del" join the same way.
auto const chain_rule_def = segment[push_segment] >>
                            *(((kw("of") | kw("du") | kw("del") | kw("de") >> -(kw("l") >> apostrophe | kw("la"))) >>
                               segment)[push_segment]);

BOOST_SPIRIT_DEFINE(article_number, numbered_items, part_items, label_items, segment, chain_rule)

// The title of another law, as English drafting names one: capitalised words, with the small words
// titles use between them, ending in the kind of instrument, then the year if one follows. Parsed
// without a skipper: the spaces between the words are part of the rule.
namespace named {
// ASCII classes only: the standard ones are undefined on the bytes of UTF-8 characters (issue 11).
auto const space = +x3::lit(' ');
auto const law_word =
    (x3::lit("Act") | x3::lit("Code") | x3::lit("Ordinance") | x3::lit("Decree") | x3::lit("Proclamation")) >>
    !x3::ascii::alnum;
auto const cap_word = x3::ascii::upper >> *(x3::ascii::alnum | x3::char_('\'') | x3::char_('-'));
auto const joiner = (x3::lit("of") | x3::lit("and") | x3::lit("for") | x3::lit("on") | x3::lit("in") |
                     x3::lit("against") | x3::lit("the") | x3::lit("to")) >>
                    !x3::ascii::alnum;
auto const bracketed = x3::lit('(') >> cap_word >> *(space >> (cap_word | joiner)) >> x3::lit(')');
auto const piece = !law_word >> (cap_word | bracketed | joiner);
auto const year = -x3::lit(',') >> space >> x3::repeat(4)[x3::ascii::digit] >> !x3::ascii::alnum;
auto const title = !law_word >> cap_word >> *(space >> piece) >> space >> law_word >> -year;
}  // namespace named

}  // namespace palermo::citation::grammar
