// The penalty clause grammar (Spirit X3): terms of imprisonment and fines in English, French and
// Spanish, joined by "or"/"and"/"et"/"ou"/"y"/"o", with "or both" and "without the option of a fine".
// Included only by penalty.cpp.
#pragma once
#include <boost/fusion/include/at_c.hpp>
#include <boost/spirit/home/x3.hpp>

#include "grammars/penalty/ast.hpp"
#include "grammars/penalty/ast_adapted.hpp"
#include "grammars/penalty/grammar.hpp"
#include "grammars/penalty/words.hpp"

namespace palermo::penalty::grammar {

namespace x3 = boost::spirit::x3;
using boost::fusion::at_c;
using grammar_words::amount;
using grammar_words::apostrophe;
using grammar_words::kw;
using grammar_words::number;

// A word of a fine's amount ("not", "exceeding", "N$1", "currency", "points"), any run of
// non-space, non-punctuation bytes.
struct amount_word_parser : x3::parser<amount_word_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    It it = first;
    auto stop = [](char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == ':' || c == '(' ||
             c == ')' || c == '.';
    };
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    // "$1,000,000", "50.000": a separator between digits belongs to the amount.
    while (it != last && (!stop(*it) || ((*it == ',' || *it == '.') && it != first && digit(*std::prev(it)) &&
                                         std::next(it) != last && digit(*std::next(it)))))
      ++it;
    if (it == first) return false;
    first = it;
    return true;
  }
};
constexpr amount_word_parser amount_word{};

// ---- rules -------------------------------------------------------------------------------------
x3::rule<class duration_class, double> const duration = "duration";
x3::rule<class unit_class, double> const time_unit = "time unit";
x3::rule<class bounds_class, ast::Part> const bounds = "bounds";
x3::rule<class custody_en_class, ast::Part> const custody_en = "imprisonment";
x3::rule<class period_en_class, ast::Part> const period_en = "period of imprisonment";
x3::rule<class custody_fr_class, ast::Part> const custody_fr = "emprisonnement";
x3::rule<class custody_es_class, ast::Part> const custody_es = "prisión";
x3::rule<class fine_class, ast::Part> const fine = "fine";
x3::rule<class part_class, ast::Part> const part = "penalty";
x3::rule<class link_class, ast::Link> const link = "link";
clause_type const clause_rule = "penalty clause";

// ---- actions -----------------------------------------------------------------------------------
auto const set_max = [](auto& ctx) { x3::_val(ctx).max_years = x3::_attr(ctx); };
auto const set_life = [](auto& ctx) { x3::_val(ctx).life = true; };
auto const set_min_and_max = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  x3::_val(ctx).min_years = at_c<0>(a);
  if (at_c<1>(a)) x3::_val(ctx).max_years = *at_c<1>(a);
};
auto const set_range = [](auto& ctx) {  // "de cinco a quince años": both numbers in the one unit
  auto& a = x3::_attr(ctx);
  x3::_val(ctx).min_years = at_c<0>(a) * at_c<2>(a);
  x3::_val(ctx).max_years = at_c<1>(a) * at_c<2>(a);
};
auto const take_bounds = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };
auto const set_pair = [](auto& ctx) {  // "at least A but not exceeding B"
  x3::_val(ctx).min_years = at_c<0>(x3::_attr(ctx));
  x3::_val(ctx).max_years = at_c<1>(x3::_attr(ctx));
};
// Chile's scale of custodial penalties by degree: "presidio mayor en sus grados mínimo a medio".
// Years at the top of each degree (Código Penal de Chile, art 25 and the scale of art 56):
// menor: mínimo 540 days, medio 3 years, máximo 5 years; mayor: 10, 15 and 20 years.
auto const set_degrees = [](auto& ctx) {
  auto& a = x3::_attr(ctx);
  static constexpr double top[2][3] = {{1.5, 3, 5}, {10, 15, 20}};
  static constexpr double bottom[2][3] = {{61.0 / 365, 541.0 / 365, 3 + 1.0 / 365},
                                          {5 + 1.0 / 365, 10 + 1.0 / 365, 15 + 1.0 / 365}};
  const int kind = at_c<0>(a);
  int low = at_c<1>(a), high = at_c<2>(a) ? *at_c<2>(a) : low;
  if (high < low) std::swap(low, high);
  x3::_val(ctx).min_years = bottom[kind][low];
  x3::_val(ctx).max_years = top[kind][high];
};
auto const mark_fine = [](auto& ctx) { x3::_val(ctx).kind = ast::PartKind::fine; };
auto const multiply = [](auto& ctx) { x3::_val(ctx) = at_c<0>(x3::_attr(ctx)) * at_c<1>(x3::_attr(ctx)); };
auto const push_part = [](auto& ctx) { x3::_val(ctx).parts.push_back(x3::_attr(ctx)); };
auto const push_linked = [](auto& ctx) {
  x3::_val(ctx).links.push_back(at_c<0>(x3::_attr(ctx)));
  x3::_val(ctx).parts.push_back(at_c<1>(x3::_attr(ctx)));
};
auto const set_either = [](auto& ctx) { x3::_val(ctx).either_alone = true; };
auto const set_fine_excluded = [](auto& ctx) { x3::_val(ctx).fine_excluded = true; };

// ---- words -------------------------------------------------------------------------------------
auto const years = kw("years") | kw("year") | kw("yrs") | kw("ans") | kw("an") |
                   kw("ann\xC3\xA9"
                      "es") |
                   kw("ann\xC3\xA9"
                      "e") |
                   kw("a\xC3\xB1os") | kw("a\xC3\xB1o") | kw("anos");
auto const months = kw("months") | kw("month") | kw("mois") | kw("meses") | kw("mes");
auto const at_most = (kw("not") >> (kw("exceeding") | (kw("more") >> kw("than")) | kw("over"))) |
                     (kw("up") >> kw("to")) | (kw("at") >> kw("most")) |
                     (-kw("a") >> kw("maximum") >> -kw("term") >> kw("of"));
auto const at_least = (kw("not") >> kw("less") >> kw("than")) | (kw("at") >> kw("least")) |
                      (-kw("a") >> kw("minimum") >> -kw("term") >> kw("of"));
auto const reclusion_fr = kw("r\xC3\xA9"
                             "clusion") |
                          kw("reclusion") | kw("d\xC3\xA9tention") | kw("detention");
auto const prison_es = kw("prisi\xC3\xB3n") | kw("prision") | kw("reclusi\xC3\xB3n") | kw("reclusion") |
                       kw("presidio") | kw("pris\xC3\xA3o") | kw("prisao") | kw("reclus\xC3\xA3o") | kw("reclusao") |
                       kw("deten\xC3\xA7\xC3\xA3o") | kw("detencao");
// A number with its other spelling in brackets: "dix (10)", "4 (quatro)", "cinco (05)".
auto const bracketed = x3::omit[-('(' >> *(x3::char_ - ')' - '\n') >> ')')];
auto const num = number >> bracketed;
auto const currency_fr = kw("\xE2\x82\xAC") | kw("euros") | kw("EUR") | kw("francs");
// Words that end the amount of a fine: the next part or the next clause begins.
auto const amount_stop = kw("or") | kw("and") | kw("ou") | kw("et") | kw("o") | kw("y") | kw("if") | kw("where") |
                         kw("in") | kw("for") | kw("imprisonment") | kw("which") | kw("ni");
auto const amount_words = x3::repeat(0, 24)[(kw("hundred") >> kw("and")) | (!amount_stop >> amount_word)];

// ---- definitions -------------------------------------------------------------------------------
auto const time_unit_def = (years >> x3::attr(1.0)) | (months >> x3::attr(1.0 / 12.0));
// "fifteen (15) years", "twelve months"
auto const duration_def = (number >> bracketed >> time_unit)[multiply];

auto const bounds_def =
    (at_least >> duration >> -(-x3::lit(',') >> (kw("but") | kw("and")) >> at_most >> duration))[set_min_and_max] |
    (at_most >> duration)[set_max] | duration[set_max] | kw("life")[set_life];

auto const custody_en_def =
    (kw("life") >> kw("imprisonment"))[set_life] |
    // US style: "fined under this title or imprisoned not more than 20 years, or both"
    (kw("imprisoned") >> -kw("for") >> bounds)[take_bounds] |
    // "imprisonment for any term of years not less than 15 or for life"
    (kw("imprisonment") >> kw("for") >> kw("any") >> kw("term") >> kw("of") >> years >>
     x3::omit[-(at_least >> number)] >> -x3::lit(',') >> kw("or") >> kw("for") >> kw("life"))[set_life] |
    (kw("imprisonment") >> -((kw("for") | kw("of")) >> -(kw("a") >> (kw("term") | kw("period"))) >> -kw("of")) >>
     bounds)[take_bounds] |
    // Swiss and Council of Europe English: "a custodial sentence not exceeding ten years"
    (kw("custodial") >> kw("sentence") >> -(kw("of") | kw("for")) >> bounds)[take_bounds] |
    (kw("custodial") >> kw("sentence")) | kw("imprisonment");  // bare: "a fine or imprisonment", bounds unknown

// "for a period not exceeding seven years" with the imprisonment implied by what precedes it
// (penalty.cpp accepts it only after words such as "liable" or "sentenced").
auto const period_en_def = (kw("for") >> kw("a") >> (kw("period") | kw("term")) >> -kw("of") >> bounds)[take_bounds];

auto const custody_fr_def =
    (duration >>
     ((kw("d") >> apostrophe >> kw("emprisonnement")) | (kw("de") >> reclusion_fr >> kw("criminelle"))))[set_max] |
    // "de la réclusion de cinq à dix ans", "d'un emprisonnement de deux à cinq ans"
    ((reclusion_fr | kw("emprisonnement")) >> -kw("criminelle") >> kw("de") >> num >> (kw("\xC3\xA0") | kw("a")) >>
     num >> time_unit)[set_range] |
    // "d'un emprisonnement d'un an à dix ans" (Belgium): a unit after each number
    ((reclusion_fr | kw("emprisonnement")) >> (kw("de") | (kw("d") >> apostrophe)) >> duration >>
     (kw("\xC3\xA0") | kw("a")) >> duration)[set_pair] |
    // "emprisonnement de plus de dix ans mais n'excédant pas quinze ans", "l'emprisonnement d'au moins
    // dix (10) ans mais n'excédant pas quinze (15) ans" (Rwanda)
    ((reclusion_fr | kw("emprisonnement")) >>
     ((kw("de") >> kw("plus") >> kw("de")) | (kw("d") >> apostrophe >> kw("au") >> kw("moins"))) >> duration >>
     kw("mais") >> kw("n") >> apostrophe >> (kw("exc\xC3\xA9"
                                                "dant") |
                                             kw("excedant")) >>
     kw("pas") >> duration)[set_pair] |
    // "emprisonnement d'au moins cinq ans", "emprisonnement de dix ans"
    ((reclusion_fr | kw("emprisonnement")) >> kw("de") >> duration)[set_max] |
    (-kw("la") >> reclusion_fr >> kw("criminelle") >> (kw("\xC3\xA0") | kw("a")) >>
     (kw("perp\xC3\xA9tuit\xC3\xA9") | kw("perpetuite")))[set_life];

auto const degree_kind = x3::rule<class degree_kind_class, int>{"mayor or menor"} =
    (kw("mayor") >> x3::attr(1)) | (kw("menor") >> x3::attr(0));
auto const degree = x3::rule<class degree_class, int>{"degree"} =
    (kw("m\xC3\xADnimo") >> x3::attr(0)) | (kw("minimo") >> x3::attr(0)) | (kw("medio") >> x3::attr(1)) |
    (kw("m\xC3\xA1ximo") >> x3::attr(2)) | (kw("maximo") >> x3::attr(2));

auto const custody_es_def =
    (prison_es >> degree_kind >> kw("en") >> (kw("sus") | kw("su")) >> (kw("grados") | kw("grado")) >> degree >>
     -((kw("a") | kw("y") | x3::lit(',')) >> degree))[set_degrees] |
    // "con la pena de cinco a ocho años de prisión": the term before the kind of custody
    (-kw("pena") >> kw("de") >> num >> (kw("a") | kw("hasta")) >> num >> time_unit >> kw("de") >>
     prison_es)[set_range] |
    // Peru: "pena privativa de libertad no menor de ocho ni mayor de quince años"
    (kw("pena") >> kw("privativa") >> kw("de") >> kw("libertad") >>
     ((kw("no") >> kw("menor") >> kw("de") >> num >> (kw("ni") | kw("y")) >> kw("mayor") >> kw("de") >> num >>
       time_unit)[set_range] |
      (kw("de") >> num >> (kw("a") | kw("hasta")) >> num >> time_unit)[set_range])) |
    (-(kw("pena") >> kw("de")) >> prison_es >> -(kw("maior") | kw("mayor")) >> -x3::lit(',') >>
     ((kw("perpetua") | kw("permanente") | kw("perp\xC3\xA9tua"))[set_life] |
      (kw("de") >> num >> (kw("a") | kw("hasta") | kw("at\xC3\xA9")) >> num >> time_unit)[set_range] |
      ((kw("de") | kw("hasta") | kw("at\xC3\xA9")) >> duration)[set_max]));

auto const fine_def = ((-kw("a") >> kw("fine") >> amount_words) |                           // English
                       (kw("fined") >> amount_words) |                                      // US
                       (amount >> -currency_fr >> kw("d") >> apostrophe >> kw("amende")) |  // French
                       (kw("une") >> kw("amende") >> -(kw("de") >> amount >> -currency_fr)) |
                       (kw("multa") >> amount_words) |  // Spanish, Portuguese
                       (-kw("a") >> kw("monetary") >> kw("penalty") >> amount_words))[mark_fine];  // Swiss English

auto const part_def = custody_en | custody_fr | custody_es | period_en | fine;

auto const link_def =
    // "fined under this title, imprisoned not more than 20 years, or both": a comma between the two
    (x3::lit(',') >> &kw("imprisoned") >> x3::attr(ast::Link::or_instead)) |
    (-x3::lit(',') >> (kw("and/or") | (kw("or") >> -kw("to")) | (kw("ou") >> -(kw("de") | (kw("d") >> apostrophe))) |
                       (kw("o") >> -kw("con"))) >>
     x3::attr(ast::Link::or_instead)) |
    (-x3::lit(',') >>
     ((kw("and") >> -kw("to")) | (kw("et") >> -(kw("de") | (kw("d") >> apostrophe))) | (kw("y") >> -kw("con"))) >>
     x3::attr(ast::Link::and_also));

auto const either_tail =
    (-x3::lit(',') >> ((kw("or") >> -kw("to") >> kw("both") >>
                        -(kw("such") >> kw("fine") >> kw("and") >> kw("such") >> kw("imprisonment"))) |
                       (kw("ou") >> kw("de") >> kw("l") >> apostrophe >> kw("une") >> kw("de") >> kw("ces") >>
                        kw("deux") >> kw("peines") >> -kw("seulement")) |
                       (kw("o") >> kw("ambas") >> -(kw("penas")))))[set_either];
auto const no_fine_tail =
    (kw("without") >> kw("the") >> kw("option") >> kw("of") >> -kw("a") >> kw("fine"))[set_fine_excluded];

auto const clause_rule_def = part[push_part] >> *((link >> part)[push_linked]) >> *(either_tail | no_fine_tail);

BOOST_SPIRIT_DEFINE(time_unit, duration, bounds, custody_en, period_en, custody_fr, custody_es, fine, part, link,
                    clause_rule)

}  // namespace palermo::penalty::grammar
