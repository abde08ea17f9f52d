#include "cli/inputs.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace palermo::cli {

namespace {

namespace fs = std::filesystem;

// Every *.xml file below `dir`, folder by folder; a folder that cannot be listed is a problem, not
// a silent gap. Symbolic links to folders are not followed (no loops).
void walk(const fs::path& dir, std::vector<std::string>& found, std::vector<InputProblem>* problems) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    if (problems) problems->push_back({dir.string(), "cannot open the folder: " + ec.message(), true});
    return;
  }
  std::vector<fs::path> subfolders;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      if (problems) problems->push_back({dir.string(), "cannot list the folder: " + ec.message(), true});
      return;
    }
    std::error_code type_ec;
    if (it->is_symlink(type_ec)) {
      if (it->is_regular_file(type_ec) && it->path().extension() == ".xml") found.push_back(it->path().string());
    } else if (it->is_directory(type_ec)) {
      subfolders.push_back(it->path());
    } else if (it->is_regular_file(type_ec) && it->path().extension() == ".xml") {
      found.push_back(it->path().string());
    }
  }
  for (const fs::path& sub : subfolders) walk(sub, found, problems);
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& operands, std::vector<InputProblem>* problems) {
  std::vector<std::string> out;
  for (const auto& op : operands) {
    std::error_code ec;
    if (fs::is_directory(op, ec)) {
      std::vector<std::string> found;
      walk(op, found, problems);
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(op, ec)) {
      out.push_back(op);
    } else if (problems != nullptr) {
      problems->push_back({op, "no such file or directory"});
    }
  }
  return out;
}

bool input_problems_fail(const std::vector<InputProblem>& problems, bool skip_unreadable) {
  std::vector<InputProblem> fatal;
  for (const InputProblem& p : problems) {
    if (skip_unreadable && p.unreadable_folder)
      std::fprintf(stderr, "%s: warning: %s; skipped (--skip-unreadable)\n", p.path.c_str(), p.reason.c_str());
    else
      fatal.push_back(p);
  }
  if (fatal.empty()) return false;
  for (const InputProblem& p : fatal) std::fprintf(stderr, "%s: error: %s\n", p.path.c_str(), p.reason.c_str());
  const bool folders =
      std::any_of(fatal.begin(), fatal.end(), [](const InputProblem& p) { return p.unreadable_folder; });
  std::fprintf(stderr, "  hint: check the paths and permissions%s\n",
               folders ? ", or run again with --skip-unreadable to leave unreadable folders out" : "");
  return true;
}

std::string default_db_path(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("PALERMO_DB"); env != nullptr && *env != '\0') return env;
  return "palermo.db";
}

}  // namespace palermo::cli
