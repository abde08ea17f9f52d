// Small hand-written Spirit X3 primitives shared by the penalty and citation grammars: whole-word
// keywords (ASCII case-insensitive, UTF-8 safe), number words in English/French/Spanish, amounts.
#pragma once
#include <boost/spirit/home/x3.hpp>
#include <iterator>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace palermo::grammar_words {

namespace x3 = boost::spirit::x3;

// A byte that may be part of a word: ASCII letters/digits, or any byte of a UTF-8 sequence
// (so "réclusion" is one word). Never calls <cctype> with a negative value.
inline bool is_word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u);
}
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Matches `word` as a whole word: case-insensitive for ASCII letters, and not followed by another
// word byte (so "or" does not match "order"). Honours the skipper.
struct keyword_parser : x3::parser<keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  std::string_view word;
  constexpr explicit keyword_parser(std::string_view w) : word(w) {}

  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    It it = first;
    for (char expected : word) {
      if (it == last || ascii_lower(*it) != ascii_lower(expected)) return false;
      ++it;
    }
    // A typographic apostrophe (U+2019) ends a word ("d’emprisonnement") though its bytes are not ASCII.
    const bool apostrophe_follows = std::distance(it, last) >= 3 && static_cast<unsigned char>(*it) == 0xE2 &&
                                    static_cast<unsigned char>(*std::next(it)) == 0x80 &&
                                    static_cast<unsigned char>(*std::next(it, 2)) == 0x99;
    if (it != last && is_word_byte(*it) && !apostrophe_follows && !word.empty() && is_word_byte(word.back()))
      return false;
    first = it;
    return true;
  }
};
constexpr keyword_parser kw(std::string_view w) { return keyword_parser(w); }

// An apostrophe, straight or typographic ("d'emprisonnement", "d’amende").
struct apostrophe_parser : x3::parser<apostrophe_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    if (first != last && *first == '\'') {
      ++first;
      return true;
    }
    static constexpr std::string_view curly = "\xE2\x80\x99";
    It it = first;
    for (char c : curly) {
      if (it == last || *it != c) return false;
      ++it;
    }
    first = it;
    return true;
  }
};
constexpr apostrophe_parser apostrophe{};

// The value of one number word ("twenty", "quinze", "veinticinco"), 0 when it is not one.
inline int number_word_value(std::string_view w) {
  struct Entry {
    std::string_view word;
    int value;
  };
  static constexpr Entry table[] = {
      // English
      {"one", 1},
      {"two", 2},
      {"three", 3},
      {"four", 4},
      {"five", 5},
      {"six", 6},
      {"seven", 7},
      {"eight", 8},
      {"nine", 9},
      {"ten", 10},
      {"eleven", 11},
      {"twelve", 12},
      {"thirteen", 13},
      {"fourteen", 14},
      {"fifteen", 15},
      {"sixteen", 16},
      {"seventeen", 17},
      {"eighteen", 18},
      {"nineteen", 19},
      {"twenty", 20},
      {"thirty", 30},
      {"forty", 40},
      {"fifty", 50},
      {"sixty", 60},
      {"seventy", 70},
      {"eighty", 80},
      {"ninety", 90},
      // French ("dix-sept" is dix + sept; "quatre-vingts" is listed whole)
      {"un", 1},
      {"une", 1},
      {"deux", 2},
      {"trois", 3},
      {"quatre", 4},
      {"cinq", 5},
      {"sept", 7},
      {"huit", 8},
      {"neuf", 9},
      {"dix", 10},
      {"onze", 11},
      {"douze", 12},
      {"treize", 13},
      {"quatorze", 14},
      {"quinze", 15},
      {"seize", 16},
      {"vingt", 20},
      {"trente", 30},
      {"quarante", 40},
      {"cinquante", 50},
      {"soixante", 60},
      {"quatre-vingt", 80},
      {"quatre-vingts", 80},
      // Spanish
      {"uno", 1},
      {"una", 1},
      {"dos", 2},
      {"tres", 3},
      {"cuatro", 4},
      {"cinco", 5},
      {"seis", 6},
      {"siete", 7},
      {"ocho", 8},
      {"nueve", 9},
      {"diez", 10},
      {"once", 11},
      {"doce", 12},
      {"trece", 13},
      {"catorce", 14},
      {"quince", 15},
      {"dieciseis", 16},
      {"diecis\xC3\xA9is", 16},
      {"diecisiete", 17},
      {"dieciocho", 18},
      {"diecinueve", 19},
      {"veinte", 20},
      {"veintiuno", 21},
      {"veintid\xC3\xB3s", 22},
      {"veintidos", 22},
      {"veintitr\xC3\xA9s", 23},
      {"veintitres", 23},
      {"veinticuatro", 24},
      {"veinticinco", 25},
      {"veintiseis", 26},
      {"veintis\xC3\xA9is", 26},
      {"veintisiete", 27},
      {"veintiocho", 28},
      {"veintinueve", 29},
      {"treinta", 30},
      {"cuarenta", 40},
      {"cincuenta", 50},
      {"sesenta", 60},
      // Portuguese (where it differs from Spanish)
      {"um", 1},
      {"dois", 2},
      {"duas", 2},
      {"tr\xC3\xAAs", 3},
      {"quatro", 4},
      {"sete", 7},
      {"oito", 8},
      {"nove", 9},
      {"dez", 10},
      {"doze", 12},
      {"treze", 13},
      {"catorze", 14},
      {"quatorze", 14},
      {"dezesseis", 16},
      {"dezasseis", 16},
      {"dezessete", 17},
      {"dezassete", 17},
      {"dezoito", 18},
      {"dezenove", 19},
      {"dezanove", 19},
      {"vinte", 20},
      {"trinta", 30},
      {"quarenta", 40},
  };
  for (const auto& e : table)
    if (e.word == w) return e.value;
  return 0;
}
inline bool is_hundred_word(std::string_view w) {
  return w == "hundred" || w == "cent" || w == "cents" || w == "cien" || w == "ciento";
}

// A whole number written in digits ("30", "1 000 000" is not taken: see amount) or in words, up to
// the hundreds: "twenty-five", "one hundred and twenty", "dix-huit", "treinta y cinco".
struct number_parser : x3::parser<number_parser> {
  using attribute_type = double;

  template <class It>
  static std::string read_word(It it, It last) {
    std::string w;
    while (it != last && (is_word_byte(*it) || *it == '-')) w += ascii_lower(*it++);
    return w;
  }

  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr& attr) const {
    x3::skip_over(first, last, ctx);
    It it = first;
    if (it != last && std::isdigit(static_cast<unsigned char>(*it))) {
      double v = 0;
      while (it != last && std::isdigit(static_cast<unsigned char>(*it))) v = v * 10 + (*it++ - '0');
      if (it != last && is_word_byte(*it)) return false;  // "3A", "1st"
      first = it;
      x3::traits::move_to(v, attr);
      return true;
    }
    double total = 0;
    bool any = false;
    for (;;) {
      It word_begin = it;
      while (word_begin != last && (*word_begin == ' ')) ++word_begin;
      std::string w = read_word(word_begin, last);
      if (w.empty()) break;
      // A connecting "and"/"y" counts only between two number words ("one hundred and twenty").
      if (any && (w == "and" || w == "y")) {
        It after = word_begin + static_cast<std::ptrdiff_t>(w.size());
        while (after != last && *after == ' ') ++after;
        std::string next = read_word(after, last);
        if (number_word_value(next) == 0 || is_hundred_word(next)) break;
        it = after;
        continue;
      }
      // Split "twenty-five", "dix-huit" on hyphens; every part must be a number word.
      double word_total = 0;
      bool all_numbers = true, hundred_seen = false;
      std::size_t start = 0;
      while (start <= w.size()) {
        std::size_t dash = w.find('-', start);
        std::string part = w.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
        if (is_hundred_word(part)) {
          hundred_seen = true;
        } else if (int v = number_word_value(part); v > 0) {
          word_total += v;
        } else {
          all_numbers = false;
          break;
        }
        if (dash == std::string::npos) break;
        start = dash + 1;
      }
      if (!all_numbers) break;
      if (hundred_seen)
        total = (total + word_total == 0 ? 1 : total + word_total) * 100;
      else
        total += word_total;
      any = true;
      it = word_begin + static_cast<std::ptrdiff_t>(w.size());
    }
    if (!any) return false;
    first = it;
    x3::traits::move_to(total, attr);
    return true;
  }
};
constexpr number_parser number{};

// A sum of money written in digits: "1 500 000", "N$1 000 000", "150,000"; digit groups may be
// separated by spaces, no-break spaces, commas or dots. The value is not kept.
struct amount_parser : x3::parser<amount_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  template <class It, class Ctx, class RCtx, class Attr>
  bool parse(It& first, It const& last, Ctx const& ctx, RCtx&, Attr&) const {
    x3::skip_over(first, last, ctx);
    It it = first;
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    if (it == last || !digit(*it)) return false;
    while (it != last && digit(*it)) ++it;
    for (;;) {  // further groups of three digits
      It sep = it;
      if (sep != last && (*sep == ' ' || *sep == ',' || *sep == '.'))
        ++sep;
      else if (sep != last && static_cast<unsigned char>(*sep) == 0xC2 && std::next(sep) != last &&
               static_cast<unsigned char>(*std::next(sep)) == 0xA0)
        sep += 2;
      else if (sep != last && static_cast<unsigned char>(*sep) == 0xE2 && std::distance(sep, last) >= 3 &&
               static_cast<unsigned char>(*std::next(sep, 2)) == 0xAF)
        sep += 3;
      else
        break;
      It g = sep;
      int n = 0;
      while (g != last && digit(*g) && n < 4) {
        ++g;
        ++n;
      }
      if (n != 3) break;
      it = g;
    }
    first = it;
    return true;
  }
};
constexpr amount_parser amount{};

// Statute text converted from PDF or HTML keeps soft hyphens inside words ("im\u00ADprisonment").
// The grammars read a copy without them; `original` maps each byte of the copy back.
struct SoftHyphenFree {
  std::string text;
  std::vector<std::size_t> original;  // size text.size() + 1
};
inline bool has_soft_hyphen(std::string_view s) { return s.find("\xC2\xAD") != std::string_view::npos; }
inline SoftHyphenFree without_soft_hyphens(std::string_view s) {
  SoftHyphenFree out;
  out.text.reserve(s.size());
  out.original.reserve(s.size() + 1);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xAD') {
      ++i;
      continue;
    }
    out.text += s[i];
    out.original.push_back(i);
  }
  out.original.push_back(s.size());
  return out;
}

}  // namespace palermo::grammar_words
