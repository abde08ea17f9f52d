// The one tokenizer of palermo: used to check statutes against evidence patterns, registered with
// SQLite FTS5 for the index, and used to highlight matches. Words are lower-cased, stemmed with
// Snowball (libstemmer) in the document's language while they still carry their accents, then
// folded (diacritics removed), so that "recruits", "recruited" and "recruitment" meet, and
// "exploitation" matches "exploiter" and "exploitée".
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace palermo::text {

enum class Language { english, french, spanish, portuguese, other };

// "eng"/"en"/"english" -> english, "fra"/"fre"/"fr" -> french, "spa"/"es" -> spanish,
// "por"/"pt" -> portuguese; anything else -> other (folding only, no stemming).
Language language_from_code(std::string_view code);
// ISO 639-2 code: "eng", "fra", "spa", "por", "und".
std::string_view language_code(Language lang);
// The language of a text by its commonest words (English, French, Spanish, Portuguese), or `other`
// when it reads as none of them. For documents that do not declare their language.
Language detect_language(std::string_view utf8);
// "Greek (ell)" for an ISO 639 code, for messages; the code itself when unknown.
std::string language_name(std::string_view iso639);

// Lower case and diacritics removed ("Élément" -> "element", "niñas" -> "ninas", "ß" -> "ss").
// Typographic quotes, dashes and spaces become their ASCII forms; invalid UTF-8 bytes become spaces.
std::string fold(std::string_view utf8);
// The folded words of a text, split as Tokenizer::tokenize splits them, without stemming
// ("Traite d’êtres" -> traite, d, etres).
std::vector<std::string> fold_words(std::string_view utf8);
// The same words lower-cased only, accents kept ("Traite d’Êtres" -> traite, d, êtres): how
// patterns keep their words, so that stemming sees the accents (see Token::term).
std::vector<std::string> lower_words(std::string_view utf8);

// Every word form a tokenizer has met (index forms and folded forms), each numbered once: tokens
// carry these numbers, not strings, so a 4 MB act's half a million tokens cost no string copies, and
// the index groups them by number. Numbers are never reused or moved; the texts stay where they are.
class Vocabulary {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFF;
  // The hash the vocabulary files its words under (CompiledWord keeps it precomputed).
  static std::uint64_t hash(std::string_view word);

  std::string_view text(std::uint32_t id) const { return strings_[id]; }
  std::uint32_t size() const { return static_cast<std::uint32_t>(strings_.size()); }
  // The number of `word`, or kAbsent when the vocabulary has never met it.
  std::uint32_t find(std::string_view word) const { return find(word, hash(word)); }
  std::uint32_t find(std::string_view word, std::uint64_t word_hash) const;
  // The number of `word`, given one if it has none yet.
  std::uint32_t intern(std::string_view word);

 private:
  std::deque<std::string> strings_;    // by number; a deque, so texts never move
  std::vector<std::uint64_t> hashes_;  // by number
  std::vector<std::uint32_t> table_;   // open addressing over numbers, kAbsent where empty
};

struct Token {
  // The index form: the lower-cased word stemmed with its accents, then folded ("recruit";
  // "exploitée" -> exploit). Stemming before folding matters for French, Spanish and Portuguese.
  std::uint32_t term = 0;      // its number in the tokenizer's Vocabulary
  std::uint32_t folded = 0;    // the folded form only ("recruitment"), for prefix queries
  std::uint32_t begin = 0;     // byte offset of the word in the source text
  std::uint32_t end = 0;       // one past its last byte
  std::uint32_t position = 0;  // 0-based word position, for phrases and NEAR
  // A line break stands between this word and the one before: in a statute's flattened text that is
  // the end of one provision or heading and the start of the next, and no phrase runs across it
  // ("similar to slavery;\n servitude" is not "slavery servitude"). FTS5 rows end there too.
  bool after_break = false;
};

// The tokens of a text, with the vocabulary that spells their forms (kept alive with them).
struct TokenList {
  std::vector<Token> tokens;
  std::shared_ptr<const Vocabulary> vocabulary;

  std::size_t size() const { return tokens.size(); }
  bool empty() const { return tokens.empty(); }
  const Token& operator[](std::size_t i) const { return tokens[i]; }
  const Token& at(std::size_t i) const { return tokens.at(i); }
  std::vector<Token>::const_iterator begin() const { return tokens.begin(); }
  std::vector<Token>::const_iterator end() const { return tokens.end(); }
  std::string_view term(const Token& t) const { return vocabulary->text(t.term); }
  std::string_view folded(const Token& t) const { return vocabulary->text(t.folded); }
};

// Not thread-safe (a Snowball stemmer holds state): make one per thread.
class Tokenizer {
 public:
  explicit Tokenizer(Language lang);
  ~Tokenizer();
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;

  Language language() const { return lang_; }
  // The vocabulary numbering the word forms of every text this tokenizer reads.
  const std::shared_ptr<const Vocabulary> vocabulary() const;
  // Splits on anything that is not a letter or digit (apostrophes split: "l'article" -> l, article;
  // hyphens split: "225-4-1" -> 225, 4, 1), folds and stems each word.
  TokenList tokenize(std::string_view text) const;
  // The same words as tokenize, handed to `emit` one at a time without building Token objects
  // (the FTS5 tokenizer's path: no allocation per word). `emit` returns false to stop early.
  using EmitWord = bool (*)(void* context, std::string_view term, std::string_view folded, std::uint32_t begin,
                            std::uint32_t end);
  void scan(std::string_view text, void* context, EmitWord emit) const;
  // The index form of one word, as tokenize would give it (any case, accents welcome; a text of
  // several words gives their index forms separated by single spaces).
  std::string stem(std::string_view word) const;

 private:
  struct Impl;
  Language lang_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace palermo::text
