#include <string>

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
    case Language::english: return "eng";
    case Language::french: return "fra";
    case Language::spanish: return "spa";
    case Language::portuguese: return "por";
    case Language::other: return "und";
  }
  return "und";
}

}  // namespace palermo::text
