// Validation of Akoma Ntoso documents: the naming convention and internal consistency checks, and
// XML Schema validation through libxml2.
#include "akn/validate.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "akn/eid.hpp"
#include "akn/reader.hpp"
#include "akn/xml_parse.hpp"
#include "util/files.hpp"

namespace palermo::akn {

namespace {

// Containers above sections: publishers commonly drop their eIds from their children's eIds
// ("sec_4" under "chp_2"), which the convention allows.
bool prefix_may_be_dropped(std::string_view element) {
  return element == "part" || element == "chapter" || element == "title" || element == "book" || element == "tome" ||
         element == "division" || element == "subpart" || element == "subchapter" || element == "subtitle" ||
         element == "subdivision" || element == "hcontainer" || element == "crossHeading" || element == "attachment" ||
         element == "transitional";
}

bool follows_abbreviation(const Provision& p) {
  std::string_view last = eid_last_component(p.eid);
  // The element's own string, not a temporary: eid_abbreviation may return a view of its argument
  // (an element it has no abbreviation for), which must outlive this function's use of it.
  std::string_view abbreviation = eid_abbreviation(std::string_view(p.element));
  if (last == abbreviation) return true;
  return last.size() > abbreviation.size() + 1 && last.substr(0, abbreviation.size()) == abbreviation &&
         last[abbreviation.size()] == '_';
}

void check_duplicates(const Document& doc, std::vector<Problem>& out) {
  std::unordered_map<std::string_view, const ElementId*> first_seen;
  for (const ElementId& id : doc.element_ids) {
    auto [it, inserted] = first_seen.emplace(id.eid, &id);
    if (inserted) continue;
    out.push_back({"duplicate-eid", id.line,
                   "<" + id.element + "> has the id '" + id.eid + "', already used by <" + it->second->element +
                       "> at line " + std::to_string(it->second->line)});
    out.back().anchor = "\"" + id.eid + "\"";
  }
}

void check_naming(const Document& doc, std::vector<Problem>& out) {
  // Only AKN 3.0 has eIds and the naming convention; older dialects use free-form `id`s.
  if (doc.dialect.rfind("akn-3.0", 0) != 0) return;
  std::size_t written = 0;
  std::size_t conforming = 0;
  std::string example;
  for (const Provision& p : doc.provisions) {
    if (p.eid_generated || p.element == "crossHeading") continue;
    ++written;
    if (follows_abbreviation(p))
      ++conforming;
    else if (example.empty())
      example = p.eid;
  }
  if (written == 0) return;
  if (conforming * 2 < written) {
    // A publisher's own scheme (legislation.gov.uk writes "section-5-2"): one note, not thousands
    // of lines saying the same thing.
    out.push_back({"eid-convention", 0,
                   std::to_string(written - conforming) + " of " + std::to_string(written) +
                       " eIds follow the publisher's own scheme (e.g. '" + example +
                       "'), not the OASIS naming convention; per-element naming checks skipped",
                   Problem::Severity::note});
    return;
  }
  for (std::size_t i = 0; i < doc.provisions.size(); ++i) {
    const Provision& p = doc.provisions[i];
    if (p.eid_generated || p.element == "crossHeading") continue;
    if (!follows_abbreviation(p)) {
      out.push_back({"eid-convention", p.line,
                     "<" + p.element + "> eId '" + p.eid + "' should end in '" +
                         std::string(eid_abbreviation(p.element)) + "_...' (OASIS naming convention)"});
      out.back().anchor = "\"" + p.eid + "\"";
      continue;
    }
    if (p.parent < 0) continue;
    // Walk up: the prefix must be the eId of an enclosing provision; dropping containers is allowed.
    std::string_view prefix = eid_prefix(p.eid);
    const Provision& parent = doc.provisions[static_cast<std::size_t>(p.parent)];
    bool ancestor_generated = false;
    bool matched = false;
    for (int a = p.parent; a >= 0; a = doc.provisions[static_cast<std::size_t>(a)].parent) {
      const Provision& ancestor = doc.provisions[static_cast<std::size_t>(a)];
      if (ancestor.eid_generated) ancestor_generated = true;
      if (!prefix.empty() && ancestor.eid == prefix) matched = true;
    }
    if (ancestor_generated) continue;  // the publisher gave an ancestor no eId: nothing to compare
    if (prefix.empty()) {
      if (!prefix_may_be_dropped(parent.element)) {
        out.push_back(
            {"eid-convention", p.line,
             "<" + p.element + "> eId '" + p.eid + "' is not prefixed by its parent's eId '" + parent.eid + "__'"});
        out.back().anchor = "\"" + p.eid + "\"";
      }
    } else if (!matched) {
      out.push_back({"eid-convention", p.line,
                     "<" + p.element + "> eId '" + p.eid + "' is prefixed by '" + std::string(prefix) +
                         "', which is not the eId of any enclosing provision (parent: '" + parent.eid + "')"});
      out.back().anchor = "\"" + p.eid + "\"";
    }
  }
}

void check_missing_nums(const Document& doc, std::vector<Problem>& out) {
  // Siblings grouped by (parent, element): a group where some have a num and some do not.
  std::map<std::pair<int, std::string_view>, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < doc.provisions.size(); ++i) {
    const Provision& p = doc.provisions[i];
    if (is_hierarchical_element(p.element)) groups[{p.parent, p.element}].push_back(i);
  }
  std::vector<Problem> found;
  for (const auto& [key, members] : groups) {
    bool some_numbered =
        std::any_of(members.begin(), members.end(), [&](std::size_t i) { return !doc.provisions[i].num.empty(); });
    if (!some_numbered) continue;
    for (std::size_t i : members) {
      const Provision& p = doc.provisions[i];
      if (p.num.empty()) {
        found.push_back(
            {"missing-num", p.line,
             "<" + p.element + "> '" + p.eid + "' has no <num> but its sibling " + p.element + "s have one"});
        found.back().anchor = "<" + p.element;
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const Problem& a, const Problem& b) { return a.line < b.line; });
  out.insert(out.end(), found.begin(), found.end());
}

void check_references_and_terms(const Document& doc, std::vector<Problem>& out) {
  std::unordered_set<std::string_view> ids;
  for (const ElementId& id : doc.element_ids) ids.insert(id.eid);
  for (const Provision& p : doc.provisions) ids.insert(p.eid);
  for (const Reference& r : doc.references) {
    if (r.href.size() < 2 || r.href.front() != '#') continue;
    if (!ids.count(std::string_view(r.href).substr(1))) {
      out.push_back({"unresolved-ref", r.line,
                     "reference '" + r.text + "' points to '" + r.href + "', which no element in the document has"});
      out.back().anchor = "\"" + r.href + "\"";
    }
  }
  std::unordered_set<std::string_view> defined;
  for (const TermMark& d : doc.definitions) defined.insert(d.refers_to);
  for (const OntologyTerm& t : doc.ontology_terms) defined.insert(t.eid);
  for (const TermMark& t : doc.term_uses) {
    if (t.refers_to.empty() || defined.count(t.refers_to) || ids.count(t.refers_to)) continue;
    out.push_back({"undefined-term", t.line,
                   "term '" + t.text + "' refers to '#" + t.refers_to + "', which no <def> or TLCTerm defines"});
    out.back().anchor = "#" + t.refers_to + "\"";
  }
}

void validate_into(const Document& doc, std::vector<Problem>& out) {
  check_duplicates(doc, out);
  check_naming(doc, out);
  check_missing_nums(doc, out);
  check_references_and_terms(doc, out);
  for (const Document& component : doc.components) validate_into(component, out);
}

// libxml2's schema loader resolves <xs:import schemaLocation> through the global external entity
// loader; for the duration of a validation it is replaced by the one that refuses the network.
class NoNetworkLoader {
 public:
  NoNetworkLoader() : previous_(xmlGetExternalEntityLoader()) {
    xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
  }
  ~NoNetworkLoader() { xmlSetExternalEntityLoader(previous_); }
  NoNetworkLoader(const NoNetworkLoader&) = delete;
  NoNetworkLoader& operator=(const NoNetworkLoader&) = delete;

 private:
  xmlExternalEntityLoader previous_;
};

struct SchemaParserCtxtFree {
  void operator()(xmlSchemaParserCtxt* p) const { xmlSchemaFreeParserCtxt(p); }
};
struct SchemaFree {
  void operator()(xmlSchema* p) const { xmlSchemaFree(p); }
};
struct SchemaValidCtxtFree {
  void operator()(xmlSchemaValidCtxt* p) const { xmlSchemaFreeValidCtxt(p); }
};

struct CollectedErrors {
  std::vector<Problem> problems;
};

void collect_schema_error(void* user_data, xmlErrorPtr error) {
  if (user_data == nullptr || error == nullptr) return;
  auto* collected = static_cast<CollectedErrors*>(user_data);
  std::string message = error->message != nullptr ? error->message : "schema error";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (error->level == XML_ERR_WARNING) return;
  collected->problems.push_back({"schema", error->line, message});
  collected->problems.back().column = error->int2;  // libxml2's column, when it knows one
  const auto* node = static_cast<const xmlNode*>(error->node);
  if (node != nullptr && node->type == XML_ELEMENT_NODE && node->name != nullptr)
    collected->problems.back().anchor = "<" + std::string(reinterpret_cast<const char*>(node->name));
}

}  // namespace

std::string Problem::format(const std::string& file) const {
  std::string out = file;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += ": ";
  if (severity == Severity::note) out += "note: ";
  out += kind + ": " + message;
  return out;
}

void locate_columns(std::vector<Problem>& problems, std::string_view bytes) {
  // Line starts, computed once: a file with thousands of problems is scanned once.
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < bytes.size(); ++i)
    if (bytes[i] == '\n') starts.push_back(i + 1);
  auto characters = [](std::string_view s) {
    int n = 0;
    for (char c : s)
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
  };
  for (Problem& p : problems) {
    if (p.line <= 0 || static_cast<std::size_t>(p.line) > starts.size()) continue;
    const std::size_t start = starts[static_cast<std::size_t>(p.line) - 1];
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view text = bytes.substr(start, end - start);
    if (p.column > 0) continue;  // the schema validator knew it
    std::size_t at = std::string_view::npos;
    if (!p.anchor.empty() && p.anchor.front() == '"') {
      for (const char* attribute : {"eId=", "href=", "id=", "GUID="}) {
        at = text.find(attribute + p.anchor);
        if (at != std::string_view::npos) break;
      }
      // The whole attribute name: xml:id, not id.
      while (at != std::string_view::npos && at > 0 && text[at - 1] != ' ' && text[at - 1] != '\t') --at;
    }
    if (at == std::string_view::npos && !p.anchor.empty()) at = text.find(p.anchor);
    if (at != std::string_view::npos && p.anchor.front() == '"') {
      // An attribute value: point at the attribute's name, before  ="value".
      std::size_t name = at;
      if (name > 0 && text[name - 1] == '=') {
        --name;
        while (name > 0 && text[name - 1] != ' ' && text[name - 1] != '\t') --name;
        at = name;
      }
    }
    if (at == std::string_view::npos) at = text.find('<');
    p.column = at == std::string_view::npos ? 1 : 1 + characters(text.substr(0, at));
  }
}

std::vector<Problem> validate(const Document& doc) {
  std::vector<Problem> out;
  validate_into(doc, out);
  return out;
}

std::size_t count_errors(const std::vector<Problem>& problems) {
  return static_cast<std::size_t>(std::count_if(
      problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Problem::Severity::error; }));
}

Result<std::vector<Problem>> validate_against_schema(const std::string& path, const std::string& xsd_path) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.errors();
  auto parsed = detail::parse_xml_safely(bytes.value(), path);
  if (!parsed) return parsed.errors();
  auto schema_bytes = read_file(xsd_path);  // a clear "cannot read" diagnostic before libxml2 tries
  if (!schema_bytes) return schema_bytes.errors();

  NoNetworkLoader no_network;
  CollectedErrors schema_errors;
  std::unique_ptr<xmlSchemaParserCtxt, SchemaParserCtxtFree> parser(xmlSchemaNewParserCtxt(xsd_path.c_str()));
  if (!parser) return Diagnostic{.file = xsd_path, .message = "cannot create a schema parser"};
  xmlSchemaSetParserStructuredErrors(parser.get(), collect_schema_error, &schema_errors);
  std::unique_ptr<xmlSchema, SchemaFree> schema(xmlSchemaParse(parser.get()));
  if (!schema) {
    Diagnostic d{.file = xsd_path,
                 .message = "the schema could not be loaded",
                 .hint = "give --schema a local XML Schema file (e.g. akomantoso30.xsd with its xml.xsd beside it)"};
    if (!schema_errors.problems.empty()) {
      d.line = schema_errors.problems.front().line;
      d.message += ": " + schema_errors.problems.front().message;
    }
    return d;
  }
  std::unique_ptr<xmlSchemaValidCtxt, SchemaValidCtxtFree> validator(xmlSchemaNewValidCtxt(schema.get()));
  if (!validator) return Diagnostic{.file = xsd_path, .message = "cannot create a schema validator"};
  CollectedErrors validity;
  xmlSchemaSetValidStructuredErrors(validator.get(), collect_schema_error, &validity);
  int rc = xmlSchemaValidateDoc(validator.get(), parsed.value().get());
  if (rc < 0) return Diagnostic{.file = path, .message = "internal error while validating against the schema"};
  return std::move(validity.problems);
}

}  // namespace palermo::akn
