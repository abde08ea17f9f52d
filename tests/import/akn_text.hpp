// Test helpers: the words of an Akoma Ntoso document in reading order, and its top-level units.
#pragma once
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <string>
#include <vector>

namespace palermo::import::testing {

inline std::string without_whitespace(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
          (static_cast<unsigned char>(c) < 0x20)))
      out += c;
  // NBSP is whitespace too
  std::string clean;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i + 1 < out.size() && out[i] == '\xC2' && out[i + 1] == '\xA0') {
      ++i;
      continue;
    }
    clean += out[i];
  }
  return clean;
}

inline bool named(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

inline std::string all_text(const xmlNode* n) {
  xmlChar* s = xmlNodeGetContent(n);
  std::string out = s ? reinterpret_cast<const char*>(s) : "";
  xmlFree(s);
  return out;
}

// Text in reading order: a heading marked class="above" (written above its number) comes first.
inline void reading_order(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE) {
      out += reinterpret_cast<const char*>(c->content);
      continue;
    }
    if (c->type != XML_ELEMENT_NODE) continue;
    const xmlNode* above = nullptr;
    for (const xmlNode* k = c->children; k != nullptr; k = k->next) {
      if (!named(k, "heading")) continue;
      xmlChar* cls = xmlGetProp(k, reinterpret_cast<const xmlChar*>("class"));
      if (cls && std::strcmp(reinterpret_cast<const char*>(cls), "above") == 0) above = k;
      xmlFree(cls);
    }
    if (above) {
      out += all_text(above);
      for (const xmlNode* k = c->children; k != nullptr; k = k->next) {
        if (k == above) continue;
        if (k->type == XML_TEXT_NODE)
          out += reinterpret_cast<const char*>(k->content);
        else if (k->type == XML_ELEMENT_NODE) {
          std::string inner;
          reading_order(k, inner);
          out += inner;
        }
      }
    } else {
      reading_order(c, out);
    }
  }
}

struct ParsedAkn {
  xmlDoc* doc = nullptr;
  explicit ParsedAkn(const std::string& xml)
      : doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "t.xml", nullptr, XML_PARSE_NONET)) {}
  ~ParsedAkn() { xmlFreeDoc(doc); }
  ParsedAkn(const ParsedAkn&) = delete;
  ParsedAkn& operator=(const ParsedAkn&) = delete;

  const xmlNode* find(const xmlNode* n, const char* name) const {
    for (const xmlNode* c = n ? n->children : nullptr; c != nullptr; c = c->next) {
      if (named(c, name)) return c;
      if (const xmlNode* f = find(c, name)) return f;
    }
    return nullptr;
  }

  // The words of the preface and the body (not meta), in reading order.
  std::string statute_text() const {
    std::string out;
    const xmlNode* root = xmlDocGetRootElement(doc);
    for (const char* part : {"preface", "body"})
      if (const xmlNode* p = find(root, part)) reading_order(p, out);
    return out;
  }

  struct Unit {
    std::string num, heading, text;  // text: everything, num and heading included
    bool heading_above = false;      // <heading class="above">
  };
  // Sections and articles not inside another section or article, in order.
  std::vector<Unit> units() const {
    std::vector<Unit> out;
    collect(find(xmlDocGetRootElement(doc), "body"), out);
    return out;
  }

 private:
  static void collect(const xmlNode* n, std::vector<Unit>& out) {
    for (const xmlNode* c = n ? n->children : nullptr; c != nullptr; c = c->next) {
      if (named(c, "section") || named(c, "article")) {
        Unit u;
        for (const xmlNode* k = c->children; k != nullptr; k = k->next) {
          if (named(k, "num")) u.num = all_text(k);
          if (named(k, "heading")) {
            u.heading = all_text(k);
            xmlChar* cls = xmlGetProp(k, reinterpret_cast<const xmlChar*>("class"));
            u.heading_above = cls && std::strcmp(reinterpret_cast<const char*>(cls), "above") == 0;
            xmlFree(cls);
          }
        }
        u.text = all_text(c);
        out.push_back(std::move(u));
      } else if (c->type == XML_ELEMENT_NODE) {
        collect(c, out);
      }
    }
  }
};

}  // namespace palermo::import::testing
