// Safe XML parsing with libxml2: options chosen so that hostile files cannot reach the network, the
// file system or unbounded memory, and so that the first error keeps its line and column.
#include "akn/xml_parse.hpp"

#include <libxml/globals.h>
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

// Errors libxml2 raises outside the parser context (the encoding converters, I/O) go to its global
// handlers, which print on stderr by default. While we parse, they come here instead: the first is
// kept (it explains a later "Premature end of data"), nothing is printed.
struct GlobalErrors {
  bool seen = false;
  int domain = 0;
  std::string message;
};

void collect_global_error(void* user_data, xmlErrorPtr error) {
  auto* global = static_cast<GlobalErrors*>(user_data);
  if (global == nullptr || error == nullptr || global->seen || error->level < XML_ERR_ERROR) return;
  global->seen = true;
  global->domain = error->domain;
  global->message = error->message != nullptr ? error->message : "";
  while (!global->message.empty() && (global->message.back() == '\n' || global->message.back() == ' '))
    global->message.pop_back();
}

extern "C" void ignore_generic_error(void*, const char*, ...) {}

// Routes libxml2's global (per-thread) error handlers to `global` for its lifetime, then restores them.
class SilenceLibxml2 {
 public:
  explicit SilenceLibxml2(GlobalErrors& global)
      : structured_(xmlStructuredError),
        structured_context_(xmlStructuredErrorContext),
        generic_(xmlGenericError),
        generic_context_(xmlGenericErrorContext) {
    xmlSetStructuredErrorFunc(&global, collect_global_error);
    xmlSetGenericErrorFunc(nullptr, ignore_generic_error);
  }
  ~SilenceLibxml2() {
    xmlSetStructuredErrorFunc(structured_context_, structured_);
    xmlSetGenericErrorFunc(generic_context_, generic_);
  }
  SilenceLibxml2(const SilenceLibxml2&) = delete;
  SilenceLibxml2& operator=(const SilenceLibxml2&) = delete;

 private:
  xmlStructuredErrorFunc structured_;
  void* structured_context_;
  xmlGenericErrorFunc generic_;
  void* generic_context_;
};

// The encoding named in the XML declaration, or "".
std::string declared_encoding(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, 5) != "<?xml") return {};
  const auto end = bytes.find("?>");
  const std::string_view decl = bytes.substr(0, end);
  const auto at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  const auto quote = decl.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return {};
  const auto close = decl.find(decl[quote], quote + 1);
  if (close == std::string_view::npos) return {};
  return std::string(decl.substr(quote + 1, close - quote - 1));
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
  // Kept as bytes: Diagnostic::format escapes control characters and bytes that are not UTF-8.
  return std::string(text);
}

namespace {

// Offset of the start of line `line` (1-based), or npos.
std::size_t line_start(std::string_view bytes, int line) {
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    auto nl = bytes.find('\n', start);
    if (nl == std::string_view::npos) return std::string_view::npos;
    start = nl + 1;
  }
  return start;
}

int characters(std::string_view s) {
  int n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

int tag_column(std::string_view bytes, int line, std::string_view element) {
  if (line <= 0) return 1;
  const std::size_t start = line_start(bytes, line);
  if (start == std::string_view::npos) return 1;
  std::size_t end = bytes.find('\n', start);
  if (end == std::string_view::npos) end = bytes.size();
  const std::string_view text = bytes.substr(start, end - start);
  auto is_name_end = [](char c) { return c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\r' || c == '\n'; };
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    std::size_t name_end = at + 1;
    while (name_end < text.size() && !is_name_end(text[name_end])) ++name_end;
    std::string_view qname = text.substr(at + 1, name_end - at - 1);
    const auto colon = qname.find(':');
    if (colon != std::string_view::npos) qname.remove_prefix(colon + 1);
    if (qname == element) return 1 + characters(text.substr(0, at));
  }
  const auto first = text.find('<');
  return first == std::string_view::npos ? 1 : 1 + characters(text.substr(0, first));
}

Diagnostic error_at_element(std::string_view bytes, const std::string& name, int line, std::string_view element,
                            std::string message, std::string hint) {
  if (line <= 0) line = 1;
  return Diagnostic{.file = name,
                    .line = line,
                    .column = tag_column(bytes, line, element),
                    .message = std::move(message),
                    .hint = std::move(hint),
                    .excerpt = source_line(bytes, line)};
}

Result<XmlDocPtr> parse_xml_safely(std::string_view bytes, const std::string& name) {
  if (bytes.empty() || only_whitespace(bytes))
    return Diagnostic{.file = name,
                      .line = 1,
                      .column = 1,
                      .message = "the file is empty",
                      .hint = "give palermo an Akoma Ntoso XML file (.xml or .akn.xml)"};
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    return Diagnostic{.file = name,
                      .line = 1,
                      .column = 1,
                      .message = "the file is larger than 2 GB",
                      .hint = "split the collection into one file per document"};
  if (auto at = find_entity_declaration(bytes); at != std::string_view::npos) {
    auto [line, column] = line_and_column(bytes, at);
    return Diagnostic{.file = name,
                      .line = line,
                      .column = column,
                      .message =
                          "the DOCTYPE declares entities; palermo never expands entities (they can read local "
                          "files or exhaust memory)",
                      .hint = "remove the DOCTYPE and write the characters out, then re-export the document",
                      .excerpt = source_line(bytes, line)};
  }

  ParserCtxtPtr ctxt(xmlNewParserCtxt());
  if (!ctxt) return Diagnostic{.file = name, .message = "out of memory creating the XML parser"};
  FirstError first;
  GlobalErrors global;
  SilenceLibxml2 silence(global);
  ctxt->_private = &first;
  ctxt->sax->serror = collect_first_error;  // per-parser, so no global libxml2 state is touched
  // No XML_PARSE_NOENT (entities stay unexpanded), no XML_PARSE_DTDLOAD / DTDATTR / DTDVALID (no DTD
  // is fetched), XML_PARSE_NONET (nothing from the network), no XML_PARSE_HUGE (libxml2 keeps its
  // limits on depth and text sizes). BIG_LINES keeps line numbers right past 65535.
  const int options =
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT;
  XmlDocPtr doc(
      xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr, options));
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
    if (first.line <= 0) {
      // Some errors (an encoding converter failing) carry no position: take where the parser stopped.
      if (ctxt->input != nullptr) {
        first.line = ctxt->input->line;
        first.column = ctxt->input->col;
      }
      if (first.line <= 0) first.line = 1;
    }
    if (first.column <= 0) first.column = 1;
    if (global.seen && global.domain == XML_FROM_I18N) {
      // The converter for the declared encoding met bytes it cannot decode; libxml2 then only says
      // "Premature end of data". Say what happened, where decoding stopped.
      const std::string encoding = declared_encoding(bytes);
      message = "the bytes are not valid " + (encoding.empty() ? std::string("in the document's encoding") : encoding) +
                " (decoding stopped here: " + global.message + ")";
      hint = encoding.empty() ? "save the file as UTF-8"
                              : "the XML declaration says encoding=\"" + encoding +
                                    "\": declare the encoding the file is really in, or save it as UTF-8";
    } else if (first.message.find("Excessive depth") != std::string::npos) {
      message =
          "elements are nested more than " + std::to_string(kMaxElementDepth) + " levels deep; no statute needs that";
      hint = "check the file was not generated by a runaway process";
    } else if (first.code == XML_ERR_INVALID_CHAR || first.code == XML_ERR_INVALID_ENCODING ||
               first.message.find("UTF-8") != std::string::npos ||
               first.message.find("encoding") != std::string::npos) {
      message = "the bytes are not valid in the document's encoding: " + first.message;
      hint = "save the file as UTF-8 (or declare its real encoding in the XML declaration)";
    } else {
      message = "XML is not well-formed: " + first.message;
    }
    return Diagnostic{.file = name,
                      .line = first.line,
                      .column = first.column,
                      .message = message,
                      .hint = hint,
                      .excerpt = source_line(bytes, first.line)};
  }
  // Belt and braces: a DOCTYPE that slipped past the prolog scan must still declare no entities.
  if (doc->intSubset != nullptr) {
    for (xmlNode* n = doc->intSubset->children; n != nullptr; n = n->next) {
      if (n->type == XML_ENTITY_DECL) {
        const auto at = bytes.find("<!DOCTYPE");
        auto [line, column] = line_and_column(bytes, at == std::string_view::npos ? 0 : at);
        return Diagnostic{.file = name,
                          .line = line,
                          .column = column,
                          .message = "the DOCTYPE declares entities; palermo never expands entities",
                          .hint = "remove the DOCTYPE and write the characters out",
                          .excerpt = source_line(bytes, line)};
      }
    }
  }
  return doc;
}

}  // namespace palermo::akn::detail
