// Word and PDF files built from a statute's text, for the import tests and the import benchmark:
// a .docx whose subdivisions are Word list paragraphs (the numbers rebuilt from numbering.xml, not
// typed), a PDF written by hand (justified Courier lines, one or two columns, hyphenated words,
// running heads and page numbers, optionally encrypted with the PDF Standard security handler),
// and the text of a statute as a poor OCR engine would give it.
#pragma once
#include <openssl/evp.h>
#include <unistd.h>
#include <zip.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "akn_text.hpp"  // beside this file (the benchmarks include it by its path)

namespace palermo::import::fixtures {

// ---- shared ------------------------------------------------------------------------------------

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A temporary path no other test process uses.
inline std::string temp_path(const std::string& name) {
  static int counter = 0;
  return (std::filesystem::temp_directory_path() /
          ("palermo-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + name))
      .string();
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

// ---- Word --------------------------------------------------------------------------------------

inline const char* const kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

// A .docx: a zip of the parts Word needs (numbering.xml and styles.xml when given). With `bomb`, a
// styles part of 80 MB of spaces (a zip bomb).
inline std::string make_docx(const std::string& document_xml, const std::string& numbering_xml,
                             const std::string& styles_xml = "", bool bomb = false) {
  const std::string path = temp_path("test.docx");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (z == nullptr) return {};
  auto add = [&](const char* name, const std::string& content) {
    char* copy = static_cast<char*>(std::malloc(content.size() + 1));
    std::memcpy(copy, content.data(), content.size());
    zip_source_t* s = zip_source_buffer(z, copy, content.size(), 1);
    zip_file_add(z, name, s, ZIP_FL_OVERWRITE);
  };
  add("[Content_Types].xml",
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
  add("word/document.xml", document_xml);
  if (!numbering_xml.empty()) add("word/numbering.xml", numbering_xml);
  if (bomb)
    add("word/styles.xml", std::string(80u * 1024 * 1024, ' '));
  else if (!styles_xml.empty())
    add("word/styles.xml", styles_xml);
  zip_close(z);
  std::string bytes = slurp(path);
  std::filesystem::remove(path);
  return bytes;
}

inline std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

// One paragraph; `num_id` 0 for none. The text is split into runs of at most 23 bytes (cut inside
// words, as Word's formatting and revision marks cut them), never inside a UTF-8 character.
inline std::string docx_paragraph(const std::string& text, int num_id = 0, int level = 0,
                                  const std::string& style = "") {
  std::string ppr;
  if (!style.empty()) ppr += "<w:pStyle w:val=\"" + style + "\"/>";
  if (num_id != 0)
    ppr += "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" + std::to_string(num_id) +
           "\"/></w:numPr>";
  std::string out = "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>");
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = std::min<std::size_t>(23, text.size() - i);
    while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80) ++n;
    std::string piece = text.substr(i, n), run;
    for (char c : piece) {
      if (c == '\t') {
        run += "</w:t><w:tab/><w:t xml:space=\"preserve\">";
      } else {
        run += xml_escape(std::string(1, c));
      }
    }
    out += "<w:r><w:t xml:space=\"preserve\">" + run + "</w:t></w:r>";
    i += n;
  }
  return out + "</w:p>";
}

// A statute's text as a Word document. Subdivisions typed "(1)", "(a)", "(ii)", "1º", "3°", "a)"
// and numbered lines "4." become list paragraphs whose numbers Word draws from numbering.xml (the
// "N." lines through the ListNumber paragraph style, as a drafter's numbered headings): the label
// is not in the document's text. A list restarts (a new w:num) wherever Word's counter would not
// give the number the text has. `list_paragraphs` receives how many paragraphs were numbered.
inline std::string statute_docx(const std::string& text, int* list_paragraphs = nullptr) {
  struct Family {
    std::vector<std::pair<std::string, std::string>> levels;  // (numFmt, lvlText)
    int num_id = 0;
    std::map<int, int> counters;  // as the reader advances them
  };
  std::vector<Family> families(4);
  families[0].levels = {{"decimal", "(%1)"}, {"lowerLetter", "(%2)"}, {"lowerRoman", "(%3)"}};
  families[1].levels = {{"decimal", "%1\xC2\xBA"}, {"lowerLetter", "%2)"}};  // 1º a)
  families[2].levels = {{"decimal", "%1\xC2\xB0"}, {"lowerLetter", "%2)"}};  // 1° a)
  families[3].levels = {{"decimal", "%1."}};
  std::string abstracts, nums;
  int next_id = 1;
  auto new_list = [&](Family& f, int level, int start) {
    int id = next_id++;
    abstracts += "<w:abstractNum w:abstractNumId=\"" + std::to_string(id) + "\">";
    for (std::size_t l = 0; l < f.levels.size(); ++l)
      abstracts += "<w:lvl w:ilvl=\"" + std::to_string(l) + "\"><w:start w:val=\"" +
                   std::to_string(static_cast<int>(l) == level ? start : 1) + "\"/><w:numFmt w:val=\"" +
                   f.levels[l].first + "\"/><w:lvlText w:val=\"" + f.levels[l].second + "\"/></w:lvl>";
    abstracts += "</w:abstractNum>";
    nums +=
        "<w:num w:numId=\"" + std::to_string(id) + "\"><w:abstractNumId w:val=\"" + std::to_string(id) + "\"/></w:num>";
    f.num_id = id;
    f.counters.clear();
  };
  // The "N." family's first list is the one the ListNumber style names.
  new_list(families[3], 0, 1);
  const int style_num = families[3].num_id;
  // Only numerals as Word writes them count as roman ("iv", not "iiii").
  auto roman_value = [](const std::string& s) {
    static const char* const kRoman[] = {"i",  "ii",  "iii",  "iv",  "v",  "vi",  "vii",  "viii",  "ix",  "x",
                                         "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};
    for (int i = 0; i < 20; ++i)
      if (s == kRoman[i]) return i + 1;
    return 0;
  };
  // The patterns match a line's numbering only (the text must follow it): libstdc++'s regex engine
  // recurses once per character of a ".*", which overflows the stack on a long paragraph under ASan.
  static const std::regex paren("^\\((\\d{1,3}|[a-z]|[ivxl]{1,5})\\)[ \t]+(?=\\S)"),
      ordinal("^(\\d{1,3})(\xC2\xBA|\xC2\xB0)[ \t]+(?=\\S)"), letter("^([a-z])\\)[ \t]+(?=\\S)"),
      dotted("^(\\d{1,3})\\.[ \t]+(?=[^\\d\\s])");
  // Matches `re` against the start of `line` (a short prefix is enough for any numbering); the text
  // after the numbering is then line.substr(m.length(0)).
  auto numbered_as = [](const std::string& line, std::smatch& m, const std::regex& re, std::string& head) {
    head = line.substr(0, 40);
    return std::regex_search(head, m, re, std::regex_constants::match_continuous);
  };
  int ordinal_family = 1, numbered = 0;
  std::string body;
  for (const std::string& line : lines_of(text)) {
    std::smatch m;
    std::string head;
    int family = -1, level = 0, value = 0;
    std::string rest;
    if (numbered_as(line, m, paren, head)) {
      family = 0;
      std::string label = m[1];
      rest = line.substr(static_cast<std::size_t>(m.length(0)));
      Family& f = families[0];
      if (std::isdigit(static_cast<unsigned char>(label[0]))) {
        level = 0;
        value = std::atoi(label.c_str());
      } else {
        int as_letter = label.size() == 1 ? label[0] - 'a' + 1 : 0;
        auto previous_letter = f.counters.find(1);
        bool letter_follows =
            as_letter > 0 && previous_letter != f.counters.end() && previous_letter->second + 1 == as_letter;
        int r = roman_value(label);
        if (!letter_follows && r > 0) {
          level = 2;
          value = r;
        } else if (as_letter > 0) {
          level = 1;
          value = as_letter;
        }
      }
    } else if (numbered_as(line, m, ordinal, head)) {
      family = m[2] == "\xC2\xBA" ? 1 : 2;
      ordinal_family = family;
      value = std::atoi(m[1].str().c_str());
      rest = line.substr(static_cast<std::size_t>(m.length(0)));
    } else if (numbered_as(line, m, letter, head)) {
      family = ordinal_family;
      level = 1;
      value = m[1].str()[0] - 'a' + 1;
      rest = line.substr(static_cast<std::size_t>(m.length(0)));
    } else if (numbered_as(line, m, dotted, head)) {
      family = 3;
      value = std::atoi(m[1].str().c_str());
      rest = line.substr(static_cast<std::size_t>(m.length(0)));
    }
    if (family < 0 || value <= 0) {
      body += line.empty() ? "<w:p/>" : docx_paragraph(line);
      continue;
    }
    Family& f = families[static_cast<std::size_t>(family)];
    auto c = f.counters.find(level);
    int predicted = c == f.counters.end() ? 1 : c->second + 1;
    if (f.num_id == 0 || predicted != value) new_list(f, level, value);
    f.counters[level] = value;
    for (auto deeper = f.counters.upper_bound(level); deeper != f.counters.end();) deeper = f.counters.erase(deeper);
    ++numbered;
    if (family == 3 && f.num_id == style_num)
      body += docx_paragraph(rest, 0, 0, "ListNumber");
    else
      body += docx_paragraph(rest, f.num_id, level);
  }
  if (list_paragraphs) *list_paragraphs = numbered;
  std::string numbering = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering ") + kW + ">" +
                          abstracts + nums + "</w:numbering>";
  std::string styles = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles ") + kW +
                       "><w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List Number\"/>"
                       "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" +
                       std::to_string(style_num) + "\"/></w:numPr></w:pPr></w:style></w:styles>";
  std::string document = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kW + "><w:body>" +
                         body + "<w:sectPr/></w:body></w:document>";
  return make_docx(document, numbering, styles);
}

// ---- PDF ---------------------------------------------------------------------------------------

struct PdfText {
  double x, y;
  std::string text;  // Windows-1252 bytes (see to_winansi)
};

// UTF-8 -> the font's WinAnsiEncoding; characters it lacks become '?'.
inline std::string to_winansi(const std::string& utf8) {
  static const std::map<unsigned, unsigned char> kHigh = {
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86}, {0x2021, 0x87},
      {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91},
      {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98},
      {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F}};
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    unsigned cp = c;
    std::size_t n = 1;
    if (c >= 0xF0)
      n = 4, cp = c & 0x07;
    else if (c >= 0xE0)
      n = 3, cp = c & 0x0F;
    else if (c >= 0xC0)
      n = 2, cp = c & 0x1F;
    for (std::size_t k = 1; k < n && i + k < utf8.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += n;
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
      out += static_cast<char>(cp);
    else if (auto it = kHigh.find(cp); it != kHigh.end())
      out += static_cast<char>(it->second);
    else
      out += '?';
  }
  return out;
}

// The Standard security handler (PDF 1.4, RC4): R=2 (40-bit key) or R=3 (128-bit).
struct PdfSecurity {
  std::string user_password, owner_password;
  int revision = 3;
};

namespace detail {

inline std::string md5(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), digest, &n, EVP_md5(), nullptr);
  return std::string(reinterpret_cast<char*>(digest), n);
}

inline std::string rc4(const std::string& key, const std::string& data) {
  std::array<unsigned char, 256> s;
  for (int i = 0; i < 256; ++i) s[static_cast<std::size_t>(i)] = static_cast<unsigned char>(i);
  for (std::size_t i = 0, j = 0; i < 256; ++i) {
    j = (j + s[i] + static_cast<unsigned char>(key[i % key.size()])) & 0xFF;
    std::swap(s[i], s[j]);
  }
  std::string out(data.size(), '\0');
  for (std::size_t k = 0, i = 0, j = 0; k < data.size(); ++k) {
    i = (i + 1) & 0xFF;
    j = (j + s[i]) & 0xFF;
    std::swap(s[i], s[j]);
    out[k] = static_cast<char>(static_cast<unsigned char>(data[k]) ^ s[(s[i] + s[j]) & 0xFF]);
  }
  return out;
}

// The 32-byte padding of the PDF specification (7.6.3.3, Algorithm 2).
inline std::string padded(const std::string& password) {
  static const unsigned char kPad[32] = {0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E,
                                         0x56, 0xFF, 0xFA, 0x01, 0x08, 0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68,
                                         0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A};
  std::string out = password.substr(0, 32);
  out.append(reinterpret_cast<const char*>(kPad), 32 - out.size());
  return out;
}

inline std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

struct Encryption {
  std::string key, o, u, id;
  int p = -44;  // print and copy allowed, nothing else
  int revision = 3;
  std::string dictionary() const {
    return "<< /Filter /Standard /V " + std::string(revision == 2 ? "1" : "2 /Length 128") + " /R " +
           std::to_string(revision) + " /O <" + hex(o) + "> /U <" + hex(u) + "> /P " + std::to_string(p) + " >>";
  }
  // Algorithm 1: each object's strings and streams under a key of its own.
  std::string encrypt(int object, const std::string& data) const {
    std::string k = key;
    for (int shift : {0, 8, 16}) k += static_cast<char>((object >> shift) & 0xFF);
    k += std::string(2, '\0');
    return rc4(md5(k).substr(0, std::min<std::size_t>(key.size() + 5, 16)), data);
  }
};

inline Encryption make_encryption(const PdfSecurity& security) {
  Encryption e;
  e.revision = security.revision;
  const std::size_t n = security.revision == 2 ? 5 : 16;
  e.id = md5("palermo test document");
  // Algorithm 3: O from the owner password (the user's when there is none).
  std::string h = md5(padded(security.owner_password.empty() ? security.user_password : security.owner_password));
  if (security.revision >= 3)
    for (int i = 0; i < 50; ++i) h = md5(h);
  std::string owner_key = h.substr(0, n);
  e.o = rc4(owner_key, padded(security.user_password));
  if (security.revision >= 3)
    for (int i = 1; i <= 19; ++i) {
      std::string k = owner_key;
      for (char& c : k) c = static_cast<char>(c ^ i);
      e.o = rc4(k, e.o);
    }
  // Algorithm 2: the file key.
  std::string p;
  for (int shift : {0, 8, 16, 24}) p += static_cast<char>((static_cast<std::uint32_t>(e.p) >> shift) & 0xFF);
  std::string key = md5(padded(security.user_password) + e.o + p + e.id);
  if (security.revision >= 3)
    for (int i = 0; i < 50; ++i) key = md5(key.substr(0, n));
  e.key = key.substr(0, n);
  // Algorithms 4 and 5: U.
  if (security.revision == 2) {
    e.u = rc4(e.key, padded(""));
  } else {
    std::string x = rc4(e.key, md5(padded("") + e.id));
    for (int i = 1; i <= 19; ++i) {
      std::string k = e.key;
      for (char& c : k) c = static_cast<char>(c ^ i);
      x = rc4(k, x);
    }
    e.u = x + std::string(16, '\0');
  }
  return e;
}

inline std::string pdf_string(const std::string& winansi) {
  std::string out = "(";
  for (unsigned char c : winansi) {
    if (c == '(' || c == ')' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7F) {
      char octal[8];
      std::snprintf(octal, sizeof octal, "\\%03o", c);
      out += octal;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + ")";
}

}  // namespace detail

// A PDF written by hand: pages of text objects at the given positions, in one standard font
// (Helvetica, Courier ...) with WinAnsiEncoding; encrypted when `security` is given.
inline std::string make_pdf(const std::vector<std::vector<PdfText>>& pages, const std::string& font = "Helvetica",
                            double size = 10, const std::optional<PdfSecurity>& security = std::nullopt) {
  std::optional<detail::Encryption> encryption;
  if (security) encryption = detail::make_encryption(*security);
  std::vector<std::string> objects;
  std::string kids;
  const int first_page = 4;
  for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(first_page + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /" + font + " /Encoding /WinAnsiEncoding >>");
  char number[64];
  auto fixed = [&](double v) {
    std::snprintf(number, sizeof number, "%.2f", v);
    return std::string(number);
  };
  for (std::size_t i = 0; i < pages.size(); ++i) {
    std::string stream = "BT /F1 " + fixed(size) + " Tf\n";
    for (const auto& t : pages[i])
      stream += "1 0 0 1 " + fixed(t.x) + " " + fixed(t.y) + " Tm " + detail::pdf_string(t.text) + " Tj\n";
    stream += "ET\n";
    const int stream_object = first_page + 2 * static_cast<int>(i) + 1;
    if (encryption) stream = encryption->encrypt(stream_object, stream);
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
        "/Contents " +
        std::to_string(stream_object) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream");
  }
  if (encryption) objects.push_back(encryption->dictionary());
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (auto o : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R";
  if (encryption)
    pdf += " /Encrypt " + std::to_string(objects.size()) + " 0 R /ID [<" + detail::hex(encryption->id) + "> <" +
           detail::hex(encryption->id) + ">]";
  pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// How a statute is set on the page.
struct PdfLayout {
  int columns = 2;
  bool hyphenate = true;           // break long words at line ends ("traf-" / "ficking")
  std::string running_head;        // on top of every page, with the page number in it
  double font_size = 9;            // Courier: every glyph 0.6 em wide
  double leading = 11;             // baseline to baseline
  std::size_t max_pages = 100000;  // stop after this many pages (the rest of the text is left out)
};

// A statute's text set in justified Courier, in columns, each line of the text a paragraph (its
// last line short, every other line reaching the column's right edge). Words are hyphenated only
// where the importer is meant to join them: a letter before the hyphen, a lower-case letter after.
inline std::vector<std::vector<PdfText>> lay_out_statute(const std::string& text, const PdfLayout& layout) {
  const double char_width = 0.6 * layout.font_size, margin = 54, gutter = 30, top = 740, bottom = 60;
  const double column_width = (612 - 2 * margin - (layout.columns - 1) * gutter) / layout.columns;
  const std::size_t width = static_cast<std::size_t>(column_width / char_width);  // characters per line
  const std::size_t lines_per_column = static_cast<std::size_t>((top - bottom) / layout.leading) + 1;
  struct Line {
    std::vector<std::string> words;  // Windows-1252
    bool last;                       // of its paragraph: not justified
    bool blank;
  };
  std::vector<Line> lines;
  auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto is_letter = [&](char c) { return is_lower(c) || (c >= 'A' && c <= 'Z'); };
  for (const std::string& source : lines_of(text)) {
    std::string para = to_winansi(source);
    std::vector<std::string> words;
    std::istringstream in(para);
    for (std::string w; in >> w;) {
      // A word ending in a hyphen ("pre-") stays with the next, so no line ends on it.
      if (!words.empty() && words.back().size() >= 2 && words.back().back() == '-' &&
          is_letter(words.back()[words.back().size() - 2]))
        words.back() += " " + w;
      else
        words.push_back(w);
    }
    if (words.empty()) {
      lines.push_back({{}, true, true});
      continue;
    }
    std::vector<std::string> current;
    std::size_t used = 0;
    auto flush = [&](bool last) {
      lines.push_back({current, last, false});
      current.clear();
      used = 0;
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::string w = words[i];
      while (true) {
        std::size_t need = (current.empty() ? 0 : used + 1) + w.size();
        if (need <= width) {
          used = need;
          current.push_back(w);
          break;
        }
        std::size_t room = current.empty() ? width : (used + 1 < width ? width - used - 1 : 0);
        // Hyphenate: at least three letters on each side, the break between two lower-case letters.
        std::size_t cut = 0;
        if (layout.hyphenate && w.find(' ') == std::string::npos && room >= 4 && w.size() >= 7)
          for (std::size_t k = std::min(room - 1, w.size() - 3); k >= 3; --k)
            if (is_letter(w[k - 1]) && is_lower(w[k]) && is_lower(w[k - 1])) {
              bool letters = true;
              for (std::size_t q = 0; q < w.size(); ++q)
                if (!is_letter(w[q]) && !(q + 1 == w.size() && std::ispunct(static_cast<unsigned char>(w[q]))))
                  letters = false;
              if (letters) cut = k;
              break;
            }
        if (cut > 0) {
          current.push_back(w.substr(0, cut) + "-");
          flush(false);
          w = w.substr(cut);
          continue;
        }
        if (current.empty()) {  // longer than a line and not to be hyphenated: cut it
          current.push_back(w.substr(0, width));
          flush(false);
          w = w.substr(width);
          continue;
        }
        flush(false);
      }
    }
    // A paragraph's last line must end short of the margin, or it would run on into the next.
    if (used * 10 > width * 8 && current.size() >= 2) {
      std::string tail = current.back();
      current.pop_back();
      flush(false);
      current.push_back(tail);
      used = tail.size();
    }
    flush(true);
  }
  // Pages: columns of lines, a running head above and the page number below.
  std::vector<std::vector<PdfText>> pages;
  std::size_t at = 0;
  while (at < lines.size() && pages.size() < layout.max_pages) {
    std::vector<PdfText> page;
    const int number = static_cast<int>(pages.size()) + 1;
    if (!layout.running_head.empty())
      page.push_back({margin, 760, to_winansi(layout.running_head) + "  No " + std::to_string(number)});
    page.push_back({300, 36, "- " + std::to_string(number) + " -"});
    // The last page's columns are balanced, so that each column holds a share of its words.
    std::size_t remaining = lines.size() - at, per_column = lines_per_column;
    if (remaining < lines_per_column * static_cast<std::size_t>(layout.columns) && layout.columns > 1 &&
        remaining > lines_per_column)
      per_column = (remaining + layout.columns - 1) / layout.columns;
    for (int c = 0; c < layout.columns && at < lines.size(); ++c) {
      const double x0 = margin + c * (column_width + gutter);
      for (std::size_t row = 0; row < per_column && at < lines.size(); ++row, ++at) {
        const Line& line = lines[at];
        if (line.blank) continue;
        const double y = top - row * layout.leading;
        std::size_t letters = 0;
        for (const auto& w : line.words) letters += w.size();
        double gap = char_width;
        if (!line.last && line.words.size() > 1)
          gap = std::max(char_width,
                         (width * char_width - letters * char_width) / static_cast<double>(line.words.size() - 1));
        double x = x0;
        for (const auto& w : line.words) {
          page.push_back({x, y, w});
          x += w.size() * char_width + gap;
        }
      }
    }
    pages.push_back(std::move(page));
  }
  return pages;
}

inline std::string statute_pdf(const std::string& text, const PdfLayout& layout,
                               const std::optional<PdfSecurity>& security = std::nullopt) {
  return make_pdf(lay_out_statute(text, layout), "Courier", layout.font_size, security);
}

// ---- OCR ---------------------------------------------------------------------------------------

// A statute's text as poor OCR gives it, the same on every run for a seed: lines cut at about 72
// characters wherever that falls (some words hyphenated across the cut), a running head and a page
// number every 40 lines, words broken by a space, stray marks ('`|~.,), letters misread (rn -> m,
// l -> 1, e -> c, O -> 0), and numbers misread ("(1)" -> "(l)", "5." -> "S.", "(11)" -> "(ll)").
inline std::string ocr_noise(const std::string& text, const std::string& running_head, std::uint32_t seed = 2018) {
  std::uint32_t state = seed * 2654435761u + 1;
  auto next = [&]() {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  };
  auto chance = [&](unsigned per_thousand) { return next() % 1000 < per_thousand; };
  // Misread numbers and letters, line by line.
  std::string misread;
  for (const std::string& line : lines_of(text)) {
    std::string l = line;
    if (l.size() > 2 && l[0] == '5' && l[1] == '.') l[0] = 'S';
    for (std::size_t at = 0; (at = l.find("(1", at)) != std::string::npos; ++at)
      if (at + 2 < l.size() && (l[at + 2] == ')' || l[at + 2] == '1') && chance(700)) {
        l[at + 1] = 'l';
        if (l[at + 2] == '1') l[at + 2] = 'l';
      }
    std::string out;
    for (std::size_t i = 0; i < l.size(); ++i) {
      char c = l[i];
      if (c == 'r' && i + 1 < l.size() && l[i + 1] == 'n' && chance(40)) {
        out += 'm';
        ++i;
        continue;
      }
      if (c == 'l' && chance(8)) c = '1';
      if (c == 'e' && chance(6)) c = 'c';
      if (c == 'O' && chance(100)) c = '0';
      out += c;
      if (std::isalpha(static_cast<unsigned char>(c)) && i + 1 < l.size() &&
          std::isalpha(static_cast<unsigned char>(l[i + 1])) && chance(6))
        out += ' ';  // a word broken in two
      if (c == ' ' && chance(5)) {
        static const char kStray[] = "'`|~.,";
        out += kStray[next() % 6];
        out += ' ';
      }
    }
    misread += out + "\n";
  }
  // Lines cut at about 72 characters, pages of 40 lines.
  std::string out;
  int line_on_page = 0, page = 1;
  auto emit = [&](const std::string& l) {
    if (line_on_page == 0) out += running_head + "\n\n";
    out += l + "\n";
    if (++line_on_page == 40) {
      out += "\n" + std::to_string(page++) + "\n\n";
      line_on_page = 0;
    }
  };
  for (const std::string& line : lines_of(misread)) {
    std::string rest = line;
    while (rest.size() > 80) {
      std::size_t cut = rest.rfind(' ', 72);
      if (cut == std::string::npos || cut < 40) cut = 72;
      std::string head = rest.substr(0, cut);
      std::size_t skip = cut < rest.size() && rest[cut] == ' ' ? 1 : 0;
      // Now and then a word hyphenated across the cut, as the page had it.
      if (skip == 0 && std::isalpha(static_cast<unsigned char>(rest[cut - 1])) &&
          std::isalpha(static_cast<unsigned char>(rest[cut])))
        head += "-";
      emit(head);
      rest = rest.substr(cut + skip);
    }
    emit(rest);
  }
  return out;
}

// What the importer treats as markup rather than text: "== Chapter 1 ==" decorations.
inline std::string source_words(const std::string& text) {
  std::string out;
  static const std::regex leading("^\\s*[=#]+\\s*"), trailing("\\s*[=#]+\\s*$");
  for (const std::string& line : lines_of(text))
    out += std::regex_replace(std::regex_replace(line, leading, ""), trailing, "") + "\n";
  return testing::without_whitespace(out);
}

}  // namespace palermo::import::fixtures
