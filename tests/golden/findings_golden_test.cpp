// The findings of `palermo check` never change by accident (issue 12): for every shared statute (each checked
// alone), the UK act among the Akoma Ntoso samples and every corpus country (its folder checked as one country),
// a digest of `palermo check --format json` must equal the reviewed golden file in tests/golden/findings/.
//
// The digest holds what the findings are, without the statutes' words: the documents read, the offences found,
// one line per obligation (status, confidence) and one per element and red flag (status and the eIds of the
// provisions cited as evidence, with the chain that leads to each). scripts/golden-findings.sh --update rewrites
// the files (PALERMO_UPDATE_GOLDEN=1); an update is reviewed and explained in its commit. PALERMO_GOLDEN_BINARY=PATH
// checks another build's palermo against them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run_palermo.hpp"
#include "shared_files.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kGoldenDir = fs::path(PALERMO_SOURCE_DIR) / "tests" / "golden" / "findings";
const fs::path kCorpusDir = fs::path(PALERMO_SOURCE_DIR) / "corpus";
const fs::path kStatutesDir = fs::path(PALERMO_SHARED_DIR) / "statutes" / "akn";
const fs::path kSamplesDir = fs::path(PALERMO_SHARED_DIR) / "akn" / "samples";
// Samples checked besides the statutes: the 4 MB act the speed work is measured on.
const std::vector<std::string> kSamples = {"uk/ukpga-2023-29-2024-11-01.akn.xml"};

enum class Kind { corpus, statute, sample };

struct Input {
  std::string name;  // the golden file's stem: corpus-na, statute-na_act_2018_1_..., sample-uk-ukpga-...
  Kind kind;
  fs::path path;  // what `palermo check` is given
  fs::path golden() const { return kGoldenDir / (name + ".txt"); }
};

// GoogleTest names a failing case by its input, not by the bytes of the struct.
void PrintTo(const Input& in, std::ostream* os) { *os << in.name; }

bool has_xml_below(const fs::path& dir) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".xml") return true;
  return false;
}

// The input a golden file's name stands for (the reverse of how inputs are named).
Input input_named(const std::string& name) {
  if (name.rfind("corpus-", 0) == 0) return {name, Kind::corpus, kCorpusDir / name.substr(7)};
  if (name.rfind("statute-", 0) == 0) return {name, Kind::statute, kStatutesDir / (name.substr(8) + ".akn.xml")};
  std::string rest = name.substr(name.find('-') + 1);  // sample-<folder>-<file stem>
  const auto dash = rest.find('-');
  return {name, Kind::sample, kSamplesDir / rest.substr(0, dash) / (rest.substr(dash + 1) + ".akn.xml")};
}

// Every input: those present on disk, and those a golden file names (absent ones then skip or fail).
std::vector<Input> all_inputs() {
  std::set<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(kCorpusDir, ec))
    if (e.is_directory() && has_xml_below(e.path())) names.insert("corpus-" + e.path().filename().string());
  for (const auto& e : fs::directory_iterator(kStatutesDir, ec)) {
    const std::string file = e.path().filename().string();
    const std::string suffix = ".akn.xml";
    if (e.is_regular_file() && file.size() > suffix.size() && file.ends_with(suffix))
      names.insert("statute-" + file.substr(0, file.size() - suffix.size()));
  }
  for (const auto& sample : kSamples) {
    if (!fs::exists(kSamplesDir / sample)) continue;
    const fs::path p(sample);
    names.insert("sample-" + p.parent_path().string() + "-" +
                 p.filename().string().substr(0, p.filename().string().size() - 8));
  }
  for (const auto& e : fs::directory_iterator(kGoldenDir, ec))
    if (e.path().extension() == ".txt") names.insert(e.path().stem().string());
  std::vector<Input> inputs;
  for (const auto& name : names) inputs.push_back(input_named(name));
  return inputs;
}

// ---- the digest ---------------------------------------------------------------------------------------------

std::string str(const json& v) { return v.is_string() ? v.get<std::string>() : v.is_null() ? "-" : v.dump(); }

std::string years(const json& v) {
  if (!v.is_number()) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v.get<double>());
  return buf;
}

std::string yes_no(const json& v) { return v.is_boolean() && v.get<bool>() ? "yes" : "no"; }

// Evidence as "eId", with "N:" in front when the report reads several documents (N counts them from 1),
// and the chain that leads to it in brackets: sec_4[defined-term 1:sec_2 > offence 1:sec_3].
class Digest {
 public:
  explicit Digest(const json& report) {
    int n = 0;
    for (const auto& d : report.value("documents", json::array())) doc_number_[str(d["path"])] = ++n;
  }

  std::string provision(const json& item) const {
    std::string where = str(item.value("eid", json()));
    if (doc_number_.size() > 1) {
      const auto it = doc_number_.find(str(item.value("document", json())));
      where = (it == doc_number_.end() ? std::string("?") : std::to_string(it->second)) + ":" + where;
    }
    return where;
  }

  std::string evidence(const json& e) const {
    std::string out = provision(e);
    const json chain = e.value("chain", json::array());
    if (!chain.empty()) {
      out += "[";
      for (size_t i = 0; i < chain.size(); ++i)
        out += (i ? " > " : "") + str(chain[i].value("kind", json())) + " " + provision(chain[i]);
      out += "]";
    }
    return out;
  }

 private:
  std::map<std::string, int> doc_number_;
};

std::string confidence(const json& v) {
  if (!v.is_number()) return "-";
  char buf[32];  // three decimals: a change in the last bits of a sum is not a change of finding
  std::snprintf(buf, sizeof buf, "%.3f", v.get<double>());
  return buf;
}

std::string digest(const json& report, const std::string& input_line) {
  std::ostringstream out;
  out << "# Findings of palermo check, digested by tests/golden/findings_golden_test.cpp. Regenerate only with\n"
         "# scripts/golden-findings.sh --update, and review and explain every changed line in the commit.\n";
  out << input_line << "\n";
  out << "country " << str(report.value("country", json())) << "\n";
  const Digest d(report);
  int n = 0;
  for (const auto& doc : report.value("documents", json::array()))
    out << "document " << ++n << " " << fs::path(str(doc["path"])).filename().string() << " "
        << str(doc.value("doc_type", json())) << " " << str(doc.value("language", json()))
        << " provisions=" << str(doc.value("provisions", json()))
        << " sha256=" << str(doc.value("sha256", json())).substr(0, 12) << "\n";
  for (const auto& o : report.value("offences", json::array())) {
    out << "offence " << d.provision(o) << " (" << str(o.value("citation", json())) << ") "
        << (o.value("trafficking", false) ? "trafficking" : "other") << " years=" << years(o.value("min_years", json()))
        << ".." << years(o.value("max_years", json())) << " life=" << yes_no(o.value("life", json()))
        << " fine=" << yes_no(o.value("fine", json())) << " fine-in-lieu=" << yes_no(o.value("fine_in_lieu", json()))
        << " narrow=" << yes_no(o.value("narrow", json())) << "\n";
  }
  for (const auto& f : report.value("findings", json::array())) {
    const std::string id = str(f["id"]);
    out << "obligation " << id << " " << str(f["status"]) << " " << confidence(f.value("confidence", json())) << "\n";
    for (const char* list : {"elements", "red_flags"}) {
      for (const auto& e : f.value(list, json::array())) {
        out << (std::string(list) == "elements" ? "element " : "red-flag ") << id << " " << str(e["id"]) << " "
            << str(e["status"]);
        for (const auto& ev : e.value("evidence", json::array())) out << " " << d.evidence(ev);
        out << "\n";
      }
    }
  }
  return out.str();
}

std::string input_line(const Input& in) {
  switch (in.kind) {
    case Kind::corpus:
      return "input corpus/" + in.path.filename().string() + " (checked as one country)";
    case Kind::statute:
      return "input ../shared/statutes/akn/" + in.path.filename().string();
    case Kind::sample:
      return "input ../shared/akn/samples/" + in.path.parent_path().filename().string() + "/" +
             in.path.filename().string();
  }
  return "";
}

// ---- the comparison -----------------------------------------------------------------------------------------

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  return lines;
}

// A line's key: its kind and what it is about ("element def.acts recruitment", "obligation def.acts",
// "offence sec_3", "document 1").
std::string key_of(const std::string& line) {
  std::istringstream in(line);
  std::string kind, a, b;
  in >> kind >> a >> b;
  if (kind == "element" || kind == "red-flag") return kind + " " + a + " " + b;
  if (kind == "obligation" || kind == "offence" || kind == "document") return kind + " " + a;
  return kind;
}

// What differs, line by line, keyed so that a change reads as "obligation X, element Y: was ..., now ...".
std::string explain_difference(const std::string& golden, const std::string& now) {
  const auto old_lines = lines_of(golden), new_lines = lines_of(now);
  std::map<std::string, std::string> old_by_key, new_by_key;
  for (const auto& l : old_lines) old_by_key.emplace(key_of(l), l);
  for (const auto& l : new_lines) new_by_key.emplace(key_of(l), l);
  std::ostringstream out;
  int shown = 0;
  auto show = [&](const std::string& what, const std::string& detail) {
    if (++shown <= 60) out << "  " << what << "\n" << detail;
  };
  auto about = [](const std::string& key) {
    std::istringstream in(key);
    std::string kind, a, b;
    in >> kind >> a >> b;
    if (kind == "element" || kind == "red-flag") return "obligation " + a + ", " + kind + " " + b + ":";
    return kind + " " + a + ":";
  };
  for (const auto& l : old_lines) {
    const auto it = new_by_key.find(key_of(l));
    if (it == new_by_key.end())
      show(about(key_of(l)) + " gone", "    golden: " + l + "\n");
    else if (it->second != l)
      show(about(key_of(l)) + " changed", "    golden: " + l + "\n    now:    " + it->second + "\n");
  }
  for (const auto& l : new_lines)
    if (!old_by_key.count(key_of(l))) show(about(key_of(l)) + " new", "    now:    " + l + "\n");
  if (shown == 0) {
    // Same lines, another order (or a duplicated key).
    for (size_t i = 0; i < std::max(old_lines.size(), new_lines.size()); ++i) {
      const std::string a = i < old_lines.size() ? old_lines[i] : "(none)";
      const std::string b = i < new_lines.size() ? new_lines[i] : "(none)";
      if (a != b) {
        show("line " + std::to_string(i + 1) + " (order changed)", "    golden: " + a + "\n    now:    " + b + "\n");
        break;
      }
    }
  }
  if (shown > 60) out << "  ... and " << shown - 60 << " more differences\n";
  return out.str();
}

// The binary under test: this build's, or another build's given by PALERMO_GOLDEN_BINARY (to check a binary
// built elsewhere, e.g. while a speed change is being made, without building this test there).
std::string binary() {
  const char* other = std::getenv("PALERMO_GOLDEN_BINARY");
  return other != nullptr && *other != '\0' ? other : PALERMO_BINARY;
}

struct CheckRun {
  int exit_code = -1;
  std::string out, err;
};

CheckRun run_check(const fs::path& input) {
  using palermo::testing::shell_quote;
  const fs::path base =
      fs::temp_directory_path() / ("palermo_golden_" + std::to_string(::getpid()) + "_" + input.filename().string());
  const std::string command = "NO_COLOR=1 " + shell_quote(binary()) + " check " + shell_quote(input.string()) +
                              " --format json >" + shell_quote(base.string() + ".out") + " 2>" +
                              shell_quote(base.string() + ".err");
  const int status = std::system(command.c_str());
  CheckRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = palermo::testing::read_whole_file(base.string() + ".out");
  r.err = palermo::testing::read_whole_file(base.string() + ".err");
  fs::remove(base.string() + ".out");
  fs::remove(base.string() + ".err");
  return r;
}

bool updating() {
  const char* v = std::getenv("PALERMO_UPDATE_GOLDEN");
  return v != nullptr && std::string(v) == "1";
}

class GoldenFindings : public ::testing::TestWithParam<Input> {};

TEST_P(GoldenFindings, MatchTheReviewedDigest) {
  const Input& in = GetParam();
  if (!fs::exists(in.path)) {
    if (in.kind != Kind::corpus) SKIP_WITHOUT_SHARED(in.path.string());
    FAIL() << in.golden().string() << " is the golden file of " << in.path.string()
           << ", which no longer exists: delete the golden file (and say why in the commit)";
  }
  const CheckRun run = run_check(in.path);
  ASSERT_EQ(run.exit_code, 0) << binary() << " check " << in.path.string() << " --format json failed:\n" << run.err;
  json report;
  try {
    report = json::parse(run.out);
  } catch (const json::exception& e) {
    FAIL() << "palermo check " << in.path.string() << " wrote no JSON: " << e.what();
  }
  const std::string now = digest(report, input_line(in));

  if (updating()) {
    fs::create_directories(kGoldenDir);
    const std::string before = fs::exists(in.golden()) ? palermo::testing::read_whole_file(in.golden().string()) : "";
    if (before != now) {
      std::ofstream(in.golden(), std::ios::binary) << now;
      std::cout << (before.empty() ? "written " : "UPDATED ") << in.golden().string() << "\n";
    }
    return;
  }
  ASSERT_TRUE(fs::exists(in.golden())) << in.path.string() << " has no golden file " << in.golden().string()
                                       << ": run scripts/golden-findings.sh --update and review the new file";
  const std::string golden = palermo::testing::read_whole_file(in.golden().string());
  if (lines_of(golden) != lines_of(now)) {
    FAIL() << "The findings for " << input_line(in).substr(6) << " differ from the reviewed golden file "
           << fs::relative(in.golden(), PALERMO_SOURCE_DIR).string() << ":\n"
           << explain_difference(golden, now)
           << "If the change is intended, run scripts/golden-findings.sh --update and explain each changed line in "
              "the commit message.";
  }
}

std::string test_name(const ::testing::TestParamInfo<Input>& info) {
  std::string name = info.param.name;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Findings, GoldenFindings, ::testing::ValuesIn(all_inputs()), test_name);

}  // namespace
