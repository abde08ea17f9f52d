// palermo: checks national anti-trafficking law (Akoma Ntoso) against the UN Trafficking in Persons
// Protocol. This file only dispatches to the subcommands in cmd_*.cpp.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "cli/commands.hpp"
#include "cli/memory.hpp"
#include "model/model.hpp"
#include "palermo_git_commit.hpp"  // generated at build time by cmake/git_commit.cmake

namespace palermo::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      {"check", "check one country's statutes against the Protocol and write a gap report", cmd_check},
      {"compare", "compare countries obligation by obligation (matrix: text, csv, md, html, json)", cmd_compare},
      {"diff", "show which obligations a new text (a bill) closes, opens or changes against the old", cmd_diff},
      {"show", "show a document's identity and contents, or one provision in full", cmd_show},
      {"validate", "report problems in an Akoma Ntoso file (eIds, nums, references, terms; --schema XSD)",
       cmd_validate},
      {"index", "add statutes to the full-text index (SQLite FTS5)", cmd_index},
      {"search", "search the indexed statutes (the model's pattern language)", cmd_search},
      {"import", "turn a statute in text, Markdown, Word, PDF or HTML into Akoma Ntoso XML", cmd_import},
      {"model", "list, show or lint the Protocol model (list | show ID | lint [DIR])", cmd_model},
  };
  return all;
}

static void print_help() {
  std::printf(
      "palermo %s: checks national anti-trafficking legislation (Akoma Ntoso XML, or text, Word, PDF, HTML) against "
      "the UN\n"
      "Trafficking in Persons Protocol and the UNTOC articles that apply with it.\n\n"
      "usage: palermo COMMAND [ARGS...]\n       palermo COMMAND --help\n       palermo --version\n\ncommands:\n",
      PALERMO_VERSION);
  for (const auto& c : commands()) std::printf("  %-9s %s\n", c.name, c.summary);
  std::printf(
      "\noptions:\n"
      "  -h, --help     show this help\n"
      "  -V, --version  show the versions of palermo and of its built-in Protocol model, and the git commit\n"
      "                 it was built from\n"
      "\nexit codes: 0 success, 1 gaps found (check --fail-on), 2 bad usage,\n"
      "            3 unreadable or invalid input, 4 internal error, 5 output could not be written\n"
      "palermo assesses legislation as written, not its implementation.\n");
}

// The first line ("palermo X.Y.Z") is what scripts read; keep its form. The model version says which
// reading of the Protocol the findings come from, the commit which source built the binary.
static int print_version() {
  std::printf("palermo %s\n", PALERMO_VERSION);
  auto model = palermo::model::load_model("");
  if (model)
    std::printf("model %s (%s)\n", model.value().version.c_str(), model.value().name.c_str());
  else
    std::printf("model unavailable: %s\n", model.errors().at(0).format().c_str());
  std::printf("commit %s\n", PALERMO_GIT_COMMIT);
  return model ? exit_ok : exit_input;
}

}  // namespace palermo::cli

int main(int argc, char** argv) {
  palermo::cli::prefer_large_pages();
  using namespace palermo::cli;
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
      std::strcmp(argv[1], "help") == 0) {
    print_help();
    return argc < 2 ? exit_usage : exit_ok;
  }
  if (std::strcmp(argv[1], "--version") == 0 || std::strcmp(argv[1], "-V") == 0) {
    return print_version();
  }
  for (const auto& c : commands()) {
    if (std::strcmp(argv[1], c.name) == 0) {
      try {
        const int rc = c.run(argc - 1, argv + 1);
        // Output lost on a full disk or a closed pipe is a failure, not a success with nothing said.
        if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
          std::fprintf(stderr, "palermo %s: cannot write to standard output: %s\n", c.name, std::strerror(errno));
          return exit_output;
        }
        return rc;
      } catch (const std::exception& e) {
        std::fprintf(stderr,
                     "palermo %s: internal error: %s\n(this is a bug in palermo; please report it with the input that "
                     "caused it)\n",
                     c.name, e.what());
        return exit_internal;
      }
    }
  }
  std::fprintf(stderr, "palermo: unknown command '%s'; run 'palermo --help' for the list\n", argv[1]);
  return exit_usage;
}
