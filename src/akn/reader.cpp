// The Akoma Ntoso reader: one walk over the libxml2 tree builds the Document (metadata, provision
// tree, terms, references), whatever the dialect.
#include "akn/reader.hpp"

#include <libxml/tree.h>

#include <array>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "akn/citation_label.hpp"
#include "akn/eid.hpp"
#include "akn/xml_parse.hpp"
#include "util/files.hpp"

namespace palermo::akn {

namespace {

using detail::XmlDocPtr;

std::string_view name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool is_element(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }

int line_of(const xmlNode* n) { return static_cast<int>(xmlGetLineNo(n)); }

// The 27 elements of the schema's ANhier group, plus hcontainer.
bool is_hierarchical(std::string_view n) {
  static const std::unordered_set<std::string_view> kHier{
      "clause",   "section",     "part",      "paragraph",  "chapter", "title",        "article",
      "book",     "tome",        "division",  "list",       "point",   "indent",       "alinea",
      "rule",     "subrule",     "proviso",   "subsection", "subpart", "subparagraph", "subchapter",
      "subtitle", "subdivision", "subclause", "sublist",    "level",   "transitional", "hcontainer"};
  return kHier.count(n) != 0;
}

bool is_document_type(std::string_view n) {
  static const std::unordered_set<std::string_view> kTypes{
      "amendmentList", "officialGazette", "documentCollection", "act",      "bill",    "debateReport",
      "debate",        "statement",       "amendment",          "judgment", "portion", "doc"};
  return kTypes.count(n) != 0;
}

// Elements whose children are flowing text: a space separates them from what follows, so that
// "<p>one</p><p>two</p>" reads "one two" and not "onetwo".
bool is_block(std::string_view n) {
  static const std::unordered_set<std::string_view> kBlocks{"p",          "item",      "listIntroduction",
                                                            "listWrapUp", "blockList", "block",
                                                            "tr",         "td",        "th",
                                                            "tblock",     "table",     "li",
                                                            "ul",         "ol",        "eol",
                                                            "eop",        "br",        "authorialNote",
                                                            "remark",     "intro",     "content",
                                                            "wrapUp",     "heading",   "subheading",
                                                            "num",        "docTitle",  "longTitle",
                                                            "formula",    "container", "blockContainer",
                                                            "caption",    "signature", "foreign",
                                                            "speech",     "question",  "answer",
                                                            "from",       "citation",  "recital",
                                                            "toc",        "tocItem",   "div"};
  return kBlocks.count(n) != 0;
}

// Structures quoted from another text (amendments): their sections are not this document's sections.
bool is_quotation(std::string_view n) {
  return n == "quotedStructure" || n == "embeddedStructure" || n == "quotedText";
}

// Judgment and debate blocks that hold the body of documents without hierarchical provisions.
bool is_body_block(std::string_view n) {
  return n == "introduction" || n == "background" || n == "arguments" || n == "remedies" || n == "motivation" ||
         n == "decision" || n == "debateSection";
}

// Value of an attribute by local name (namespace ignored), or "".
std::string_view attribute(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), name) != 0) continue;
    if (a->children != nullptr && a->children->next == nullptr && a->children->content != nullptr)
      return reinterpret_cast<const char*>(a->children->content);
    return {};
  }
  return {};
}

// Appends text with every run of whitespace collapsed to one space and no leading space.
void append_normalised(std::string& out, const char* text) {
  auto space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
  for (const char* c = text; *c != '\0';) {
    if (space(*c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      ++c;
      continue;
    }
    const char* run = c;  // a run of non-space bytes, appended at once
    while (*c != '\0' && !space(*c)) ++c;
    out.append(run, static_cast<std::size_t>(c - run));
  }
}

void separate(std::string& out) {
  if (!out.empty() && out.back() != ' ') out += ' ';
}

void trim(std::string& s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  std::size_t lead = 0;
  while (lead < s.size() && s[lead] == ' ') ++lead;
  if (lead > 0) s.erase(0, lead);
}

// All text under a node, flattened and normalised (used for num, heading, def, term and ref words).
void collect_text(const xmlNode* node, std::string& out) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content != nullptr) append_normalised(out, reinterpret_cast<const char*>(c->content));
    } else if (is_element(c)) {
      bool block = is_block(name_of(c));
      if (block) separate(out);
      collect_text(c, out);
      if (block) separate(out);
    }
  }
}

std::string text_of(const xmlNode* node) {
  std::string out;
  collect_text(node, out);
  trim(out);
  return out;
}

const xmlNode* first_child_named(const xmlNode* node, std::string_view name) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next)
    if (is_element(c) && name_of(c) == name) return c;
  return nullptr;
}

std::string strip_hash(std::string_view s) {
  if (!s.empty() && s.front() == '#') s.remove_prefix(1);
  return std::string(s);
}

std::string dialect_of(std::string_view root_name, std::string_view ns) {
  if (root_name == "akomantoso") return "akn-pre-1.0";
  constexpr std::string_view kOasis = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
  if (ns == kOasis) return "akn-3.0";
  if (ns.rfind(kOasis, 0) == 0 && ns.size() > kOasis.size() + 1 && ns[kOasis.size()] == '/')
    return "akn-3.0-" + std::string(ns.substr(kOasis.size() + 1));
  constexpr std::string_view kOld = "http://www.akomantoso.org/";
  if (ns.rfind(kOld, 0) == 0) return "akn-" + std::string(ns.substr(kOld.size()));
  if (ns.empty()) return "akn-no-namespace";
  return "akn-unknown";
}

// One walk over one document element (the root's act/bill/..., or an embedded component).
class Walker {
 public:
  Walker(Document& doc, const xmlNs* akn_ns) : doc_(doc), akn_ns_(akn_ns) {}

  void read_document_element(const xmlNode* doc_element) {
    doc_.doc_type = std::string(name_of(doc_element));
    doc_.frbr.doc_type = doc_.doc_type;
    if (auto name = attribute(doc_element, "name"); !name.empty() && name != doc_.doc_type)
      doc_.frbr.subtype = std::string(name);
    record_id(doc_element);
    Context ctx;
    ctx.main_document = true;
    walk_children(doc_element, ctx);
    finish();
  }

  // `<components>` beside the document element (documentCollections in 3.0 drafts and the EU's
  // packages): each embedded document becomes one of Document::components.
  void read_root_components(const xmlNode* components) {
    record_id(components);
    Context ctx;
    ctx.depth = 1;
    for (const xmlNode* c = components->children; c != nullptr && !too_deep_; c = c->next) {
      if (!is_element(c)) continue;
      record_id(c);
      read_component(c, ctx);
    }
    trim(doc_.loose_text);
  }

  bool too_deep() const { return too_deep_; }
  int too_deep_line() const { return too_deep_line_; }
  const std::string& too_deep_element() const { return too_deep_element_; }

 private:
  enum class Sink { none, text, wrap_up, heading, preamble, loose };

  struct Context {
    int provision = -1;  // innermost provision
    const xmlNode* provision_node = nullptr;
    Sink sink = Sink::loose;
    int depth = 0;
    bool main_document = true;  // false inside attachments' own documents
    bool quoted = false;        // inside quoted text from another instrument
    int quoted_root = -2;       // provision holding the quotedStructure being read, if any
    std::string inserting;      // that provision's citation ("s 3")
  };

  std::string* target(const Context& ctx) {
    switch (ctx.sink) {
      case Sink::none:
        return nullptr;
      case Sink::text:
        return &doc_.provisions[static_cast<std::size_t>(ctx.provision)].text;
      case Sink::wrap_up:
        return &doc_.provisions[static_cast<std::size_t>(ctx.provision)].wrap_up;
      case Sink::heading:
        return &doc_.provisions[static_cast<std::size_t>(ctx.provision)].heading;
      case Sink::preamble:
        return &doc_.preamble;
      case Sink::loose:
        return &doc_.loose_text;
    }
    return nullptr;
  }

  std::size_t provision_index(const Context& ctx) const {
    return ctx.provision < 0 ? kNoProvision : static_cast<std::size_t>(ctx.provision);
  }

  void record_id(const xmlNode* n) {
    std::string_view id = attribute(n, "eId");
    if (id.empty()) id = attribute(n, "id");
    if (id.empty()) return;  // xml:id is found by the same lookup ("id" local name)
    doc_.element_ids.push_back({std::string(id), std::string(name_of(n)), static_cast<int>(xmlGetLineNo(n))});
  }

  void walk_children(const xmlNode* parent, const Context& ctx) {
    for (const xmlNode* c = parent->children; c != nullptr && !too_deep_; c = c->next) walk(c, ctx);
  }

  void walk(const xmlNode* node, const Context& ctx) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content == nullptr) return;
      if (std::string* out = target(ctx)) append_normalised(*out, reinterpret_cast<const char*>(node->content));
      return;
    }
    // Comments, processing instructions and (never expanded) entity references carry no law.
    if (!is_element(node)) return;
    if (ctx.depth + 1 > kMaxElementDepth) {
      too_deep_ = true;
      too_deep_line_ = static_cast<int>(xmlGetLineNo(node));
      too_deep_element_ = std::string(name_of(node));
      return;
    }
    Context inner = ctx;
    inner.depth = ctx.depth + 1;
    record_id(node);

    // Elements of other namespaces (uk:, ukl:, xhtml) are transparent containers: their text stays.
    bool ours =
        akn_ns_ == nullptr ? node->ns == nullptr : node->ns != nullptr && xmlStrEqual(node->ns->href, akn_ns_->href);
    std::string_view name = name_of(node);
    if (!ours) {
      walk_children(node, inner);
      return;
    }

    if (name == "meta") {
      if (ctx.main_document && !meta_read_) {
        meta_read_ = true;
        read_meta(node);
      } else {
        record_ids_below(node);
      }
      return;
    }
    if (name == "attachment" ||
        (name == "component" && node->parent != nullptr && name_of(node->parent) != "collectionBody")) {
      if (!ctx.quoted) {
        enter_attachment(node, inner);
        return;
      }
    }
    if (name == "component" && node->parent != nullptr && name_of(node->parent) == "collectionBody") {
      read_component(node, inner);
      return;
    }
    if (name == "quotedStructure" && ctx.provision >= 0 && has_hierarchical_child(node)) {
      // Amending text that inserts whole provisions: read them as provisions of their own (flagged
      // quoted), cited as the amended instrument numbers them, so evidence can point at them.
      enter_quoted_structure(node, inner);
      return;
    }
    if (is_quotation(name)) {
      inner.quoted = true;
      if (std::string* out = target(inner)) separate(*out);
      walk_children(node, inner);
      if (std::string* out = target(inner)) separate(*out);
      return;
    }
    if (!ctx.quoted && (is_hierarchical(name) || name == "crossHeading" || is_body_block(name) ||
                        (!is_document_type(name) && has_hierarchical_child(node) && is_unknown(name)))) {
      enter_provision(node, inner);
      return;
    }
    // num and heading of a provision are its own fields, read when the provision was entered.
    if (ctx.provision_node != nullptr && node->parent == ctx.provision_node &&
        (name == "num" || name == "heading" || name == "subheading"))
      return;
    if (is_document_type(name)) {
      // An embedded document (a schedule's doc): its meta is its own; its text belongs here.
      inner.main_document = false;
      walk_children(node, inner);
      return;
    }
    if (name == "preface" || name == "preamble" || name == "coverPage") {
      if (ctx.provision < 0) inner.sink = ctx.main_document ? Sink::preamble : Sink::loose;
    } else if (name == "wrapUp" && ctx.provision >= 0 && node->parent == ctx.provision_node) {
      inner.sink = Sink::wrap_up;
    } else if (name == "intro" || name == "content") {
      if (ctx.provision >= 0 && node->parent == ctx.provision_node) inner.sink = Sink::text;
    }
    if (ctx.main_document && ctx.provision < 0) {
      if (name == "docTitle" && doc_title_.empty()) doc_title_ = text_of(node);
      if (name == "shortTitle" && short_title_.empty()) short_title_ = text_of(node);
    }
    if (name == "def" && !ctx.quoted) {
      doc_.definitions.push_back(
          {provision_index(ctx), strip_hash(attribute(node, "refersTo")), text_of(node), line_of(node)});
    } else if (name == "term") {
      doc_.term_uses.push_back(
          {provision_index(ctx), strip_hash(attribute(node, "refersTo")), text_of(node), line_of(node)});
    } else if (name == "ref" || name == "rref" || name == "mref") {
      if (name == "ref" || !attribute(node, "href").empty())
        doc_.references.push_back(
            {provision_index(ctx), std::string(attribute(node, "href")), text_of(node), "", line_of(node)});
    }
    bool block = is_block(name);
    if (block)
      if (std::string* out = target(inner)) separate(*out);
    walk_children(node, inner);
    if (block)
      if (std::string* out = target(inner)) separate(*out);
  }

  // Known AKN containers that are never provisions themselves, even when they hold provisions.
  static bool is_unknown(std::string_view name) {
    static const std::unordered_set<std::string_view> kKnown{
        "body",           "mainBody",       "judgmentBody", "debateBody",  "amendmentBody",
        "collectionBody", "portionBody",    "attachments",  "components",  "intro",
        "content",        "wrapUp",         "preface",      "preamble",    "conclusions",
        "coverPage",      "blockContainer", "container",    "akomaNtoso",  "akomantoso",
        "attachment",     "component",      "interstitial", "documentRef", "componentRef"};
    return kKnown.count(name) == 0;
  }

  bool has_hierarchical_child(const xmlNode* node) const {
    for (const xmlNode* c = node->children; c != nullptr; c = c->next)
      if (is_element(c) && is_hierarchical(name_of(c))) return true;
    return false;
  }

  void record_ids_below(const xmlNode* node) {
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      if (!is_element(c)) continue;
      record_id(c);
      record_ids_below(c);
    }
  }

  // A new provision: eId (as written or generated), num, heading and citation are known before its
  // children are walked, so that children can build on them.
  std::size_t open_provision(const xmlNode* node, const Context& ctx, std::string element) {
    std::size_t index = doc_.provisions.size();
    Provision p;
    p.element = std::move(element);
    p.parent = ctx.provision;
    p.depth = ctx.provision < 0 ? 0 : doc_.provisions[static_cast<std::size_t>(ctx.provision)].depth + 1;
    p.line = static_cast<int>(xmlGetLineNo(node));
    if (const xmlNode* num = first_child_named(node, "num")) p.num = text_of(num);
    if (const xmlNode* heading = first_child_named(node, "heading")) p.heading = text_of(heading);
    if (const xmlNode* sub = first_child_named(node, "subheading")) {
      std::string subheading = text_of(sub);
      if (!subheading.empty()) p.heading += (p.heading.empty() ? "" : " \u2014 ") + subheading;
    }
    std::string_view written = attribute(node, "eId");
    if (written.empty()) written = attribute(node, "id");
    std::string_view parent_eid = ctx.provision < 0
                                      ? std::string_view{}
                                      : std::string_view(doc_.provisions[static_cast<std::size_t>(ctx.provision)].eid);
    // Positional count among siblings of the same element, for eIds of provisions without num.
    int& position = sibling_counters_[{ctx.provision, p.element}];
    ++position;
    if (!written.empty()) {
      p.eid = std::string(written);
    } else {
      std::string number = eid_number_from_num(p.num);
      if (number.empty()) number = std::to_string(position);
      p.eid = unique_eid(make_eid(parent_eid, p.element, number));
      p.eid_generated = true;
    }
    used_eids_.insert(p.eid);
    doc_.provisions.push_back(std::move(p));
    if (ctx.provision >= 0) doc_.provisions[static_cast<std::size_t>(ctx.provision)].children.push_back(index);
    return index;
  }

  // eid, or eid_2, eid_3 ... The next suffix to try is remembered per base, so 10,000 siblings with
  // the same number cost linear time, not quadratic (issue 11: 50,000 took over a minute).
  std::string unique_eid(std::string eid) {
    if (!used_eids_.count(eid)) return eid;
    int& suffix = next_suffix_[eid];
    if (suffix < 2) suffix = 2;
    for (;; ++suffix) {
      std::string candidate = eid + "_" + std::to_string(suffix);
      if (!used_eids_.count(candidate)) {
        ++suffix;
        return candidate;
      }
    }
  }

  CitationParent parent_for_citation(const Context& ctx) const {
    if (ctx.provision < 0) return {};
    const Provision& parent = doc_.provisions[static_cast<std::size_t>(ctx.provision)];
    return {parent.element, parent.citation};
  }

  void enter_provision(const xmlNode* node, const Context& ctx) {
    std::size_t index = open_provision(node, ctx, std::string(name_of(node)));
    Provision& p = doc_.provisions[index];
    if (p.element == "crossHeading" && p.heading.empty()) p.heading = text_of(node);
    // Inserted provisions are cited as the amended instrument numbers them: "s 260B(1)", not "s 3(…)".
    const bool inserted = ctx.quoted_root >= -1 && ctx.provision == ctx.quoted_root;
    p.citation =
        citation_label(p.element, p.num, inserted ? CitationParent{} : parent_for_citation(ctx), doc_.frbr.language);
    if (ctx.quoted_root >= -1) {
      p.quoted = true;
      p.inserted_by = ctx.inserting;
    }
    Context inner = ctx;
    inner.provision = static_cast<int>(index);
    inner.provision_node = node;
    inner.sink = name_of(node) == "crossHeading" ? Sink::none : Sink::text;
    walk_children(node, inner);
    close_provision(index);
  }

  void enter_quoted_structure(const xmlNode* node, const Context& ctx) {
    Context inner = ctx;
    inner.quoted_root = ctx.provision;
    inner.inserting = doc_.provisions[static_cast<std::size_t>(ctx.provision)].citation;
    if (std::string* out = target(inner)) separate(*out);
    for (const xmlNode* c = node->children; c != nullptr && !too_deep_; c = c->next) {
      if (is_element(c) && is_hierarchical(name_of(c))) {
        enter_provision(c, inner);
      } else {
        walk(c, inner);
      }
    }
  }

  void close_provision(std::size_t index) {
    Provision& p = doc_.provisions[index];
    trim(p.text);
    trim(p.wrap_up);
    trim(p.heading);
  }

  // A schedule: a provision of element "attachment" under which the schedule's provisions hang.
  void enter_attachment(const xmlNode* node, const Context& ctx) {
    ++attachment_count_;
    std::size_t index = open_provision(node, ctx, "attachment");
    Provision& p = doc_.provisions[index];
    if (p.eid_generated) {
      used_eids_.erase(p.eid);
      p.eid = unique_eid(make_eid("", "attachment", std::to_string(attachment_count_)));
      used_eids_.insert(p.eid);
    }
    if (p.heading.empty()) p.heading = attachment_heading(node);
    p.citation = attachment_citation(p.heading, attachment_count_);
    Context inner = ctx;
    inner.provision = static_cast<int>(index);
    inner.provision_node = node;
    inner.sink = Sink::text;
    inner.main_document = false;
    walk_children(node, inner);
    close_provision(index);
  }

  // The first docTitle or heading inside an attachment (outside its meta), looked for breadth-first
  // over a bounded number of nodes so that huge schedules cost nothing extra.
  static std::string attachment_heading(const xmlNode* node) {
    std::vector<const xmlNode*> queue{node};
    for (std::size_t i = 0; i < queue.size() && i < 200; ++i) {
      for (const xmlNode* c = queue[i]->children; c != nullptr; c = c->next) {
        if (!is_element(c) || name_of(c) == "meta") continue;
        if (name_of(c) == "docTitle" || name_of(c) == "heading") {
          std::string text = text_of(c);
          if (!text.empty()) return text;
        }
        queue.push_back(c);
      }
    }
    return {};
  }

  // A documentCollection component embedding a whole document becomes Document::components.
  void read_component(const xmlNode* node, const Context& ctx) {
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      if (!is_element(c) || !is_document_type(name_of(c))) continue;
      Document component;
      component.path = doc_.path;
      component.sha256 = doc_.sha256;
      component.namespace_uri = doc_.namespace_uri;
      component.dialect = doc_.dialect;
      Walker walker(component, akn_ns_);
      walker.read_document_element(c);
      if (walker.too_deep()) {
        too_deep_ = true;
        too_deep_line_ = walker.too_deep_line();
        too_deep_element_ = walker.too_deep_element();
        return;
      }
      doc_.components.push_back(std::move(component));
    }
    // Anything else in the component (documentRef, interstitial text) stays searchable.
    for (const xmlNode* c = node->children; c != nullptr; c = c->next)
      if (!(is_element(c) && is_document_type(name_of(c)))) walk(c, ctx);
  }

  void read_meta(const xmlNode* meta) {
    record_ids_below(meta);
    for (const xmlNode* section = meta->children; section != nullptr; section = section->next) {
      if (!is_element(section)) continue;
      if (name_of(section) == "identification") {
        for (const xmlNode* level = section->children; level != nullptr; level = level->next) {
          if (!is_element(level)) continue;
          if (name_of(level) == "FRBRWork") read_frbr_work(level);
          if (name_of(level) == "FRBRExpression") read_frbr_expression(level);
        }
      } else if (name_of(section) == "references") {
        for (const xmlNode* r = section->children; r != nullptr; r = r->next) {
          if (!is_element(r) || name_of(r) != "TLCTerm") continue;
          std::string_view id = attribute(r, "eId");
          if (id.empty()) id = attribute(r, "id");
          doc_.ontology_terms.push_back(
              {std::string(id), std::string(attribute(r, "href")), std::string(attribute(r, "showAs"))});
        }
      }
    }
  }

  void read_frbr_work(const xmlNode* work) {
    std::string this_value;
    for (const xmlNode* f = work->children; f != nullptr; f = f->next) {
      if (!is_element(f)) continue;
      std::string_view n = name_of(f);
      if (n == "FRBRthis")
        this_value = std::string(attribute(f, "value"));
      else if (n == "FRBRuri")
        doc_.frbr.work_uri = std::string(attribute(f, "value"));
      else if (n == "FRBRdate")
        doc_.frbr.work_date = std::string(attribute(f, "date"));
      else if (n == "FRBRcountry")
        doc_.frbr.country = std::string(attribute(f, "value"));
      else if (n == "FRBRnumber")
        doc_.frbr.number = std::string(attribute(f, "value"));
      else if (n == "FRBRname")
        doc_.frbr.name = std::string(attribute(f, "value"));
      else if (n == "FRBRsubtype")
        doc_.frbr.subtype = std::string(attribute(f, "value"));
      else if (n == "FRBRalias" && alias_.empty())
        alias_ = std::string(attribute(f, "value"));
    }
    if (doc_.frbr.work_uri.empty()) doc_.frbr.work_uri = this_value;
  }

  void read_frbr_expression(const xmlNode* expression) {
    std::string this_value;
    for (const xmlNode* f = expression->children; f != nullptr; f = f->next) {
      if (!is_element(f)) continue;
      std::string_view n = name_of(f);
      if (n == "FRBRthis")
        this_value = std::string(attribute(f, "value"));
      else if (n == "FRBRuri")
        doc_.frbr.expression_uri = std::string(attribute(f, "value"));
      else if (n == "FRBRdate")
        doc_.frbr.expression_date = std::string(attribute(f, "date"));
      else if (n == "FRBRlanguage" && doc_.frbr.language.empty())
        doc_.frbr.language = std::string(attribute(f, "language"));
    }
    if (doc_.frbr.expression_uri.empty()) doc_.frbr.expression_uri = this_value;
  }

  // After the walk: title, reference targets, text trimmed.
  void finish() {
    trim(doc_.preamble);
    trim(doc_.loose_text);
    if (doc_.frbr.name.empty()) doc_.frbr.name = !doc_title_.empty() ? doc_title_ : short_title_;
    // FRBRalias (e.g. name="title") is what some publishers use instead of FRBRname.
    if (doc_.frbr.name.empty()) doc_.frbr.name = alias_;
    doc_.title = !doc_title_.empty() ? doc_title_ : !short_title_.empty() ? short_title_ : doc_.frbr.name;
    std::string_view work = doc_.frbr.work_uri;
    while (!work.empty() && work.back() == '/') work.remove_suffix(1);
    for (Reference& r : doc_.references) {
      std::string_view href = r.href;
      if (!href.empty() && href.front() == '#') {
        r.target_eid = std::string(href.substr(1));
        continue;
      }
      auto tilde = href.find('~');
      if (tilde == std::string_view::npos || work.empty()) continue;
      std::string_view before = href.substr(0, tilde);
      // "/akn/na/act/2018/1/~sec_4", "/akn/na/act/2018/1/eng@2018-04-06/~sec_4" and ".../!main~sec_4"
      // all point into this work.
      if (before.rfind(work, 0) == 0 &&
          (before.size() == work.size() || before[work.size()] == '/' || before[work.size()] == '!'))
        r.target_eid = std::string(href.substr(tilde + 1));
    }
  }

  struct CounterKeyHash {
    std::size_t operator()(const std::pair<int, std::string>& k) const {
      return std::hash<std::string>{}(k.second) ^ (static_cast<std::size_t>(k.first) * 0x9E3779B97F4A7C15ULL);
    }
  };

  Document& doc_;
  const xmlNs* akn_ns_;
  bool meta_read_ = false;
  bool too_deep_ = false;
  int too_deep_line_ = 0;
  std::string too_deep_element_;
  int attachment_count_ = 0;
  std::string doc_title_;
  std::string short_title_;
  std::string alias_;
  std::unordered_set<std::string> used_eids_;
  std::unordered_map<std::string, int> next_suffix_;  // unique_eid: the next suffix to try per base eId
  std::unordered_map<std::pair<int, std::string>, int, CounterKeyHash> sibling_counters_;
};

}  // namespace

bool is_hierarchical_element(std::string_view element) { return element != "hcontainer" && is_hierarchical(element); }

Result<Document> read_document_from_memory(std::string_view bytes, const std::string& name) {
  auto parsed = detail::parse_xml_safely(bytes, name);
  if (!parsed) return parsed.errors();
  const xmlDoc* xml = parsed.value().get();
  const xmlNode* root = xmlDocGetRootElement(xml);
  if (root == nullptr)
    return Diagnostic{.file = name,
                      .line = 1,
                      .column = 1,
                      .message = "the XML has no root element",
                      .hint = "give palermo an Akoma Ntoso document",
                      .excerpt = detail::source_line(bytes, 1)};
  std::string_view root_name = name_of(root);
  const int root_line = static_cast<int>(xmlGetLineNo(root));
  if (root_name != "akomaNtoso" && root_name != "akomantoso") {
    std::string ns =
        root->ns != nullptr ? std::string(" (namespace ") + reinterpret_cast<const char*>(root->ns->href) + ")" : "";
    return detail::error_at_element(
        bytes, name, root_line, root_name,
        "this is XML but not Akoma Ntoso: root element is <" + std::string(root_name) + ">" + ns,
        "palermo reads Akoma Ntoso documents (root <akomaNtoso>); convert the statute first");
  }
  Document doc;
  doc.path = name;
  doc.sha256 = sha256_hex(bytes);
  doc.namespace_uri = root->ns != nullptr ? reinterpret_cast<const char*>(root->ns->href) : "";
  doc.dialect = dialect_of(root_name, doc.namespace_uri);
  const xmlNode* doc_element = nullptr;
  for (const xmlNode* c = root->children; c != nullptr; c = c->next)
    if (is_element(c) && doc_element == nullptr) doc_element = c;
  if (doc_element == nullptr)
    return detail::error_at_element(
        bytes, name, root_line, root_name,
        "the <" + std::string(root_name) + "> element is empty: no act, bill or other document in it",
        "check that the export finished");
  if (!is_document_type(name_of(doc_element)))
    return detail::error_at_element(
        bytes, name, static_cast<int>(xmlGetLineNo(doc_element)), name_of(doc_element),
        "<" + std::string(name_of(doc_element)) +
            "> is not an Akoma Ntoso document type (act, bill, doc, judgment, portion, ...)",
        "the element under <akomaNtoso> must name the kind of document");
  Walker walker(doc, root->ns);
  walker.read_document_element(doc_element);
  for (const xmlNode* c = doc_element->next; c != nullptr; c = c->next)
    if (is_element(c) && name_of(c) == "components") walker.read_root_components(c);
  if (walker.too_deep())
    return detail::error_at_element(
        bytes, name, walker.too_deep_line(), walker.too_deep_element(),
        "elements are nested more than " + std::to_string(kMaxElementDepth) + " levels deep",
        "check the file was not generated by a runaway process");
  return doc;
}

Result<Document> read_document(const std::string& path) {
  auto bytes = read_file(path);
  if (!bytes) return bytes.errors();
  return read_document_from_memory(bytes.value(), path);
}

}  // namespace palermo::akn
