// `palermo validate FILE [--schema XSD]`: problems in an Akoma Ntoso file, one per line
// ("FILE:LINE: kind: message"); exit 0 when clean, 3 when there are problems. A text, Markdown,
// Word, PDF or HTML file is imported in memory (as `palermo import` would write it) and the result
// validated; its problems' lines are those of the imported XML, as the output says.
#include <cxxopts.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "akn/reader.hpp"
#include "akn/validate.hpp"
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "import/import.hpp"
#include "util/files.hpp"

namespace palermo::cli {

namespace {

// The imported XML written where libxml2's schema validator can read it; removed on every return.
struct TemporaryFile {
  std::string path;
  ~TemporaryFile() {
    if (!path.empty()) std::filesystem::remove(path);
  }
};

std::optional<std::string> write_temporary(const std::string& content) {
  std::error_code ec;
  std::string pattern = (std::filesystem::temp_directory_path(ec) / "palermo-validate-XXXXXX").string();
  if (ec) pattern = "/tmp/palermo-validate-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) return std::nullopt;
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0) {
      ::close(fd);
      std::filesystem::remove(name.data(), ec);
      return std::nullopt;
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return std::string(name.data());
}

}  // namespace

int cmd_validate(int argc, char** argv) {
  CommandLine cl("validate",
                 "Report problems in an Akoma Ntoso file: duplicate eIds, eIds that break the OASIS naming\n"
                 "convention, hierarchical elements missing nums, internal references that resolve to\n"
                 "nothing, terms with no definition; with --schema, XML Schema errors too. A text,\n"
                 "Markdown, Word, PDF or HTML file is imported in memory first (as palermo import writes\n"
                 "it) and the imported Akoma Ntoso is validated.");
  cl.add()("schema", "validate against this local XML Schema (e.g. akomantoso30.xsd)", cxxopts::value<std::string>());
  cl.formats({"text", "json"});
  cl.operand("file", "Akoma Ntoso XML file (or .txt, .md, .docx, .pdf, .html: imported first)")
      .operand("extra", "", true)
      .operands_usage("FILE");
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
  // Not Akoma Ntoso: imported in memory, and the import validated.
  const bool imported = import::is_importable(file);
  std::string akn_bytes;
  std::string imported_format;
  Result<akn::Document> doc = Diagnostic{};
  if (imported) {
    auto im = import::import_file(file, {});
    if (!im) {
      print_diagnostics(im.errors());
      return exit_input;
    }
    akn_bytes = std::move(im.value().xml);
    imported_format = std::string(import::to_string(im.value().format));
    doc = akn::read_document_from_memory(akn_bytes, file);
    if (format != "json")
      std::fprintf(stderr,
                   "%s: not Akoma Ntoso (%s): imported in memory, as palermo import would write it, and the "
                   "import validated; line numbers are those of the imported XML (palermo import %s -o OUT.xml "
                   "writes it)\n",
                   file.c_str(), imported_format.c_str(), file.c_str());
  } else {
    doc = akn::read_document(file);
  }
  if (!doc) {
    print_diagnostics(doc.errors());
    return exit_input;
  }
  std::vector<akn::Problem> problems = akn::validate(doc.value());
  if (args.count("schema")) {
    TemporaryFile temporary;
    std::string schema_input = file;
    if (imported) {
      auto written = write_temporary(akn_bytes);
      if (!written) {
        std::fprintf(stderr, "palermo validate: cannot write the imported XML to a temporary file in %s\n",
                     std::filesystem::temp_directory_path().c_str());
        return exit_input;
      }
      temporary.path = schema_input = *written;
    }
    auto schema_problems = akn::validate_against_schema(schema_input, args["schema"].as<std::string>());
    if (!schema_problems) {
      print_diagnostics(schema_problems.errors());
      return exit_input;
    }
    problems.insert(problems.end(), schema_problems->begin(), schema_problems->end());
  }
  // The document keeps lines only; the file's bytes give every problem its column.
  if (imported) {
    akn::locate_columns(problems, akn_bytes);
  } else if (auto bytes = read_file(file)) {
    akn::locate_columns(problems, *bytes);
  }
  const std::size_t errors = akn::count_errors(problems);
  if (format == "json") {
    nlohmann::ordered_json out;
    out["file"] = file;
    out["imported_from"] = imported ? imported_format : "";
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
      std::fprintf(stderr, "%s: no problems found%s%s\n", file.c_str(), imported ? " in the import" : "",
                   args.count("schema") ? " (schema valid)" : "");
    else
      std::fprintf(stderr, "%s: %zu problem%s%s\n", file.c_str(), errors, errors == 1 ? "" : "s",
                   imported ? " in the import" : "");
  }
  return errors == 0 ? exit_ok : exit_input;
}

}  // namespace palermo::cli
