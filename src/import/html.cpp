// HTML pages (legal-information institutes, government sites) -> paragraphs, with libxml2's HTML
// parser. Scripts, styles, navigation, headers and footers are left out: they are the site, not
// the statute. Block elements end a paragraph; table cells are separated by a space.
#include <libxml/HTMLparser.h>

#include <cstring>
#include <memory>

#include "import/extractors.hpp"

namespace palermo::import {

namespace {

constexpr int kMaxHtmlDepth = 256;

bool name_is(const xmlNode* n, std::initializer_list<const char*> names) {
  for (const char* name : names)
    if (xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0) return true;
  return false;
}

bool skipped(const xmlNode* n) {
  return name_is(n, {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
                     "select", "iframe", "svg", "head", "object", "canvas"});
}

bool block(const xmlNode* n) {
  return name_is(n, {"p",      "div",     "h1",     "h2",         "h3",      "h4",         "h5",    "h6",
                     "li",     "tr",      "br",     "section",    "article", "blockquote", "pre",   "dt",
                     "dd",     "table",   "ul",     "ol",         "dl",      "main",       "body",  "hr",
                     "center", "address", "figure", "figcaption", "caption", "tbody",      "thead", "title"});
}

struct Walker {
  std::vector<std::string> paragraphs{std::string()};
  bool too_deep = false;

  void end_paragraph() {
    if (!paragraphs.back().empty()) paragraphs.emplace_back();
  }

  void walk(const xmlNode* n, int depth) {
    if (depth > kMaxHtmlDepth) {
      too_deep = true;
      return;
    }
    for (; n != nullptr; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        paragraphs.back() += reinterpret_cast<const char*>(n->content);
        continue;
      }
      if (n->type != XML_ELEMENT_NODE || skipped(n)) continue;
      bool is_block = block(n);
      if (is_block) end_paragraph();
      if (name_is(n, {"td", "th"})) paragraphs.back() += ' ';
      walk(n->children, depth + 1);
      if (is_block) end_paragraph();
    }
  }
};

}  // namespace

Result<Extracted> extract_html(std::string_view bytes, const std::string& file) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
    return import_error(file, "the HTML page is too large to read", "save the statute's part of the page alone");
  // The page's own <meta charset> decides the encoding; no network, no external entities.
  int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, options), xmlFreeDoc);
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr)
    return import_error(file, "no HTML could be read from this file", "check that it is a web page saved as HTML");
  Walker w;
  w.walk(xmlDocGetRootElement(doc.get()), 0);
  if (w.too_deep)
    return import_error(file, "the HTML nests elements more than 256 deep",
                        "save the statute's text alone, or as a PDF");
  Extracted out;
  out.text = join_paragraphs(w.paragraphs);
  if (out.text.empty())
    return import_error(file, "the HTML page has no text outside scripts, navigation, headers and footers",
                        "save the page as it shows the statute (not a page that loads it with JavaScript)");
  return out;
}

}  // namespace palermo::import
