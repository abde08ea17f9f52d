// palermo_docgen PALERMO OUTDIR: runs the built palermo binary for its --help (and each command's),
// and writes the man pages (OUTDIR/man/*.1) and the bash, zsh and fish completions
// (OUTDIR/completions/) from that text. CMake runs it after every link of palermo, so what is
// installed always says what the binary says. Not installed itself.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "docgen/help_text.hpp"

namespace {

// The standard output of `PALERMO ARGS`; exits the generator when palermo fails.
std::string run(const std::string& palermo, const std::string& args) {
  const std::string command = "'" + palermo + "' " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    std::fprintf(stderr, "palermo_docgen: cannot run %s\n", command.c_str());
    std::exit(1);
  }
  std::string out;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = pclose(pipe);
  if (status != 0 || out.empty()) {
    std::fprintf(stderr, "palermo_docgen: `%s` failed (status %d):\n%s\n", command.c_str(), status, out.c_str());
    std::exit(1);
  }
  return out;
}

void write(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out.flush()) {
    std::fprintf(stderr, "palermo_docgen: cannot write %s\n", path.string().c_str());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: palermo_docgen PALERMO_BINARY OUTDIR\n");
    return 2;
  }
  const std::string palermo = argv[1];
  const std::filesystem::path outdir = argv[2];
  namespace docgen = palermo::docgen;

  std::string version = run(palermo, "--version");
  version = version.substr(0, version.find('\n'));  // "palermo 0.1.0"
  docgen::ProgramHelp program = docgen::parse_program_help(run(palermo, "--help"));
  if (program.commands.empty()) {
    std::fprintf(stderr, "palermo_docgen: `palermo --help` lists no commands\n");
    return 1;
  }
  for (docgen::CommandHelp& c : program.commands) {
    c = docgen::parse_command_help(c.name, c.summary, run(palermo, c.name + " --help"));
    // Every command has --help; a parse that finds no option has misread the help's layout.
    if (c.options.empty() || c.synopsis.empty()) {
      std::fprintf(stderr, "palermo_docgen: cannot read the options or usage of `palermo %s --help`\n", c.name.c_str());
      return 1;
    }
  }

  // The folder is installed as it stands: a page left from a command that no longer exists must go.
  std::filesystem::remove_all(outdir / "man");
  std::filesystem::create_directories(outdir / "man");
  std::filesystem::create_directories(outdir / "completions");
  write(outdir / "man" / "palermo.1", docgen::render_program_man(program, version));
  for (const docgen::CommandHelp& c : program.commands)
    write(outdir / "man" / ("palermo-" + c.name + ".1"), docgen::render_command_man(c, version));
  write(outdir / "completions" / "palermo", docgen::render_bash_completion(program));
  write(outdir / "completions" / "_palermo", docgen::render_zsh_completion(program));
  write(outdir / "completions" / "palermo.fish", docgen::render_fish_completion(program));
  return 0;
}
