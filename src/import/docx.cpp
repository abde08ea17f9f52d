// Word .docx -> paragraphs. A .docx is a zip (read with libzip) holding word/document.xml (read
// with palermo's safe XML parser). Word's automatic list numbers ("(1)", "(a)", "3.") are not in
// the text: they are rebuilt from word/numbering.xml, so that numbered-list provisions keep their
// numbers. Deleted revisions and field codes are not text; tables are read cell by cell.
#include <zip.h>

#include <cstring>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "akn/xml_parse.hpp"
#include "import/extractors.hpp"

namespace palermo::import {

namespace {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

bool is(const xmlNode* n, const char* local) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

std::string attr(const xmlNode* n, const char* local) {
  for (xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), local) == 0 && a->children != nullptr &&
        a->children->content != nullptr)
      return reinterpret_cast<const char*>(a->children->content);
  }
  return {};
}

const xmlNode* child(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next)
    if (is(c, local)) return c;
  return nullptr;
}

// Reads one part of the archive, refusing parts that expand past the limits (zip bombs).
Result<std::optional<std::string>> read_part(zip_t* zip, const char* name, const std::string& file) {
  zip_int64_t index = zip_name_locate(zip, name, 0);
  if (index < 0) return std::optional<std::string>();
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &st) != 0)
    return import_error(file, fmt::format("the .docx archive's {} cannot be read", name),
                        "open and save it again in Word");
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxDocxPartBytes)
    return import_error(
        file, fmt::format("the .docx's {} would expand to {} bytes (limit {})", name, st.size, kMaxDocxPartBytes),
        "this is not an ordinary Word document (a zip bomb?); export the statute again");
  if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.comp_size > 0 &&
      st.size / st.comp_size > kMaxDocxCompressionRatio && st.size > 1024 * 1024)
    return import_error(file,
                        fmt::format("the .docx's {} is compressed {} to 1 (limit {})", name, st.size / st.comp_size,
                                    kMaxDocxCompressionRatio),
                        "this is not an ordinary Word document (a zip bomb?); export the statute again");
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0),
                                                      zip_fclose);
  if (!f)
    return import_error(file, fmt::format("the .docx's {} cannot be opened: {}", name, zip_strerror(zip)),
                        "the file may be encrypted or damaged; save it again from Word");
  std::string out;
  char buffer[65536];
  while (true) {
    zip_int64_t n = zip_fread(f.get(), buffer, sizeof buffer);
    if (n < 0)
      return import_error(file, fmt::format("the .docx's {} is damaged: {}", name, zip_file_strerror(f.get())),
                          "save it again from Word");
    if (n == 0) break;
    out.append(buffer, static_cast<std::size_t>(n));
    // The sizes in the archive's directory can lie: count what is really inflated.
    if (out.size() > kMaxDocxPartBytes)
      return import_error(file, fmt::format("the .docx's {} expands past {} bytes", name, kMaxDocxPartBytes),
                          "this is not an ordinary Word document (a zip bomb?); export the statute again");
  }
  return std::optional<std::string>(std::move(out));
}

// ---- list numbering ----------------------------------------------------------------------------
struct LevelFormat {
  int start = 1;
  std::string format = "decimal";  // decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none
  std::string text = "%1.";        // lvlText, "%1" standing for this level's counter
};

struct Numbering {
  std::map<std::string, std::map<int, LevelFormat>> abstract;          // abstractNumId -> levels
  std::map<std::string, std::string> num_to_abstract;                  // numId -> abstractNumId
  std::map<std::string, std::pair<std::string, int>> style_numbering;  // styleId -> (numId, ilvl)
  std::map<std::string, std::map<int, int>> counters;                  // numId -> level -> last value
};

std::string roman(int v, bool upper) {
  static const std::pair<int, const char*> kTable[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                       {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                                                       {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& [value, letters] : kTable)
    while (v >= value && out.size() < 20) {
      out += letters;
      v -= value;
    }
  if (upper)
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string format_counter(int v, const std::string& format) {
  if (format == "lowerLetter" || format == "upperLetter") {
    char base = format == "lowerLetter" ? 'a' : 'A';
    int n = (v - 1) % 26;
    int repeat = (v - 1) / 26 + 1;
    return std::string(static_cast<std::size_t>(std::min(repeat, 4)), static_cast<char>(base + n));
  }
  if (format == "lowerRoman") return roman(v, false);
  if (format == "upperRoman") return roman(v, true);
  return std::to_string(v);
}

void read_numbering(const xmlNode* root, Numbering& numbering) {
  for (const xmlNode* n = root ? root->children : nullptr; n != nullptr; n = n->next) {
    if (is(n, "abstractNum")) {
      auto& levels = numbering.abstract[attr(n, "abstractNumId")];
      for (const xmlNode* l = n->children; l != nullptr; l = l->next) {
        if (!is(l, "lvl")) continue;
        LevelFormat f;
        if (auto* s = child(l, "start")) f.start = std::atoi(attr(s, "val").c_str());
        if (auto* s = child(l, "numFmt")) f.format = attr(s, "val");
        if (auto* s = child(l, "lvlText")) f.text = attr(s, "val");
        levels[std::atoi(attr(l, "ilvl").c_str())] = f;
      }
    } else if (is(n, "num")) {
      if (auto* a = child(n, "abstractNumId")) numbering.num_to_abstract[attr(n, "numId")] = attr(a, "val");
    }
  }
}

void read_styles(const xmlNode* root, Numbering& numbering) {
  for (const xmlNode* n = root ? root->children : nullptr; n != nullptr; n = n->next) {
    if (!is(n, "style")) continue;
    const xmlNode* ppr = child(n, "pPr");
    const xmlNode* numpr = ppr ? child(ppr, "numPr") : nullptr;
    if (!numpr) continue;
    const xmlNode* id = child(numpr, "numId");
    const xmlNode* lvl = child(numpr, "ilvl");
    if (id)
      numbering.style_numbering[attr(n, "styleId")] = {attr(id, "val"), lvl ? std::atoi(attr(lvl, "val").c_str()) : 0};
  }
}

// The label Word shows before a numbered paragraph, advancing the list's counters.
std::string next_label(Numbering& numbering, const std::string& num_id, int level) {
  if (num_id.empty() || num_id == "0" || level < 0 || level > 8) return {};
  auto a = numbering.num_to_abstract.find(num_id);
  if (a == numbering.num_to_abstract.end()) return {};
  auto& levels = numbering.abstract[a->second];
  auto& counters = numbering.counters[num_id];
  const LevelFormat& f = levels[level];
  if (f.format == "bullet" || f.format == "none") return {};
  auto it = counters.find(level);
  counters[level] = it == counters.end() ? f.start : it->second + 1;
  for (auto deeper = counters.upper_bound(level); deeper != counters.end();) deeper = counters.erase(deeper);
  std::string out;
  for (std::size_t i = 0; i < f.text.size(); ++i) {
    if (f.text[i] == '%' && i + 1 < f.text.size() && f.text[i + 1] >= '1' && f.text[i + 1] <= '9') {
      int l = f.text[i + 1] - '1';
      auto c = counters.find(l);
      int value = c == counters.end() ? levels[l].start : c->second;
      out += format_counter(value, levels[l].format);
      ++i;
    } else {
      out += f.text[i];
    }
  }
  return out;
}

// ---- the document ------------------------------------------------------------------------------
void run_text(const xmlNode* n, std::string& out, int depth) {
  if (depth > 64) return;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is(c, "t")) {
      xmlChar* s = xmlNodeGetContent(c);
      if (s) out += reinterpret_cast<const char*>(s);
      xmlFree(s);
    } else if (is(c, "tab")) {
      out += ' ';
    } else if (is(c, "br") || is(c, "cr")) {
      out += '\n';
    } else if (is(c, "noBreakHyphen")) {
      out += '-';
    } else if (is(c, "delText") || is(c, "instrText") || is(c, "del") || is(c, "pPr") || is(c, "rPr") ||
               is(c, "footnoteReference") || is(c, "endnoteReference")) {
      // deleted revisions, field codes and formatting are not the statute's words
    } else {
      run_text(c, out, depth + 1);  // runs, hyperlinks, insertions, smart tags, content controls
    }
  }
}

void walk_body(const xmlNode* n, Numbering& numbering, std::vector<std::string>& paragraphs, int depth) {
  if (depth > 64) return;
  for (const xmlNode* c = n ? n->children : nullptr; c != nullptr; c = c->next) {
    if (is(c, "p")) {
      std::string label;
      if (const xmlNode* ppr = child(c, "pPr")) {
        std::string num_id;
        int level = 0;
        if (const xmlNode* numpr = child(ppr, "numPr")) {
          if (auto* id = child(numpr, "numId")) num_id = attr(id, "val");
          if (auto* l = child(numpr, "ilvl")) level = std::atoi(attr(l, "val").c_str());
        } else if (const xmlNode* style = child(ppr, "pStyle")) {
          auto s = numbering.style_numbering.find(attr(style, "val"));
          if (s != numbering.style_numbering.end()) std::tie(num_id, level) = s->second;
        }
        label = next_label(numbering, num_id, level);
      }
      std::string text;
      run_text(c, text, 0);
      if (!label.empty()) text = label + " " + text;
      paragraphs.push_back(std::move(text));
    } else if (c->type == XML_ELEMENT_NODE && !is(c, "sectPr")) {
      walk_body(c, numbering, paragraphs, depth + 1);  // tables, rows, cells, content controls
    }
  }
}

}  // namespace

Result<Extracted> extract_docx(std::string_view bytes, const std::string& file) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr)
    return import_error(file, fmt::format("cannot read the .docx: {}", zip_error_strerror(&error)),
                        "save it again from Word");
  std::unique_ptr<zip_t, ZipCloser> zip(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!zip) {
    std::string why = zip_error_strerror(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return import_error(file, fmt::format("this is not a readable .docx (zip): {}", why),
                        "the file is truncated or not a Word document; save it again as .docx");
  }
  auto document = read_part(zip.get(), "word/document.xml", file);
  if (!document) return document.errors();
  if (!document.value())
    return import_error(file, "the archive has no word/document.xml: it is not a Word document",
                        "save the statute from Word as .docx, or import it as PDF or text");
  Numbering numbering;
  std::vector<akn::detail::XmlDocPtr> keep;
  for (const char* part : {"word/numbering.xml", "word/styles.xml"}) {
    auto bytes_of_part = read_part(zip.get(), part, file);
    if (!bytes_of_part) return bytes_of_part.errors();
    if (!bytes_of_part.value()) continue;
    auto parsed = akn::detail::parse_xml_safely(*bytes_of_part.value(), file + ":" + part);
    if (!parsed) return parsed.errors();
    const xmlNode* root = xmlDocGetRootElement(parsed.value().get());
    if (std::strcmp(part, "word/numbering.xml") == 0)
      read_numbering(root, numbering);
    else
      read_styles(root, numbering);
  }
  auto parsed = akn::detail::parse_xml_safely(*document.value(), file + ":word/document.xml");
  if (!parsed) return parsed.errors();
  const xmlNode* root = xmlDocGetRootElement(parsed.value().get());
  const xmlNode* body = root ? child(root, "body") : nullptr;
  if (body == nullptr) return import_error(file, "word/document.xml has no body", "save the statute again from Word");
  std::vector<std::string> paragraphs;
  walk_body(body, numbering, paragraphs, 0);
  Extracted out;
  out.text = join_paragraphs(paragraphs);
  if (out.text.empty())
    return import_error(file, "the Word document has no text",
                        "check that the statute is not an image pasted into Word");
  return out;
}

}  // namespace palermo::import
