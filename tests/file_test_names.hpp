// Short names for tests that run once per file. ctest pads every line of its report to the longest
// test name, so a name built from a whole file name ("pe_act_2021_31146_modifica_codigo_penal_y_ley_
// 28950_trata_de_personas") widens every line; the first words of the name say which file it is.
#pragma once
#include <cctype>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace file_test_names {

// The leading words of the file's name (split at '_', '-' and '.'), joined by '_', at most `limit`
// characters: "pe_act_2021_31146", "lawmaker_Sustainable". "none" for an empty path.
inline std::string short_label(const std::string& path, std::size_t limit = 24) {
  std::string stem = std::filesystem::path(path).filename().string();
  for (const char* ext : {".akn.xml", ".xml"})
    if (stem.size() > std::string(ext).size() && stem.ends_with(ext)) {
      stem.resize(stem.size() - std::string(ext).size());
      break;
    }
  std::vector<std::string> words{""};
  for (char c : stem) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      words.back() += c;
    else if (!words.back().empty())
      words.emplace_back();
  }
  std::string label;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    const std::string longer = label.empty() ? w : label + "_" + w;
    if (!label.empty() && longer.size() > limit) break;
    label = longer;
  }
  return label.empty() ? "none" : label;
}

// One label per path, in order; a label two files would share gets the file's position appended,
// since GoogleTest refuses two tests of the same name.
inline std::vector<std::string> unique_labels(const std::vector<std::string>& paths) {
  std::vector<std::string> labels;
  std::map<std::string, int> uses;
  for (const std::string& p : paths) ++uses[labels.emplace_back(short_label(p))];
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (uses[labels[i]] > 1) labels[i].append("_").append(std::to_string(i));
  return labels;
}

}  // namespace file_test_names
