// `palermo show FILE [EID]`: a document's identity and table of contents, or one provision in full
// with the terms it defines and uses, the references it makes and the provisions that refer to it.
#include <cxxopts.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "akn/reader.hpp"
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "import/import.hpp"
#include "util/edit_distance.hpp"

namespace palermo::cli {

namespace {

using akn::Document;
using akn::Provision;
using json = nlohmann::ordered_json;

// Sub-levels are left out of the table of contents unless they carry a heading (--all shows them).
bool is_sublevel(std::string_view element) {
  return element == "subsection" || element == "paragraph" || element == "subparagraph" || element == "point" ||
         element == "item" || element == "indent" || element == "list" || element == "sublist" || element == "alinea" ||
         element == "proviso" || element == "level" || element == "subclause" || element == "subrule" ||
         element == "hcontainer";
}

// One past the last index of the provision's subtree (provisions are stored in pre-order).
std::size_t subtree_end(const Document& doc, std::size_t index) {
  std::size_t end = index + 1;
  while (end < doc.provisions.size() && doc.provisions[end].depth > doc.provisions[index].depth) ++end;
  return end;
}

bool in_subtree(std::size_t candidate, std::size_t begin, std::size_t end) {
  return candidate >= begin && candidate < end;
}

// Up to five eIds close to what was typed: containing it, or within a few edits of it.
std::vector<std::string> close_matches(const Document& doc, std::string_view wanted) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const Provision& p : doc.provisions) {
    std::size_t d = edit_distance(p.eid, wanted);
    if (p.eid.find(wanted) != std::string::npos) d = std::min<std::size_t>(d, 1);
    if (d <= std::max<std::size_t>(3, wanted.size() / 3)) scored.emplace_back(d, p.eid);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [d, eid] : scored) {
    if (out.size() == 5) break;
    if (std::find(out.begin(), out.end(), eid) == out.end()) out.push_back(eid);
  }
  return out;
}

std::string counts_line(const Document& doc) {
  std::vector<std::pair<std::string, std::size_t>> by_element;
  for (const Provision& p : doc.provisions) {
    auto it = std::find_if(by_element.begin(), by_element.end(), [&](const auto& e) { return e.first == p.element; });
    if (it == by_element.end())
      by_element.emplace_back(p.element, 1);
    else
      ++it->second;
  }
  std::string out = std::to_string(doc.provisions.size()) + " provisions";
  if (!by_element.empty()) {
    out += " (";
    for (std::size_t i = 0; i < by_element.size(); ++i) {
      if (i > 0) out += ", ";
      out += std::to_string(by_element[i].second) + " " + by_element[i].first;
    }
    out += ")";
  }
  out += "; " + std::to_string(doc.definitions.size()) + " definitions, " + std::to_string(doc.term_uses.size()) +
         " term uses, " + std::to_string(doc.references.size()) + " references";
  if (!doc.components.empty()) out += ", " + std::to_string(doc.components.size()) + " components";
  return out;
}

void print_identity(const Document& doc, const std::string& indent) {
  auto field = [&](const char* label, const std::string& value) {
    if (!value.empty()) std::printf("%s%-16s%s\n", indent.c_str(), label, value.c_str());
  };
  field("Title:", doc.title);
  field("Country:", doc.frbr.country);
  field("Type:", doc.doc_type + (doc.frbr.subtype.empty() ? "" : " (" + doc.frbr.subtype + ")"));
  field("Number:", doc.frbr.number);
  field("Work date:", doc.frbr.work_date);
  field("Expression:", doc.frbr.expression_date);
  field("Language:", doc.frbr.language);
  field("Dialect:", doc.dialect + (doc.namespace_uri.empty() ? "" : " (" + doc.namespace_uri + ")"));
  field("Work URI:", doc.frbr.work_uri);
  field("Expression URI:", doc.frbr.expression_uri);
  field("SHA-256:", doc.sha256);
  field("Contents:", counts_line(doc));
}

void print_contents(const Document& doc, bool all, const std::string& indent) {
  for (const Provision& p : doc.provisions) {
    if (!all && is_sublevel(p.element) && p.heading.empty()) continue;
    std::string line = indent + std::string(static_cast<std::size_t>(p.depth) * 2, ' ');
    std::string label = p.num.empty() ? (p.element == "attachment" ? p.citation : "") : p.num;
    line += label;
    if (!p.heading.empty()) line += (label.empty() ? "" : " ") + p.heading;
    if (label.empty() && p.heading.empty()) line += "(" + p.element + ")";
    line += "  [" + p.eid + "]";
    std::printf("%s\n", line.c_str());
  }
}

json identity_json(const Document& doc, bool all) {
  json j;
  j["path"] = doc.path;
  j["title"] = doc.title;
  j["doc_type"] = doc.doc_type;
  j["dialect"] = doc.dialect;
  j["namespace"] = doc.namespace_uri;
  j["sha256"] = doc.sha256;
  j["frbr"] = {{"country", doc.frbr.country},
               {"doc_type", doc.frbr.doc_type},
               {"subtype", doc.frbr.subtype},
               {"number", doc.frbr.number},
               {"name", doc.frbr.name},
               {"work_date", doc.frbr.work_date},
               {"expression_date", doc.frbr.expression_date},
               {"language", doc.frbr.language},
               {"work_uri", doc.frbr.work_uri},
               {"expression_uri", doc.frbr.expression_uri}};
  j["counts"] = {{"provisions", doc.provisions.size()},
                 {"definitions", doc.definitions.size()},
                 {"term_uses", doc.term_uses.size()},
                 {"references", doc.references.size()},
                 {"components", doc.components.size()}};
  json contents = json::array();
  for (const Provision& p : doc.provisions) {
    if (!all && is_sublevel(p.element) && p.heading.empty()) continue;
    contents.push_back({{"eid", p.eid},
                        {"element", p.element},
                        {"num", p.num},
                        {"heading", p.heading},
                        {"citation", p.citation},
                        {"depth", p.depth},
                        {"line", p.line}});
  }
  j["contents"] = std::move(contents);
  json components = json::array();
  for (const Document& c : doc.components) components.push_back(identity_json(c, all));
  j["components"] = std::move(components);
  return j;
}

// The provision and its children, one line per provision, indented below the shown provision.
void print_text(const Document& doc, std::size_t index, int base_depth) {
  const Provision& p = doc.provisions[index];
  std::string indent(static_cast<std::size_t>(p.depth - base_depth) * 2 + 2, ' ');
  std::string line = indent;
  if (!p.num.empty()) line += p.num + " ";
  if (!p.heading.empty() && index != static_cast<std::size_t>(-1) && p.depth != base_depth)
    line += p.heading + (p.text.empty() ? "" : ": ");
  line += p.text;
  if (line.find_first_not_of(' ') != std::string::npos) std::printf("%s\n", line.c_str());
  for (std::size_t c : p.children) print_text(doc, c, base_depth);
  if (!p.wrap_up.empty()) std::printf("%s%s\n", indent.c_str(), p.wrap_up.c_str());
}

std::string provision_label(const Document& doc, std::size_t index) {
  if (index == akn::kNoProvision || index >= doc.provisions.size()) return "(outside any provision)";
  const Provision& p = doc.provisions[index];
  return (p.citation.empty() ? p.eid : p.citation) + " [" + p.eid + "]";
}

struct ProvisionView {
  std::vector<const akn::TermMark*> defines, uses;
  std::vector<const akn::Reference*> makes, referred_by;
};

ProvisionView gather(const Document& doc, std::size_t index) {
  ProvisionView v;
  std::size_t end = subtree_end(doc, index);
  for (const auto& d : doc.definitions)
    if (in_subtree(d.provision, index, end)) v.defines.push_back(&d);
  for (const auto& t : doc.term_uses)
    if (in_subtree(t.provision, index, end)) v.uses.push_back(&t);
  for (const auto& r : doc.references) {
    if (in_subtree(r.provision, index, end)) v.makes.push_back(&r);
    if (!r.target_eid.empty() && !in_subtree(r.provision, index, end)) {
      auto target = doc.find(r.target_eid);
      if (target && in_subtree(*target, index, end)) v.referred_by.push_back(&r);
    }
  }
  return v;
}

void print_provision(const Document& doc, std::size_t index) {
  const Provision& p = doc.provisions[index];
  std::printf("%s  [%s]  <%s> line %d%s\n", p.citation.empty() ? p.eid.c_str() : p.citation.c_str(), p.eid.c_str(),
              p.element.c_str(), p.line, p.eid_generated ? " (eId generated)" : "");
  if (!p.heading.empty()) std::printf("Heading: %s\n", p.heading.c_str());
  std::string within;
  for (int a = p.parent; a >= 0; a = doc.provisions[static_cast<std::size_t>(a)].parent) {
    const Provision& ancestor = doc.provisions[static_cast<std::size_t>(a)];
    std::string label = ancestor.citation.empty() ? ancestor.eid : ancestor.citation;
    if (!ancestor.heading.empty()) label += " " + ancestor.heading;
    within = within.empty() ? label : label + " > " + within;
  }
  if (!within.empty()) std::printf("Within: %s\n", within.c_str());
  std::printf("Document: %s (%s)\n\nText:\n", doc.title.c_str(), doc.path.c_str());
  print_text(doc, index, p.depth);
  ProvisionView v = gather(doc, index);
  if (!v.defines.empty()) {
    std::printf("\nDefines:\n");
    for (const auto* d : v.defines)
      std::printf("  \"%s\" (#%s) in %s\n", d->text.c_str(), d->refers_to.c_str(),
                  provision_label(doc, d->provision).c_str());
  }
  if (!v.uses.empty()) {
    std::printf("\nUses terms:\n");
    for (const auto* t : v.uses)
      std::printf("  \"%s\" (#%s) in %s\n", t->text.c_str(), t->refers_to.c_str(),
                  provision_label(doc, t->provision).c_str());
  }
  if (!v.makes.empty()) {
    std::printf("\nReferences:\n");
    for (const auto* r : v.makes) {
      std::string target = r->target_eid.empty()
                               ? ""
                               : " -> " + (doc.find(r->target_eid) ? provision_label(doc, *doc.find(r->target_eid))
                                                                   : r->target_eid + " (not found)");
      std::printf("  \"%s\" %s%s\n", r->text.c_str(), r->href.c_str(), target.c_str());
    }
  }
  if (!v.referred_by.empty()) {
    std::printf("\nReferred to by:\n");
    for (const auto* r : v.referred_by)
      std::printf("  %s: \"%s\"\n", provision_label(doc, r->provision).c_str(), r->text.c_str());
  }
}

json provision_json(const Document& doc, std::size_t index) {
  const Provision& p = doc.provisions[index];
  json j{{"eid", p.eid},         {"eid_generated", p.eid_generated}, {"element", p.element}, {"num", p.num},
         {"heading", p.heading}, {"citation", p.citation},           {"line", p.line},       {"text", p.text},
         {"wrap_up", p.wrap_up}, {"full_text", doc.full_text(index)}};
  json children = json::array();
  for (std::size_t c : p.children) children.push_back(provision_json(doc, c));
  j["children"] = std::move(children);
  return j;
}

json provision_details_json(const Document& doc, std::size_t index) {
  json j = provision_json(doc, index);
  ProvisionView v = gather(doc, index);
  auto eid_of = [&](std::size_t i) { return i < doc.provisions.size() ? doc.provisions[i].eid : std::string(); };
  json defines = json::array(), uses = json::array(), makes = json::array(), referred = json::array();
  for (const auto* d : v.defines)
    defines.push_back({{"refers_to", d->refers_to}, {"text", d->text}, {"in", eid_of(d->provision)}});
  for (const auto* t : v.uses)
    uses.push_back({{"refers_to", t->refers_to}, {"text", t->text}, {"in", eid_of(t->provision)}});
  for (const auto* r : v.makes)
    makes.push_back(
        {{"href", r->href}, {"text", r->text}, {"target_eid", r->target_eid}, {"in", eid_of(r->provision)}});
  for (const auto* r : v.referred_by)
    referred.push_back({{"eid", eid_of(r->provision)},
                        {"citation", r->provision < doc.provisions.size() ? doc.provisions[r->provision].citation : ""},
                        {"text", r->text}});
  j["defines"] = std::move(defines);
  j["uses"] = std::move(uses);
  j["references"] = std::move(makes);
  j["referred_to_by"] = std::move(referred);
  j["document"] = {{"path", doc.path}, {"title", doc.title}, {"sha256", doc.sha256}};
  return j;
}

// The document (the main one or a component) holding the eId, and its index there.
std::pair<const Document*, std::size_t> locate(const Document& doc, const std::string& eid) {
  if (auto i = doc.find(eid)) return {&doc, *i};
  for (const Document& c : doc.components)
    if (auto found = locate(c, eid); found.first != nullptr) return found;
  return {nullptr, 0};
}

}  // namespace

int cmd_show(int argc, char** argv) {
  CommandLine cl("show", "Show a document's identity and table of contents, or one provision in full.");
  cl.formats({"text", "json"});
  cl.add()("all", "list every provision in the table of contents, not only headed ones");
  cl.operand("file", "Akoma Ntoso XML file").operand("eid", "eId of the provision to show").operand("extra", "", true);
  cl.operands_usage("FILE [EID]");
  if (auto rc = cl.parse(argc, argv, "\n")) return *rc;
  const auto& args = cl.args();
  if (!args.count("file") || args.count("extra")) {
    std::fprintf(
        stderr,
        "palermo show: expected FILE and at most one EID\nusage: palermo show FILE [EID] [--format text|json]\n");
    return exit_usage;
  }
  const std::string format = cl.format();
  const bool all = args.count("all") > 0;
  auto doc = import::load_document(args["file"].as<std::string>());
  if (!doc) {
    print_diagnostics(doc.errors());
    return exit_input;
  }
  if (!args.count("eid")) {
    if (format == "json") {
      std::printf("%s\n", identity_json(doc.value(), all).dump(2).c_str());
      return exit_ok;
    }
    print_identity(doc.value(), "");
    std::printf("\nTable of contents%s:\n", all ? "" : " (sub-levels without headings omitted; --all lists them)");
    print_contents(doc.value(), all, "  ");
    for (std::size_t i = 0; i < doc->components.size(); ++i) {
      std::printf("\nComponent %zu:\n", i + 1);
      print_identity(doc->components[i], "  ");
      print_contents(doc->components[i], all, "    ");
    }
    return exit_ok;
  }
  const std::string eid = args["eid"].as<std::string>();
  auto [holder, index] = locate(doc.value(), eid);
  if (holder == nullptr) {
    Diagnostic d;
    d.file = doc->path;
    d.message = "no provision has the eId '" + eid + "'";
    std::vector<std::string> near = close_matches(doc.value(), eid);
    for (const Document& c : doc->components)
      for (auto& m : close_matches(c, eid))
        if (near.size() < 5) near.push_back(m);
    if (!near.empty()) {
      d.hint = "did you mean: ";
      for (std::size_t i = 0; i < near.size(); ++i) d.hint += (i ? ", " : "") + near[i];
    } else {
      d.hint = "run 'palermo show " + doc->path + "' for the table of contents with every eId";
    }
    print_diagnostics({d});
    return exit_input;
  }
  if (format == "json") {
    std::printf("%s\n", provision_details_json(*holder, index).dump(2).c_str());
  } else {
    print_provision(*holder, index);
  }
  return exit_ok;
}

}  // namespace palermo::cli
