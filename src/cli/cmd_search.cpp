// palermo search QUERY: ranked provisions from the full-text store, in the model's pattern language.
#include <unistd.h>

#include <cstdio>
#include <cxxopts.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/inputs.hpp"
#include "grammars/pattern/pattern.hpp"
#include "store/store.hpp"

namespace palermo::cli {
namespace {

// Replaces the store's match markers with colour, or with [[ ]] when colour is off.
std::string mark(const std::string& snippet, bool colour, const char* open_plain, const char* close_plain) {
  std::string out;
  for (char c : snippet) {
    if (c == store::kMarkOpen)
      out += colour ? "\x1b[1;33m" : open_plain;
    else if (c == store::kMarkClose)
      out += colour ? "\x1b[0m" : close_plain;
    else
      out += c;
  }
  return out;
}

}  // namespace

int cmd_search(int argc, char** argv) {
  CommandLine cl("search",
                 "Search the indexed statutes. QUERY is the model's pattern language (FTS5 syntax):\n"
                 "  words, prefix*, \"a phrase\", AND, OR, NOT, ( ), NEAR(a b, 5), a NEAR/5 b\n"
                 "Words match after folding and stemming in each statute's language.");
  cl.add()("db", "index database (default: $PALERMO_DB, else ./palermo.db)",
           cxxopts::value<std::string>()->default_value(""));
  cl.country("only this FRBR country code");
  cl.add()("lang", "only statutes in this language (eng, fra, spa, por)",
           cxxopts::value<std::string>()->default_value(""))("limit", "at most N results",
                                                             cxxopts::value<int>()->default_value("20"));
  cl.formats({"text", "json"});
  cl.operand("query", "the query", true).operands_usage("QUERY");
  if (auto rc = cl.parse(argc, argv)) return *rc;
  const auto& args = cl.args();
  const std::string format = cl.format();
  if (!args.count("query")) {
    std::fprintf(stderr, "palermo search: give a QUERY, e.g. palermo search 'abuse NEAR/5 vulnerability'\n");
    return exit_usage;
  }
  std::string query;
  for (const auto& part : args["query"].as<std::vector<std::string>>()) query += (query.empty() ? "" : " ") + part;
  auto parsed = pattern::parse_query(query);  // bounded: size, terms, nesting
  if (!parsed) {
    print_diagnostics(parsed.errors());
    return exit_input;
  }
  const std::string db_path = default_db_path(args["db"].as<std::string>());
  if (!std::filesystem::exists(db_path)) {
    std::fprintf(stderr, "%s: error: no index here\n  hint: build it first with 'palermo index FILE|DIR... --db %s'\n",
                 db_path.c_str(), db_path.c_str());
    return exit_input;
  }
  auto store = store::Store::open(db_path, /*read_only=*/true);
  if (!store) {
    print_diagnostics(store.errors());
    return exit_input;
  }
  store::SearchOptions so{args["country"].as<std::string>(), args["lang"].as<std::string>(),
                          std::max(1, args["limit"].as<int>())};
  auto hits = store->search(*parsed, so);
  if (!hits) {
    print_diagnostics(hits.errors());
    return exit_input;
  }
  if (format == "json") {
    nlohmann::json out = {{"query", query}, {"fts5", pattern::to_fts5(*parsed)}, {"results", nlohmann::json::array()}};
    for (const auto& h : *hits) {
      out["results"].push_back({{"document", h.document},
                                {"title", h.title},
                                {"country", h.country},
                                {"language", h.language},
                                {"eid", h.eid},
                                {"citation", h.citation},
                                {"heading", h.heading},
                                {"snippet", mark(h.snippet, false, "«", "»")},
                                {"rank", h.rank}});
    }
    std::printf("%s\n", out.dump(2).c_str());
    return exit_ok;
  }
  const bool colour = use_colour(1);
  if (hits->empty()) std::fprintf(stderr, "palermo search: no provision matches %s\n", query.c_str());
  for (const auto& h : *hits) {
    std::printf("%s%s%s  %s  [%s] %s  (%s)\n", colour ? "\x1b[1m" : "", h.citation.c_str(), colour ? "\x1b[0m" : "",
                h.heading.c_str(), h.country.c_str(), h.title.c_str(), h.eid.c_str());
    std::printf("    %s\n    %s\n", mark(h.snippet, colour, "[[", "]]").c_str(), h.document.c_str());
  }
  return exit_ok;
}

}  // namespace palermo::cli
