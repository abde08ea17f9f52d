// The import pipeline: read, extract, recognise, write; and reading any statute for the commands.
#include "import/import.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "akn/reader.hpp"
#include "import/extractors.hpp"
#include "util/files.hpp"

namespace palermo::import {

namespace {

namespace fs = std::filesystem;

// Frequent function words per language: enough to tell apart the languages statutes come in.
struct Profile {
  std::string_view language;
  std::array<std::string_view, 12> words;
};
constexpr Profile kProfiles[] = {
    {"eng", {"the", "of", "and", "to", "in", "or", "a", "is", "for", "any", "shall", "by"}},
    {"fra", {"de", "la", "le", "les", "et", "des", "du", "en", "est", "une", "aux", "par"}},
    {"spa", {"de", "la", "el", "los", "las", "y", "del", "en", "que", "por", "con", "una"}},
    {"por", {"de", "a", "o", "os", "as", "e", "do", "da", "em", "que", "dos", "não"}},
    {"ita", {"di", "il", "la", "e", "che", "del", "della", "per", "in", "le", "dei", "un"}},
    {"deu", {"der", "die", "und", "des", "in", "den", "von", "zu", "das", "mit", "oder", "ist"}},
    {"nld", {"de", "het", "van", "en", "een", "in", "te", "die", "op", "voor", "of", "is"}},
    {"ron", {"de", "și", "la", "în", "a", "cu", "pe", "sau", "din", "care", "este", "al"}},
    {"swe", {"och", "att", "som", "i", "av", "för", "till", "eller", "den", "en", "det", "med"}},
    {"dan", {"og", "at", "af", "til", "i", "eller", "for", "den", "en", "med", "der", "som"}},
    {"nor", {"og", "at", "av", "til", "i", "eller", "for", "som", "med", "den", "ikke", "kan"}},
    {"hun", {"a", "az", "és", "vagy", "aki", "hogy", "nem", "egy", "által", "szerint", "évig", "is"}},
    {"pol", {"w", "i", "z", "na", "się", "do", "lub", "nie", "o", "który", "przez", "od"}},
    {"ces", {"a", "v", "se", "na", "je", "nebo", "z", "do", "který", "k", "o", "let"}},
    {"slk", {"a", "v", "sa", "na", "je", "alebo", "z", "do", "ktorý", "k", "o", "rokov"}},
    {"hrv", {"i", "u", "je", "se", "na", "ili", "za", "od", "koji", "da", "te", "kazne"}},
    {"slv", {"in", "v", "je", "se", "na", "ali", "za", "ki", "z", "da", "so", "let"}},
    {"lit", {"ir", "ar", "kad", "yra", "su", "iki", "arba", "jo", "į", "nuo", "metų", "šio"}},
    {"lav", {"un", "ar", "vai", "par", "uz", "ja", "no", "kas", "to", "līdz", "gadiem", "tiek"}},
    {"isl", {"og", "að", "á", "í", "um", "sem", "eða", "til", "er", "fyrir", "skal", "við"}},
    {"mlt", {"il", "ta", "li", "u", "fil", "jew", "għal", "minn", "ma", "dan", "b", "tal"}},
    {"fin", {"ja", "on", "tai", "että", "tai", "joka", "sen", "kuin", "ei", "voidaan", "mukaan", "vuotta"}},
    {"ukr", {"та", "або", "що", "в", "у", "на", "з", "до", "від", "особи", "якщо", "яка"}},
    {"rus", {"и", "или", "что", "в", "на", "с", "к", "по", "лица", "не", "от", "лет"}},
    {"srp", {"и", "или", "да", "у", "на", "се", "за", "од", "које", "лице", "казниће", "је"}},
    {"ell", {"και", "του", "της", "το", "να", "με", "ή", "σε", "την", "των", "που", "από"}},
    {"ara", {"في", "من", "أو", "على", "التي", "الذي", "إلى", "أن", "هذا", "عن", "لا", "مع"}},
    {"kat", {"და", "ან", "არის", "ამ", "რომ", "მიერ", "კანონის", "შესახებ", "ან", "მის", "თუ", "ეს"}},
    {"ben", {"ও", "বা", "এই", "করিয়া", "হইবে", "কোন", "তাহার", "জন্য", "যে", "না", "অথবা", "এবং"}},
    {"ron", {"și", "de", "în", "sau", "la", "cu", "pe", "care", "din", "se", "pentru", "ani"}},
};

std::string lower_word(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string year_in(std::string_view s) {
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    bool boundary = (i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))) &&
                    (i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4])));
    if (!boundary) continue;
    std::string_view y = s.substr(i, 4);
    if (std::all_of(y.begin(), y.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
        (y.substr(0, 2) == "18" || y.substr(0, 2) == "19" || y.substr(0, 2) == "20"))
      return std::string(y);
  }
  return {};
}

bool valid_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
  int month = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) {
    std::string line;
    bool space = false;
    for (char c : p) {
      bool is_space = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
      if (c == '\n') {
        // a line break inside a paragraph (Word's Shift+Enter) stays a line break
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (!line.empty()) line += '\n';
        space = false;
        continue;
      }
      if (is_space) {
        space = !line.empty() && line.back() != '\n';
        continue;
      }
      if (space) line += ' ';
      space = false;
      line += c;
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\n')) line.pop_back();
    if (line.empty()) continue;
    if (!out.empty()) out += '\n';
    out += line;
  }
  return out;
}

Diagnostic import_error(const std::string& file, std::string message, std::string hint) {
  Diagnostic d;
  d.file = file;
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

std::string guess_language(std::string_view text) {
  std::map<std::string, int> counts;
  std::size_t words = 0;
  std::size_t i = 0;
  const std::size_t limit = std::min<std::size_t>(text.size(), 200000);
  while (i < limit) {
    while (i < limit &&
           !(std::isalpha(static_cast<unsigned char>(text[i])) || static_cast<unsigned char>(text[i]) >= 0x80))
      ++i;
    std::size_t b = i;
    while (i < limit &&
           (std::isalpha(static_cast<unsigned char>(text[i])) || static_cast<unsigned char>(text[i]) >= 0x80))
      ++i;
    if (i > b) {
      ++counts[lower_word(text.substr(b, i - b))];
      ++words;
    }
  }
  if (words < 20) return {};
  std::string best;
  int best_score = 0;
  for (const Profile& p : kProfiles) {
    int score = 0;
    for (auto w : p.words) {
      auto it = counts.find(std::string(w));
      if (it != counts.end()) score += it->second;
    }
    if (score > best_score) {
      best_score = score;
      best = std::string(p.language);
    }
  }
  // Fewer than one word in twenty from any profile: a language palermo has no profile for.
  if (static_cast<std::size_t>(best_score) * 20 < words) return {};
  return best;
}

Result<Imported> import_bytes(std::string_view bytes, const std::string& path, const Options& options) {
  auto format = detect_format(path, bytes);
  if (!format)
    return import_error(path, "palermo cannot import this kind of file",
                        "import .txt, .md, .docx, .pdf or .html files; Akoma Ntoso (.xml) is read directly");
  auto extracted = extract_text(bytes, *format, path);
  if (!extracted) return extracted.errors();
  Imported out;
  out.format = *format;
  out.text = std::move(extracted.value().text);
  out.warnings = std::move(extracted.value().warnings);
  if (out.text.find_first_not_of(" \n\t") == std::string::npos)
    return import_error(path, "the file has no text", "check that this is the statute, not an empty or scanned page");

  Metadata& meta = out.metadata;
  meta.source_file = fs::path(path).filename().string();
  meta.source_sha256 = sha256_hex(bytes);
  meta.source_format = std::string(to_string(*format));
  meta.language = options.language;
  meta.language_note = "given";
  if (meta.language.empty()) {
    meta.language = guess_language(out.text);
    meta.language_note = "detected";
    if (meta.language.empty()) {
      meta.language = "und";
      meta.language_note = "unknown";
      out.warnings.push_back(import_error(path, "the language could not be told from the text: recorded as 'und'",
                                          "give it with --lang (ISO 639-2: eng, fra, spa, por ...)"));
      out.warnings.back().severity = Diagnostic::Severity::warning;
    }
  }
  // A file named by palermo's corpus convention ("na_act_2018_1_...") gives country and number.
  std::string stem = fs::path(path).stem().string();
  std::vector<std::string> fields;
  for (std::size_t b = 0, e; b <= stem.size(); b = e + 1) {
    e = stem.find('_', b);
    if (e == std::string::npos) e = stem.size();
    fields.push_back(stem.substr(b, e - b));
  }
  meta.country = options.country;
  if (meta.country.empty() && fields.size() >= 2 && fields[0].size() == 2 &&
      std::all_of(fields[0].begin(), fields[0].end(),
                  [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
    meta.country = fields[0];
  if (meta.country.empty()) {
    meta.country = "xx";
    out.warnings.push_back(import_error(path, "no country given: recorded as 'xx'", "give it with --country CC"));
    out.warnings.back().severity = Diagnostic::Severity::warning;
  }
  meta.doc_type = options.doc_type.empty() ? "act" : options.doc_type;

  out.structure = recognise_structure(out.text, meta.language, path);
  meta.title =
      options.title.empty() ? (out.structure.preface.empty() ? stem : out.structure.preface.front()) : options.title;
  if (fields.size() >= 4 && year_in(fields[2]) == fields[2]) meta.number = fields[3];
  meta.date = options.date;
  if (meta.date.empty()) {
    std::string year = year_in(meta.title);
    if (year.empty() && fields.size() >= 3) year = year_in(fields[2]);
    meta.date = year.empty() ? "0001-01-01" : year + "-01-01";
    if (year.empty()) {
      out.warnings.push_back(
          import_error(path, "no date found in the title: recorded as 0001-01-01", "give it with --date YYYY-MM-DD"));
      out.warnings.back().severity = Diagnostic::Severity::warning;
    }
  } else if (!valid_date(meta.date)) {
    return import_error(path, fmt::format("--date '{}' is not a date", meta.date), "write it as YYYY-MM-DD");
  }
  for (auto& w : out.structure.warnings) out.warnings.push_back(w);
  out.xml = write_akn(out.structure, meta);
  return out;
}

Result<Imported> import_file(const std::string& path, const Options& options) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.errors();
  return import_bytes(bytes.value(), path, options);
}

bool is_importable(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".markdown" || ext == ".docx" || ext == ".pdf" ||
         ext == ".html" || ext == ".htm" || ext == ".xhtml";
}

Result<akn::Document> load_document(const std::string& path) {
  if (!is_importable(path)) return akn::read_document(path);
  auto bytes = read_file(path);
  if (!bytes) return bytes.errors();
  auto imported = import_bytes(bytes.value(), path, Options{});
  if (!imported) return imported.errors();
  auto doc = akn::read_document_from_memory(imported.value().xml, path);
  if (!doc) return doc.errors();
  doc.value().sha256 = sha256_hex(bytes.value());
  return doc;
}

}  // namespace palermo::import
