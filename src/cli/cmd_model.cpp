// `palermo model list | show ID | lint [DIR]`: what the Protocol model holds, one obligation in
// full, and the check that model writers run on their *.pal files.
#include <cxxopts.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "grammars/pattern/pattern.hpp"
#include "model/model.hpp"

namespace palermo::cli {

namespace {

using model::Element;
using model::Model;
using model::Obligation;

const char* const kUsage =
    "usage: palermo model list [--format text|json] [--model DIR]\n"
    "       palermo model show ID [--format text|json] [--model DIR]\n"
    "       palermo model lint [DIR] [--quiet]\n"
    "\n"
    "  list   one line per obligation: id, instrument, article, class, area, title, languages\n"
    "  show   one obligation in full: statement, advice, elements and red flags with their patterns\n"
    "  lint   parse and check a folder of *.pal files (default: the model built into palermo);\n"
    "         exit 0 when clean, 3 on errors\n"
    "\n"
    "  --model DIR   use the *.pal files in DIR instead of the built-in model\n"
    "  --format F    text (default) or json\n"
    "  -q, --quiet   lint: print errors only, not warnings\n"
    "  -h, --help    show this help\n";

// Languages with at least one pattern anywhere in the obligation, in a fixed order.
std::vector<std::string> languages_of(const Obligation& o) {
  std::set<std::string> seen;
  for (const auto* list : {&o.elements, &o.red_flags})
    for (const auto& e : *list)
      for (const auto& p : e.patterns) seen.insert(p.language);
  std::vector<std::string> out;
  for (const char* lang : {"en", "fr", "es", "pt"})
    if (seen.count(lang)) out.emplace_back(lang);
  for (const auto& lang : seen)
    if (std::find(out.begin(), out.end(), lang) == out.end()) out.push_back(lang);
  return out;
}

std::string join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

std::vector<std::string> checks_of(const Obligation& o) {
  std::vector<std::string> out;
  for (const auto* list : {&o.elements, &o.red_flags})
    for (const auto& e : *list)
      if (!e.check.empty() && std::find(out.begin(), out.end(), e.check) == out.end()) out.push_back(e.check);
  return out;
}

// Columns a string takes on a terminal: its code points (titles may carry accented letters).
std::size_t display_width(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string where_of(const model::SourceLocation& w) { return w.file + ":" + std::to_string(w.line); }

nlohmann::json element_json(const Element& e) {
  nlohmann::json patterns = nlohmann::json::array();
  for (const auto& p : e.patterns)
    patterns.push_back({{"language", p.language},
                        {"source", p.source},
                        {"parsed", pattern::to_string(p.node)},
                        {"where", where_of(p.where)}});
  nlohmann::json j = {{"id", e.id},
                      {"title", e.title},
                      {"scope", std::string(to_string(e.scope))},
                      {"patterns", patterns},
                      {"where", where_of(e.where)}};
  if (!e.check.empty()) j["check"] = e.check;
  if (!e.explanation.empty()) j["explanation"] = e.explanation;
  return j;
}

nlohmann::json summary_json(const Obligation& o) {
  return {{"id", o.id},
          {"instrument", o.instrument},
          {"article", o.article},
          {"class", std::string(to_string(o.klass))},
          {"area", std::string(to_string(o.area))},
          {"title", o.title},
          {"languages", languages_of(o)}};
}

nlohmann::json full_json(const Obligation& o) {
  nlohmann::json j = summary_json(o);
  j["statement"] = o.statement;
  j["advice"] = o.advice;
  j["checks"] = checks_of(o);
  j["where"] = where_of(o.where);
  j["elements"] = nlohmann::json::array();
  for (const auto& e : o.elements) j["elements"].push_back(element_json(e));
  j["red_flags"] = nlohmann::json::array();
  for (const auto& e : o.red_flags) j["red_flags"].push_back(element_json(e));
  return j;
}

// Wraps `text` at `width` columns, every line after the first indented by `indent` spaces.
std::string wrap(const std::string& text, std::size_t indent, std::size_t width = 100) {
  std::string out;
  std::size_t column = indent;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find(' ', i);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(i, end - i);
    if (column > indent && column + 1 + word.size() > width) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
    } else if (column > indent) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    i = end + 1;
  }
  return out;
}

// Loads the model, printing errors; nullopt means "exit 3".
std::optional<Model> load_or_report(const std::string& dir, std::vector<Diagnostic>* warnings = nullptr) {
  auto loaded = model::load_model(dir, warnings);
  if (!loaded.ok()) {
    print_diagnostics(loaded.errors());
    std::fprintf(stderr, "palermo model: the model %s has %zu error%s\n",
                 dir.empty() ? "built into palermo" : ("in " + dir).c_str(), loaded.errors().size(),
                 loaded.errors().size() == 1 ? "" : "s");
    return std::nullopt;
  }
  return std::move(loaded).value();
}

int run_list(const Model& m, const std::string& format) {
  if (format == "json") {
    nlohmann::json out = {{"model", m.name}, {"version", m.version}, {"obligations", nlohmann::json::array()}};
    for (const auto& o : m.obligations) out["obligations"].push_back(summary_json(o));
    std::printf("%s\n", out.dump(2).c_str());
    return exit_ok;
  }
  std::vector<std::array<std::string, 7>> rows;
  rows.push_back({"ID", "INSTRUMENT", "ARTICLE", "CLASS", "AREA", "TITLE", "LANGUAGES"});
  for (const auto& o : m.obligations)
    rows.push_back({o.id, o.instrument, o.article, std::string(to_string(o.klass)), std::string(to_string(o.area)),
                    o.title, join(languages_of(o), " ")});
  std::array<std::size_t, 7> widths{};
  for (const auto& r : rows)
    for (std::size_t c = 0; c < r.size(); ++c) widths[c] = std::max(widths[c], display_width(r[c]));
  for (const auto& r : rows) {
    std::string line;
    for (std::size_t c = 0; c < r.size(); ++c) {
      line += r[c];
      if (c + 1 < r.size()) line += std::string(widths[c] - display_width(r[c]) + 2, ' ');
    }
    std::printf("%s\n", line.c_str());
  }
  return exit_ok;
}

void print_element(const Element& e, bool red_flag) {
  std::printf("  %s  \"%s\"  (scope %s)  %s\n", e.id.c_str(), e.title.c_str(), std::string(to_string(e.scope)).c_str(),
              where_of(e.where).c_str());
  for (const auto& p : e.patterns) {
    std::printf("    %s  %s\n", p.language.c_str(), wrap(p.source, 8).c_str());
    if (p.source.find('$') != std::string::npos)
      std::printf("        = %s\n", wrap(pattern::to_string(p.node), 10).c_str());
  }
  if (!e.check.empty()) std::printf("    check  %s (computed by the analysis)\n", e.check.c_str());
  if (!e.explanation.empty()) std::printf("    %s  %s\n", red_flag ? "why " : "note", wrap(e.explanation, 10).c_str());
}

int run_show(const Model& m, const std::string& id, const std::string& format) {
  const Obligation* o = m.find(id);
  if (o == nullptr) {
    std::vector<std::string> ids;
    for (const auto& each : m.obligations) ids.push_back(each.id);
    auto close = model::closest_names(id, ids, 5);
    std::fprintf(stderr, "palermo model show: no obligation '%s' in the model\n", id.c_str());
    if (!close.empty()) std::fprintf(stderr, "  did you mean: %s\n", join(close, ", ").c_str());
    std::fprintf(stderr, "  hint: 'palermo model list' lists every obligation id\n");
    return exit_input;
  }
  if (format == "json") {
    std::printf("%s\n", full_json(*o).dump(2).c_str());
    return exit_ok;
  }
  std::printf("%s: %s\n", o->id.c_str(), o->title.c_str());
  std::printf("  instrument  %s, article %s\n", o->instrument.c_str(), o->article.c_str());
  std::printf("  class       %s\n", std::string(to_string(o->klass)).c_str());
  std::printf("  area        %s\n", std::string(to_string(o->area)).c_str());
  std::printf("  source      %s\n", where_of(o->where).c_str());
  auto checks = checks_of(*o);
  if (!checks.empty()) std::printf("  checks      %s\n", join(checks, ", ").c_str());
  std::printf("  statement   %s\n", wrap(o->statement, 14).c_str());
  if (!o->advice.empty()) std::printf("  advice      %s\n", wrap(o->advice, 14).c_str());
  std::printf("\nelements (%zu):\n", o->elements.size());
  for (const auto& e : o->elements) print_element(e, false);
  if (!o->red_flags.empty()) {
    std::printf("\nred flags (%zu):\n", o->red_flags.size());
    for (const auto& e : o->red_flags) print_element(e, true);
  }
  return exit_ok;
}

int run_lint(const std::string& dir, bool quiet) {
  std::vector<Diagnostic> warnings;
  auto loaded = model::load_model(dir, &warnings);
  if (!quiet) print_diagnostics(warnings);
  if (!loaded.ok()) {
    print_diagnostics(loaded.errors());
    std::fprintf(stderr, "%s: %zu error%s, %zu warning%s\n", dir.empty() ? "built-in model" : dir.c_str(),
                 loaded.errors().size(), loaded.errors().size() == 1 ? "" : "s", warnings.size(),
                 warnings.size() == 1 ? "" : "s");
    return exit_input;
  }
  const Model& m = *loaded;
  std::size_t elements = 0, patterns = 0;
  for (const auto& o : m.obligations)
    for (const auto* list : {&o.elements, &o.red_flags}) {
      elements += list->size();
      for (const auto& e : *list) patterns += e.patterns.size() + e.partial_patterns.size();
    }
  std::printf("%zu obligations, %zu elements, %zu patterns, %zu lexicons: OK", m.obligations.size(), elements, patterns,
              m.lexicons.size());
  if (!m.borrowed_lexicons.empty())
    std::printf(" (%zu lexicon%s from palermo's own)", m.borrowed_lexicons.size(),
                m.borrowed_lexicons.size() == 1 ? "" : "s");
  if (!warnings.empty()) std::printf(" (%zu warning%s)", warnings.size(), warnings.size() == 1 ? "" : "s");
  std::printf("\n");
  return exit_ok;
}

}  // namespace

int cmd_model(int argc, char** argv) {
  CommandLine cl("model", "list, show or lint the Protocol model");
  cl.help_text(kUsage);
  cl.add()("model", "model folder", cxxopts::value<std::string>()->default_value(""));
  cl.formats({"text", "json"});
  cl.add()("q,quiet", "lint: errors only");
  cl.operand("args", "subcommand and its argument", true);
  if (auto rc = cl.parse(argc, argv)) return *rc;
  const auto& parsed = cl.args();
  const std::vector<std::string> args = cl.texts("args");
  const std::string format = cl.format();
  std::string dir = cl.model_dir();
  if (args.empty()) {
    std::fprintf(stderr, "palermo model: say what to do\n%s", kUsage);
    return exit_usage;
  }
  const std::string& action = args[0];
  if (action == "lint") {
    if (args.size() > 2) {
      std::fprintf(stderr, "palermo model lint: takes at most one folder\n%s", kUsage);
      return exit_usage;
    }
    if (args.size() == 2) dir = args[1];
    return run_lint(dir, parsed.count("quiet") > 0);
  }
  if (action == "list" || action == "show") {
    std::size_t wanted = action == "list" ? 1 : 2;
    if (args.size() != wanted) {
      std::fprintf(stderr, "palermo model %s: %s\n%s", action.c_str(),
                   action == "list" ? "takes no argument" : "takes one obligation id", kUsage);
      return exit_usage;
    }
    auto m = load_or_report(dir);
    if (!m) return exit_input;
    return action == "list" ? run_list(*m, format) : run_show(*m, args[1], format);
  }
  std::fprintf(stderr, "palermo model: unknown action '%s'\n%s", action.c_str(), kUsage);
  return exit_usage;
}

}  // namespace palermo::cli
