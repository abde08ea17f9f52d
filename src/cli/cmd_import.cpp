// `palermo import FILE [--lang L] [--country CC] [--type act|bill|code] [--title T] [--date D] [-o OUT]`:
// a statute in plain text, Markdown, Word, PDF or HTML as Akoma Ntoso 3.0 on stdout or in OUT, with
// a summary of what was recognised (and warnings with line numbers) on stderr.
#include <cxxopts.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/report_inputs.hpp"
#include "import/import.hpp"

namespace palermo::cli {

namespace {

const char* const kUsage =
    "usage: palermo import FILE [--lang eng|fra|spa|por|...] [--country CC] [--type act|bill|code]\n"
    "                           [--title TITLE] [--date YYYY-MM-DD] [-o OUT.akn.xml] [--quiet]";

void print_summary(const import::Imported& imported, const std::string& file) {
  const auto& meta = imported.metadata;
  std::fprintf(stderr, "%s: %s, language %s (%s), country %s, %s dated %s\n", file.c_str(),
               std::string(import::to_string(imported.format)).c_str(), meta.language.c_str(),
               meta.language_note.c_str(), meta.country.c_str(), meta.doc_type.c_str(), meta.date.c_str());
  std::string counts;
  for (const auto& [element, n] : imported.structure.counts) {
    if (!counts.empty()) counts += ", ";
    counts += std::to_string(n) + " " + element + (n == 1 ? "" : "s");
  }
  std::fprintf(stderr, "  recognised: %s\n", counts.empty() ? "no numbered provisions" : counts.c_str());
}

}  // namespace

int cmd_import(int argc, char** argv) {
  CommandLine cl("import",
                 "Turn a statute or bill as received -- plain text (.txt, .md), Word (.docx), PDF or a web\n"
                 "page (.html) -- into Akoma Ntoso 3.0 XML. Parts, chapters, sections, articles and their\n"
                 "numbered subdivisions are recognised when their numbering runs in sequence; all other text\n"
                 "is kept where it stood. check, compare, diff, show, index and validate read these formats\n"
                 "directly.");
  cl.add()("lang", "language as ISO 639-2 (eng, fra, spa, por ...); detected when not given",
           cxxopts::value<std::string>()->default_value(""));
  cl.country("country as ISO 3166-1 alpha-2 (na, fr ...); from a file named cc_... when not given");
  cl.add()("type", "act, bill or code", cxxopts::value<std::string>()->default_value("act"))(
      "title", "title (default: the first line of the text)", cxxopts::value<std::string>()->default_value(""))(
      "date", "date of the text, YYYY-MM-DD (default: the year in the title)",
      cxxopts::value<std::string>()->default_value(""));
  cl.output();
  cl.add()("q,quiet", "no summary on standard error (warnings are still shown)");
  cl.operand("file", "the file to import").operand("extra", "", true).operands_usage("FILE");
  if (auto rc = cl.parse(argc, argv, "\n")) return *rc;
  const auto& args = cl.args();
  if (!args.count("file") || args.count("extra")) {
    std::fprintf(stderr, "palermo import: expected exactly one FILE\n%s\n", kUsage);
    return exit_usage;
  }
  import::Options opts;
  opts.language = args["lang"].as<std::string>();
  opts.country = args["country"].as<std::string>();
  opts.doc_type = args["type"].as<std::string>();
  opts.title = args["title"].as<std::string>();
  opts.date = args["date"].as<std::string>();
  if (!one_of(opts.doc_type, {"act", "bill", "code"})) {
    std::fprintf(stderr, "palermo import: unknown --type '%s' (use act, bill or code)\n", opts.doc_type.c_str());
    return exit_usage;
  }
  if (!opts.language.empty() && (opts.language.size() != 3 ||
                                 opts.language.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos)) {
    std::fprintf(stderr,
                 "palermo import: --lang '%s' is not an ISO 639-2 code (three lower-case letters: eng, fra, spa)\n",
                 opts.language.c_str());
    return exit_usage;
  }
  if (!opts.country.empty() && opts.country.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") != std::string::npos) {
    std::fprintf(stderr, "palermo import: --country '%s' is not a country code (lower case, e.g. na, fr, za-cpt)\n",
                 opts.country.c_str());
    return exit_usage;
  }
  const std::string file = args["file"].as<std::string>();
  auto imported = import::import_file(file, opts);
  if (!imported) {
    print_diagnostics(imported.errors());
    return exit_input;
  }
  if (!args.count("quiet")) print_summary(imported.value(), file);
  print_diagnostics(imported.value().warnings);
  return emit("import", args["output"].as<std::string>(), imported.value().xml);
}

}  // namespace palermo::cli
