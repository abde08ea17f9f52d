// `palermo validate FILE [--schema XSD]`: problems in an Akoma Ntoso file, one per line
// ("FILE:LINE: kind: message"); exit 0 when clean, 3 when there are problems.
#include <cxxopts.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "akn/reader.hpp"
#include "akn/validate.hpp"
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "util/files.hpp"

namespace palermo::cli {

int cmd_validate(int argc, char** argv) {
  CommandLine cl("validate",
                 "Report problems in an Akoma Ntoso file: duplicate eIds, eIds that break the OASIS naming\n"
                 "convention, hierarchical elements missing nums, internal references that resolve to\n"
                 "nothing, terms with no definition; with --schema, XML Schema errors too.");
  cl.add()("schema", "validate against this local XML Schema (e.g. akomantoso30.xsd)", cxxopts::value<std::string>());
  cl.formats({"text", "json"});
  cl.operand("file", "Akoma Ntoso XML file").operand("extra", "", true).operands_usage("FILE");
  if (auto rc = cl.parse(argc, argv, "\n")) return *rc;
  const auto& args = cl.args();
  if (!args.count("file") || args.count("extra")) {
    std::fprintf(stderr,
                 "palermo validate: expected exactly one FILE\nusage: palermo validate FILE [--schema XSD] [--format "
                 "text|json]\n");
    return exit_usage;
  }
  const std::string format = cl.format();
  const std::string file = args["file"].as<std::string>();
  auto doc = akn::read_document(file);
  if (!doc) {
    print_diagnostics(doc.errors());
    return exit_input;
  }
  std::vector<akn::Problem> problems = akn::validate(doc.value());
  if (args.count("schema")) {
    auto schema_problems = akn::validate_against_schema(file, args["schema"].as<std::string>());
    if (!schema_problems) {
      print_diagnostics(schema_problems.errors());
      return exit_input;
    }
    problems.insert(problems.end(), schema_problems->begin(), schema_problems->end());
  }
  // The document keeps lines only; the file's bytes give every problem its column.
  if (auto bytes = read_file(file)) akn::locate_columns(problems, *bytes);
  const std::size_t errors = akn::count_errors(problems);
  if (format == "json") {
    nlohmann::ordered_json out;
    out["file"] = file;
    out["schema"] = args.count("schema") ? args["schema"].as<std::string>() : "";
    out["errors"] = errors;
    auto list = nlohmann::ordered_json::array();
    for (const auto& p : problems)
      list.push_back({{"kind", p.kind},
                      {"line", p.line},
                      {"column", p.column},
                      {"severity", p.severity == akn::Problem::Severity::error ? "error" : "note"},
                      {"message", p.message}});
    out["problems"] = std::move(list);
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    for (const auto& p : problems) std::printf("%s\n", p.format(file).c_str());
    if (errors == 0)
      std::fprintf(stderr, "%s: no problems found%s\n", file.c_str(), args.count("schema") ? " (schema valid)" : "");
    else
      std::fprintf(stderr, "%s: %zu problem%s\n", file.c_str(), errors, errors == 1 ? "" : "s");
  }
  return errors == 0 ? exit_ok : exit_input;
}

}  // namespace palermo::cli
