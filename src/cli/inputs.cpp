#include "cli/inputs.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace palermo::cli {

std::vector<std::string> expand_inputs(const std::vector<std::string>& operands, std::vector<std::string>* missing) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& op : operands) {
    std::error_code ec;
    if (fs::is_directory(op, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(op, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec) && it->path().extension() == ".xml") found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(op, ec)) {
      out.push_back(op);
    } else if (missing != nullptr) {
      missing->push_back(op);
    }
  }
  return out;
}

std::string default_db_path(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("PALERMO_DB"); env != nullptr && *env != '\0') return env;
  return "palermo.db";
}

}  // namespace palermo::cli
