// Safe XML parsing with libxml2: options chosen so that hostile files cannot reach the network, the
// file system or unbounded memory, and so that the first error keeps its line and column.
#include "akn/xml_parse.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <string>

#include "akn/reader.hpp"

namespace palermo::akn::detail {

namespace {

struct ParserCtxtFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
using ParserCtxtPtr = std::unique_ptr<xmlParserCtxt, ParserCtxtFree>;

// The first error libxml2 reports while parsing (later ones are usually consequences of it).
struct FirstError {
  bool seen = false;
  int line = 0;
  int column = 0;
  int code = 0;
  std::string message;
};

void collect_first_error(void* user_data, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxt*>(user_data);
  if (ctxt == nullptr || ctxt->_private == nullptr || error == nullptr) return;
  auto* first = static_cast<FirstError*>(ctxt->_private);
  // Validity notices (e.g. a duplicate xml:id) are not reasons to refuse a document.
  if (first->seen || error->level < XML_ERR_ERROR || error->domain == XML_FROM_VALID) return;
  first->seen = true;
  first->line = error->line;
  first->column = error->int2;
  first->code = error->code;
  first->message = error->message != nullptr ? error->message : "unknown XML error";
  while (!first->message.empty() && (first->message.back() == '\n' || first->message.back() == ' '))
    first->message.pop_back();
}

std::pair<int, int> line_and_column(std::string_view bytes, std::size_t offset) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

// Finds an entity declaration in a DOCTYPE before the root element. Entities are never expanded by
// our parser options, but a statute has no use for them and refusing them outright means neither
// billion-laughs expansion nor external entities ever get near libxml2's entity machinery.
std::size_t find_entity_declaration(std::string_view bytes) {
  auto doctype = bytes.find("<!DOCTYPE");
  if (doctype == std::string_view::npos) return std::string_view::npos;
  // Only a DOCTYPE in the prolog counts: it must come before the first element start tag.
  for (std::size_t i = 0; i < doctype; ++i) {
    if (bytes[i] == '<' && i + 1 < bytes.size() && bytes[i + 1] != '?' && bytes[i + 1] != '!')
      return std::string_view::npos;
  }
  return bytes.find("<!ENTITY", doctype);
}

bool only_whitespace(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  for (char c : bytes)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

}  // namespace

std::string source_line(std::string_view bytes, int line) {
  if (line <= 0) return {};
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    auto nl = bytes.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  auto end = bytes.find('\n', start);
  std::string_view text = bytes.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  // Long lines (whole statutes on one line) are not worth showing whole.
  if (text.size() > 160) return {};
  std::string out;
  for (char c : text) out += (static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  return out;
}

Result<XmlDocPtr> parse_xml_safely(std::string_view bytes, const std::string& name) {
  if (bytes.empty() || only_whitespace(bytes))
    return Diagnostic{.file = name, .message = "the file is empty", .hint = "give palermo an Akoma Ntoso XML file (.xml or .akn.xml)"};
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    return Diagnostic{.file = name, .message = "the file is larger than 2 GB", .hint = "split the collection into one file per document"};
  if (auto at = find_entity_declaration(bytes); at != std::string_view::npos) {
    auto [line, column] = line_and_column(bytes, at);
    return Diagnostic{.file = name, .line = line, .column = column, .message = "the DOCTYPE declares entities; palermo never expands entities (they can read local "
                      "files or exhaust memory)", .hint = "remove the DOCTYPE and write the characters out, then re-export the document", .excerpt = source_line(bytes, line)};
  }

  ParserCtxtPtr ctxt(xmlNewParserCtxt());
  if (!ctxt)
    return Diagnostic{.file = name, .message = "out of memory creating the XML parser"};
  FirstError first;
  ctxt->_private = &first;
  ctxt->sax->serror = collect_first_error;  // per-parser, so no global libxml2 state is touched
  // No XML_PARSE_NOENT (entities stay unexpanded), no XML_PARSE_DTDLOAD / DTDATTR / DTDVALID (no DTD
  // is fetched), XML_PARSE_NONET (nothing from the network), no XML_PARSE_HUGE (libxml2 keeps its
  // limits on depth and text sizes). BIG_LINES keeps line numbers right past 65535.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES |
                      XML_PARSE_COMPACT;
  XmlDocPtr doc(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), name.c_str(),
                                  nullptr, options));
  ctxt->_private = nullptr;
  if (!doc || ctxt->wellFormed == 0) {
    if (!first.seen) {
      if (const xmlError* last = xmlCtxtGetLastError(ctxt.get()); last != nullptr && last->message != nullptr) {
        first.line = last->line;
        first.column = last->int2;
        first.code = last->code;
        first.message = last->message;
        while (!first.message.empty() && first.message.back() == '\n') first.message.pop_back();
      } else {
        first.message = "unknown XML error";
      }
    }
    std::string message;
    std::string hint = "fix the XML or re-export it from the authoring tool";
    if (first.message.find("Excessive depth") != std::string::npos) {
      message = "elements are nested more than " + std::to_string(kMaxElementDepth) +
                " levels deep; no statute needs that";
      hint = "check the file was not generated by a runaway process";
    } else if (first.code == XML_ERR_INVALID_CHAR || first.code == XML_ERR_INVALID_ENCODING ||
               first.message.find("UTF-8") != std::string::npos ||
               first.message.find("encoding") != std::string::npos) {
      message = "the bytes are not valid in the document's encoding: " + first.message;
      hint = "save the file as UTF-8 (or declare its real encoding in the XML declaration)";
    } else {
      message = "XML is not well-formed: " + first.message;
    }
    return Diagnostic{.file = name, .line = first.line, .column = first.column, .message = message, .hint = hint, .excerpt = source_line(bytes, first.line)};
  }
  // Belt and braces: a DOCTYPE that slipped past the prolog scan must still declare no entities.
  if (doc->intSubset != nullptr) {
    for (xmlNode* n = doc->intSubset->children; n != nullptr; n = n->next) {
      if (n->type == XML_ENTITY_DECL) {
        int line = static_cast<int>(xmlGetLineNo(reinterpret_cast<xmlNode*>(doc->intSubset)));
        return Diagnostic{.file = name, .line = line > 0 ? line : 0, .message = "the DOCTYPE declares entities; palermo never expands entities", .hint = "remove the DOCTYPE and write the characters out"};
      }
    }
  }
  return doc;
}

}  // namespace palermo::akn::detail
