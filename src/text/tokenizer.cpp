// Unicode folding of UTF-8 text and the Snowball-stemming tokenizer (see tokenizer.hpp).
#include "text/tokenizer.hpp"

#include <libstemmer.h>

#include "util/utf8.hpp"

#include <array>
#include <functional>

namespace palermo::text {
namespace {

// ---- UTF-8 decoding ---------------------------------------------------------------------------
// Strict decoder: overlong forms, surrogates and values past U+10FFFF are invalid. An invalid byte
// is consumed alone and reported as kInvalid, so callers treat it as a separator and never stall.
constexpr char32_t kInvalid = 0xFFFFFFFF;

struct Decoded {
  char32_t code;
  std::size_t length;
};

Decoded decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return {kInvalid, 1};
  }
  if (i + len > s.size()) return {kInvalid, 1};
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {kInvalid, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {kInvalid, 1};
  return {cp, len};
}

// ---- folding tables ---------------------------------------------------------------------------
// Latin-1 Supplement U+00C0..U+00FF: the accent-free lower-case spelling; nullptr for × and ÷,
// which are symbols, not letters.
constexpr std::array<const char*, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
};

// Latin Extended-A U+0100..U+017F: base letter of each code point (upper and lower case alike);
// '?' marks the ligatures Ĳ ĳ Œ œ, which expand to two letters.
constexpr std::string_view kLatinExtA =
    "aaaaaa"
    "cccccccc"
    "dddd"
    "eeeeeeeeee"
    "gggggggg"
    "hhhh"
    "iiiiiiiiii"
    "??"
    "jj"
    "kkk"
    "llllllllll"
    "nnnnnnnnn"
    "oooooo"
    "??"
    "rrrrrr"
    "ssssssss"
    "tttttt"
    "uuuuuuuuuuuu"
    "ww"
    "yyy"
    "zzzzzz"
    "s";
static_assert(kLatinExtA.size() == 128);

enum class CharClass { separator, letter };

// Folds one code point onto `out`. Returns whether it belongs to a word. Combining marks are
// word characters that fold to nothing, so "e" + U+0301 folds to "e" within the same word.
CharClass fold_code_point(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') {
      out += static_cast<char>(cp - 'A' + 'a');
      return CharClass::letter;
    }
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      out += static_cast<char>(cp);
      return CharClass::letter;
    }
    return CharClass::separator;
  }
  if (cp == kInvalid) return CharClass::separator;
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char* f = kLatin1[cp - 0xC0];
    if (f == nullptr) return CharClass::separator;
    out += f;
    return CharClass::letter;
  }
  if (cp == 0xB5) {  // micro sign: a Greek mu in disguise
    append_utf8(out, 0x3BC);
    return CharClass::letter;
  }
  // The soft hyphen PDF conversions leave inside words ("traffick\u00ADing") is part of the word and
  // folds to nothing, so the word is read, matched and highlighted whole.
  if (cp == 0xAD) return CharClass::letter;
  if (cp < 0xC0) return CharClass::separator;  // Latin-1 punctuation and symbols: « » ° § NBSP
  if (cp >= 0x100 && cp <= 0x17F) {
    const char base = kLatinExtA[cp - 0x100];
    if (base != '?') {
      out += base;
    } else {
      out += (cp == 0x132 || cp == 0x133) ? "ij" : "oe";
    }
    return CharClass::letter;
  }
  if (cp >= 0x218 && cp <= 0x21B) {  // Romanian comma-below letters Ș ș Ț ț
    out += cp <= 0x219 ? 's' : 't';
    return CharClass::letter;
  }
  if (cp >= 0x300 && cp <= 0x36F) return CharClass::letter;  // combining diacritics: dropped
  if (cp == 0x1E9E) {                                        // capital sharp s, as in STRAẞE
    out += "ss";
    return CharClass::letter;
  }
  // Greek and Cyrillic: simple one-to-one lower-casing of the basic capitals.
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) {
    append_utf8(out, cp + 0x20);
    return CharClass::letter;
  }
  if (cp == 0x3C2) {  // final sigma folds to sigma, so word forms compare equal
    append_utf8(out, 0x3C3);
    return CharClass::letter;
  }
  if (cp >= 0x410 && cp <= 0x42F) {
    append_utf8(out, cp + 0x20);
    return CharClass::letter;
  }
  if (cp >= 0x400 && cp <= 0x40F) {
    append_utf8(out, cp + 0x50);
    return CharClass::letter;
  }
  // Punctuation, spaces and symbol blocks are separators: General Punctuation (curly quotes,
  // dashes, special spaces) through Miscellaneous Symbols and Arrows; Supplemental Punctuation;
  // CJK punctuation; the BOM and specials; emoji and pictographs.
  if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) ||
      cp == 0xFEFF || (cp >= 0xFFF0 && cp <= 0xFFFF) || (cp >= 0x1F000 && cp <= 0x1FAFF)) {
    return CharClass::separator;
  }
  append_utf8(out, cp);  // any other letter of any script: kept as it is
  return CharClass::letter;
}

// Lower-cases one letter, keeping its diacritics, for the stemmer: Snowball's French, Spanish and
// Portuguese rules look at accents ("exploitée" -> exploit, "explotación" -> explot), which
// the accent-free forms would miss ("exploitee" -> exploite, "explotacion" unchanged).
void lower_code_point(char32_t cp, std::string& out) {
  if (cp >= 'A' && cp <= 'Z') {
    out += static_cast<char>(cp - 'A' + 'a');
    return;
  }
  if (cp < 0x80) {
    out += static_cast<char>(cp);
    return;
  }
  char32_t lower = cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
    lower = cp + 0x20;
  } else if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A pairs capital and small letter; the capital is even in U+0100..U+0137 and
    // U+014A..U+0177, odd in U+0139..U+0148 and U+0179..U+017E. Ÿ's small letter is U+00FF.
    const bool even_capital = (cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
    const bool odd_capital = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (cp == 0x130)
      lower = 'i';
    else if (cp == 0x178)
      lower = 0xFF;
    else if (even_capital && cp % 2 == 0)
      lower = cp + 1;
    else if (odd_capital && cp % 2 == 1)
      lower = cp + 1;
  } else if ((cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) || (cp >= 0x410 && cp <= 0x42F)) {
    lower = cp + 0x20;
  } else if (cp >= 0x400 && cp <= 0x40F) {
    lower = cp + 0x50;
  } else if (cp == 0x218 || cp == 0x21A) {
    lower = cp + 1;
  } else if (cp == 0x1E9E) {
    lower = 0xDF;
  }
  append_utf8(out, lower);
}

// How fold() writes a separator: typographic punctuation becomes its ASCII equivalent, so folded
// text compares the same whichever quotes or dashes the drafter's word processor used.
void append_separator(std::string& out, char32_t cp, std::string_view original) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp == kInvalid || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
             cp == 0x3000 || cp == 0xFEFF) {
    out += ' ';
  } else if (cp >= 0x2010 && cp <= 0x2015) {
    out += '-';
  } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032) {
    out += '\'';
  } else if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F || cp == 0xAB || cp == 0xBB) {
    out += '"';
  } else {
    out += original;
  }
}

const char* snowball_name(Language lang) {
  switch (lang) {
    case Language::english:
      return "english";
    case Language::french:
      return "french";
    case Language::spanish:
      return "spanish";
    case Language::portuguese:
      return "portuguese";
    case Language::other:
      return nullptr;
  }
  return nullptr;
}

bool all_digits(std::string_view word) {
  for (char c : word)
    if (c < '0' || c > '9') return false;
  return true;
}

inline bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Calls on_word(folded, lower, begin, end) for every word of `text`: a run of letters and digits,
// folded and merely lower-cased, with byte offsets into `text`. Both buffers are reused, so
// splitting allocates nothing per word. While a word is all ASCII its lower-cased form is its folded
// form, and on_word gets the same string twice (&lower == &folded): `lower` is only filled from a
// word's first other letter on.
template <class OnWord>
void for_each_word(std::string_view text, OnWord&& on_word) {
  std::string folded;
  std::string lower;
  bool ascii_only = true;  // the current word has had only ASCII letters and digits
  std::size_t word_begin = 0;
  bool in_word = false;
  auto end_word = [&](std::size_t end) {
    in_word = false;
    if (!folded.empty()) on_word(folded, ascii_only ? folded : lower, word_begin, end);  // empty: only marks
    folded.clear();
    lower.clear();
    ascii_only = true;
  };
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      if (!is_ascii_alnum(text[i])) {  // ASCII punctuation and spaces end a word
        if (in_word) end_word(i);
        ++i;
        continue;
      }
      // A run of ASCII letters and digits, lower-cased at once.
      if (!in_word) {
        in_word = true;
        word_begin = i;
      }
      std::size_t j = i;
      while (j < text.size() && is_ascii_alnum(text[j])) ++j;
      const std::size_t at = folded.size();
      folded.append(text.data() + i, j - i);
      for (std::size_t k = at; k < folded.size(); ++k)
        if (folded[k] <= 'Z' && folded[k] >= 'A') folded[k] = static_cast<char>(folded[k] + ('a' - 'A'));
      if (!ascii_only) lower.append(folded, at, std::string::npos);
      i = j;
      continue;
    }
    const Decoded d = decode(text, i);
    const std::size_t before = folded.size();
    const bool letter = fold_code_point(d.code, folded) == CharClass::letter;
    if (letter) {
      if (!in_word) {
        in_word = true;
        word_begin = i;
      }
      if (folded.size() > before) {  // combining marks fold to nothing and are dropped from both
        if (ascii_only) {
          lower.assign(folded, 0, before);  // the word's ASCII part, identical in both forms
          ascii_only = false;
        }
        lower_code_point(d.code, lower);
      }
    } else if (in_word) {
      end_word(i);
    }
    i += d.length;
  }
  if (in_word) end_word(text.size());
}

}  // namespace

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    // ASCII, most of any statute, folds byte for byte: capitals lowered, everything else kept (what
    // fold_code_point and append_separator do with it, without decoding).
    const char c = utf8[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
      ++i;
      continue;
    }
    const Decoded d = decode(utf8, i);
    if (fold_code_point(d.code, out) == CharClass::separator) append_separator(out, d.code, utf8.substr(i, d.length));
    i += d.length;
  }
  return out;
}

std::uint64_t Vocabulary::hash(std::string_view word) { return std::hash<std::string_view>{}(word); }

std::uint32_t Vocabulary::find(std::string_view word, std::uint64_t word_hash) const {
  if (table_.empty()) return kAbsent;
  const std::size_t mask = table_.size() - 1;
  for (std::size_t i = word_hash & mask;; i = (i + 1) & mask) {
    const std::uint32_t id = table_[i];
    if (id == kAbsent) return kAbsent;
    if (hashes_[id] == word_hash && strings_[id] == word) return id;
  }
}

std::uint32_t Vocabulary::intern(std::string_view word) {
  const std::uint64_t h = hash(word);
  if (const std::uint32_t id = find(word, h); id != kAbsent) return id;
  if ((strings_.size() + 1) * 2 > table_.size()) {  // keep the table at most half full
    table_.assign(table_.empty() ? 4096 : table_.size() * 2, kAbsent);
    const std::size_t mask = table_.size() - 1;
    for (std::uint32_t id = 0; id < strings_.size(); ++id) {
      std::size_t i = hashes_[id] & mask;
      while (table_[i] != kAbsent) i = (i + 1) & mask;
      table_[i] = id;
    }
  }
  const auto id = static_cast<std::uint32_t>(strings_.size());
  strings_.emplace_back(word);
  hashes_.push_back(h);
  const std::size_t mask = table_.size() - 1;
  std::size_t i = h & mask;
  while (table_[i] != kAbsent) i = (i + 1) & mask;
  table_[i] = id;
  return id;
}

struct Tokenizer::Impl {
  struct StemmerDeleter {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
  };
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer;
  std::shared_ptr<Vocabulary> vocabulary = std::make_shared<Vocabulary>();
  // A statute uses a few thousand distinct words many times over; caching their forms' numbers makes
  // tokenizing large acts several times faster. An open-addressing table keyed by the lower-cased
  // word (one probe, no node allocations); emptied when it reaches kMaxSlots (the vocabulary keeps
  // every form, so numbers stay the same).
  struct Slot {
    std::uint64_t hash = 0;
    bool used = false;
    std::string word;
    std::uint32_t term = 0;
    std::uint32_t folded = 0;
  };
  std::vector<Slot> slots;
  std::size_t used = 0;
  static constexpr std::size_t kInitialSlots = 4096;
  static constexpr std::size_t kMaxSlots = 1 << 16;  // 32k words, ~5 MB

  // Slot index for `word`: its own slot when cached, else the free slot where it belongs.
  std::size_t probe(std::string_view word, std::uint64_t hash) const {
    const std::size_t mask = slots.size() - 1;
    std::size_t i = hash & mask;
    while (slots[i].used && !(slots[i].hash == hash && slots[i].word == word)) i = (i + 1) & mask;
    return i;
  }

  void grow() {
    std::vector<Slot> old = std::move(slots);
    const bool start_afresh = old.size() >= kMaxSlots;  // too many distinct words: forget them
    slots = std::vector<Slot>(old.empty() || start_afresh ? kInitialSlots : old.size() * 2);
    used = 0;
    if (start_afresh) return;
    for (Slot& s : old) {
      if (!s.used) continue;
      slots[probe(s.word, s.hash)] = std::move(s);
      ++used;
    }
  }

  struct Forms {
    std::uint32_t term, folded;
  };
  // The numbers of a word's index form (the lower-cased word stemmed with its accents, then folded)
  // and of its folded form.
  Forms forms(std::string_view lower, std::string_view folded) {
    if (slots.empty()) grow();
    const std::uint64_t hash = std::hash<std::string_view>{}(lower);
    std::size_t i = probe(lower, hash);
    if (slots[i].used) {
      const Slot& slot = slots[i];
      // Words equal once lower-cased fold alike (an all-ASCII word, passed as one string for both, is
      // its own folded form); otherwise checked, as it costs one short comparison.
      if (lower.data() == folded.data() || vocabulary->text(slot.folded) == folded) return {slot.term, slot.folded};
      return {slot.term, vocabulary->intern(folded)};
    }
    if ((used + 1) * 2 > slots.size()) {  // keep the table at most half full
      grow();
      i = probe(lower, hash);
    }
    Slot& slot = slots[i];
    slot.used = true;
    slot.hash = hash;
    slot.word.assign(lower);
    ++used;
    slot.folded = vocabulary->intern(folded);
    if (!stemmer || all_digits(folded)) {
      slot.term = slot.folded;
    } else {
      const sb_symbol* s = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(lower.data()),
                                           static_cast<int>(lower.size()));
      // Snowball returns nullptr only when out of memory; fall back to the unstemmed word.
      slot.term =
          s == nullptr
              ? slot.folded
              : vocabulary->intern(fold(std::string_view(reinterpret_cast<const char*>(s),
                                                         static_cast<std::size_t>(sb_stemmer_length(stemmer.get())))));
    }
    return {slot.term, slot.folded};
  }
};

Tokenizer::Tokenizer(Language lang) : lang_(lang), impl_(std::make_unique<Impl>()) {
  if (const char* name = snowball_name(lang)) impl_->stemmer.reset(sb_stemmer_new(name, "UTF_8"));
  // A libstemmer built without this language leaves the stemmer empty: we then fold only.
}
Tokenizer::~Tokenizer() = default;
const std::shared_ptr<const Vocabulary> Tokenizer::vocabulary() const { return impl_->vocabulary; }
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

std::string Tokenizer::stem(std::string_view word) const {
  std::string out;
  bool first = true;
  for_each_word(word, [&](const std::string& folded, const std::string& lower, std::size_t, std::size_t) {
    if (!first) out += ' ';  // not one word after all: stem each part
    first = false;
    out += impl_->vocabulary->text(impl_->forms(lower, folded).term);
  });
  return out;
}

TokenList Tokenizer::tokenize(std::string_view text) const {
  TokenList list;
  list.vocabulary = impl_->vocabulary;
  std::vector<Token>& tokens = list.tokens;
  tokens.reserve(text.size() / 7);  // about one word per 6-7 bytes of English or French prose
  std::size_t previous_end = 0;
  for_each_word(text, [&](const std::string& folded, const std::string& lower, std::size_t begin, std::size_t end) {
    const Impl::Forms forms = impl_->forms(lower, folded);
    Token t;
    t.term = forms.term;
    t.folded = forms.folded;
    t.after_break =
        !tokens.empty() && text.substr(previous_end, begin - previous_end).find('\n') != std::string_view::npos;
    previous_end = end;
    t.begin = static_cast<std::uint32_t>(begin);
    t.end = static_cast<std::uint32_t>(end);
    t.position = static_cast<std::uint32_t>(tokens.size());
    tokens.push_back(t);
  });
  return list;
}

void Tokenizer::scan(std::string_view text, void* context, EmitWord emit) const {
  bool go_on = true;
  for_each_word(text, [&](const std::string& folded, const std::string& lower, std::size_t begin, std::size_t end) {
    if (!go_on) return;
    const std::string_view term = impl_->vocabulary->text(impl_->forms(lower, folded).term);
    go_on = emit(context, term, folded, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end));
  });
}

std::vector<std::string> fold_words(std::string_view utf8) {
  std::vector<std::string> words;
  for_each_word(
      utf8, [&](const std::string& folded, const std::string&, std::size_t, std::size_t) { words.push_back(folded); });
  return words;
}

std::vector<std::string> lower_words(std::string_view utf8) {
  std::vector<std::string> words;
  for_each_word(
      utf8, [&](const std::string&, const std::string& lower, std::size_t, std::size_t) { words.push_back(lower); });
  return words;
}

}  // namespace palermo::text
