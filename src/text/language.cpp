#include <array>
#include <map>
#include <string>
#include <unordered_set>

#include "text/tokenizer.hpp"

namespace palermo::text {

Language language_from_code(std::string_view code) {
  std::string c;
  for (char ch : code) c += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  if (c == "eng" || c == "en" || c == "english") return Language::english;
  if (c == "fra" || c == "fre" || c == "fr" || c == "french") return Language::french;
  if (c == "spa" || c == "es" || c == "spanish") return Language::spanish;
  if (c == "por" || c == "pt" || c == "portuguese") return Language::portuguese;
  return Language::other;
}

std::string_view language_code(Language lang) {
  switch (lang) {
    case Language::english:
      return "eng";
    case Language::french:
      return "fra";
    case Language::spanish:
      return "spa";
    case Language::portuguese:
      return "por";
    case Language::other:
      return "und";
  }
  return "und";
}

namespace {

// The commonest short words of each language palermo reads, folded: enough to tell them apart, and
// to tell them from other languages (whose texts score low on all four).
struct Profile {
  Language lang;
  std::unordered_set<std::string> words;
};
const std::array<Profile, 4>& profiles() {
  static const std::array<Profile, 4> p = {{
      {Language::english, {"the", "of", "and",   "to",   "in",  "a",    "or",   "any", "shall",  "by",    "is",
                           "for", "be", "which", "with", "who", "that", "this", "an",  "person", "under", "not"}},
      {Language::french, {"le",   "la",  "les",  "de", "des", "du",  "et", "est", "un",  "une",  "en",   "par",
                          "pour", "qui", "dans", "au", "aux", "sur", "ou", "que", "ans", "sont", "peine"}},
      {Language::spanish, {"el",   "la", "los", "las", "de", "del", "y", "que",  "en",   "por",     "con",     "una",
                           "para", "se", "o",   "al",  "su", "sus", "a", "sera", "anos", "persona", "personas"}},
      {Language::portuguese, {"o",   "os",   "a",  "as", "de", "do",  "da",     "dos",  "das",  "e",   "em",   "com",
                              "uma", "para", "ou", "ao", "se", "nao", "pessoa", "pena", "anos", "que", "pelo", "pela"}},
  }};
  return p;
}

}  // namespace

Language detect_language(std::string_view utf8) {
  std::map<Language, int> hits;
  int total = 0;
  for (const std::string& w : fold_words(utf8.substr(0, std::min<std::size_t>(utf8.size(), 20000)))) {
    ++total;
    for (const Profile& p : profiles())
      if (p.words.count(w)) ++hits[p.lang];
  }
  if (total < 20) return Language::other;
  Language best = Language::other;
  int best_hits = 0;
  for (const auto& [lang, n] : hits)
    if (n > best_hits) {
      best = lang;
      best_hits = n;
    }
  // Function words make up a quarter or more of running text in these languages; a text in
  // another language (Romanian shares "de", "la", "a") stays well below.
  return best_hits * 5 >= total ? best : Language::other;
}

std::string language_name(std::string_view iso639) {
  static const std::map<std::string, std::string> names = {
      {"eng", "English"},   {"fra", "French"},     {"spa", "Spanish"},    {"por", "Portuguese"}, {"ara", "Arabic"},
      {"ben", "Bengali"},   {"dan", "Danish"},     {"ell", "Greek"},      {"hrv", "Croatian"},   {"hun", "Hungarian"},
      {"isl", "Icelandic"}, {"kat", "Georgian"},   {"lav", "Latvian"},    {"lit", "Lithuanian"}, {"mlt", "Maltese"},
      {"nob", "Norwegian"}, {"nor", "Norwegian"},  {"ron", "Romanian"},   {"srp", "Serbian"},    {"swe", "Swedish"},
      {"slk", "Slovak"},    {"slv", "Slovenian"},  {"ukr", "Ukrainian"},  {"deu", "German"},     {"ita", "Italian"},
      {"nld", "Dutch"},     {"pol", "Polish"},     {"rus", "Russian"},    {"tur", "Turkish"},    {"zho", "Chinese"},
      {"jpn", "Japanese"},  {"hin", "Hindi"},      {"swa", "Swahili"},    {"fin", "Finnish"},    {"ces", "Czech"},
      {"bul", "Bulgarian"}, {"est", "Estonian"},   {"heb", "Hebrew"},     {"fas", "Persian"},    {"urd", "Urdu"},
      {"tha", "Thai"},      {"vie", "Vietnamese"}, {"ind", "Indonesian"}, {"msa", "Malay"},      {"kor", "Korean"},
  };
  std::string c;
  for (char ch : iso639) c += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  auto it = names.find(c);
  if (it != names.end()) return it->second + " (" + c + ")";
  return c.empty() || c == "und" ? std::string("an undetermined language") : "'" + c + "'";
}

}  // namespace palermo::text
