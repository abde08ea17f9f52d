// Agreement with a lawyer's reading: every statute labelled in tests/labels/ (see its README) is
// analysed, and palermo's element verdicts are compared with the labels, which were written by
// reading each statute before palermo was run on it. The test prints the agreement per statute and
// per element, with every disagreement and palermo's reason, and fails for any statute below 0.90.
// Statutes from ../shared are skipped, saying so, when that folder is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>

#include "support.hpp"

using namespace palermo;
using namespace palermo::analysis;
using namespace palermo::analysis::testing;

namespace {

namespace fs = std::filesystem;

constexpr double kRequiredAgreement = 0.90;

struct Label {
  std::string element;                // "def.acts/recruitment"
  std::vector<std::string> accepted;  // "met", "partial|met" -> {"partial", "met"}
  int line = 0;
};

struct LabelFile {
  std::string path;
  std::string statute;  // file name
  bool shared = false;  // under ../shared/statutes/akn (else tests/data/<folder>)
  std::string folder;   // "drafted", "holdout" or "shared"
  bool assessed = true;
  std::vector<std::string> offences;  // citations of the trafficking offence(s)
  std::vector<Label> labels;
};

std::string trim(std::string s) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

LabelFile read_labels(const fs::path& path) {
  LabelFile f;
  f.path = path.string();
  f.folder = path.parent_path().filename().string();
  f.shared = f.folder == "shared";
  std::ifstream in(path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    line = trim(line);
    if (line.empty()) continue;
    std::istringstream words(line);
    std::string key, value;
    words >> key >> value;
    if (key == "statute")
      f.statute = value;
    else if (key == "assessed")
      f.assessed = value == "yes";
    else if (key == "offence")
      f.offences.push_back(trim(line.substr(7)));
    else if (key == "language")
      continue;
    else if (key.find('/') != std::string::npos) {
      Label l{key, {}, number};
      std::stringstream alternatives(value);
      for (std::string s; std::getline(alternatives, s, '|');) l.accepted.push_back(s);
      f.labels.push_back(std::move(l));
    } else {
      ADD_FAILURE() << path << ":" << number << ": unreadable label line: " << line;
    }
  }
  return f;
}

std::vector<LabelFile> all_label_files() {
  std::vector<LabelFile> out;
  const fs::path root = fs::path(PALERMO_SOURCE_DIR) / "tests" / "labels";
  for (const char* folder : {"drafted", "holdout", "shared"}) {
    std::vector<fs::path> paths;
    if (!fs::exists(root / folder)) continue;
    for (const auto& entry : fs::directory_iterator(root / folder))
      if (entry.path().extension() == ".labels") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) out.push_back(read_labels(p));
  }
  return out;
}

bool agrees(const Label& l, Status got) {
  const std::string g(to_string(got));
  for (const std::string& a : l.accepted) {
    if (a == g) return true;
    // "na": no trafficking offence to carry the red flag; palermo says met (nothing found) or n/a.
    if (a == "na" && (got == Status::met || got == Status::not_applicable)) return true;
    // "Not in the documents checked": nothing in the text, and the law that usually holds it was not
    // given. The label, read on the same text, says gap: both say the text lacks it.
    if (a == "gap" && got == Status::not_in_documents) return true;
  }
  return false;
}

const ElementFinding* find_element(const CountryReport& r, const std::string& key) {
  const auto slash = key.find('/');
  const std::string obligation_id = key.substr(0, slash), element_id = key.substr(slash + 1);
  for (const ObligationFinding& o : r.findings) {
    if (o.id != obligation_id) continue;
    for (const auto* list : {&o.elements, &o.red_flags})
      for (const ElementFinding& e : *list)
        if (e.id == element_id) return &e;
  }
  return nullptr;
}

struct Tally {
  int agree = 0, total = 0;
};

}  // namespace

TEST(Agreement, EveryLabelledStatuteAgreesWithTheLawyersReading) {
  const auto files = all_label_files();
  ASSERT_GE(files.size(), 12u) << "tests/labels/ should hold the drafted statutes at least";
  std::map<std::string, Tally> per_element;
  std::ostringstream summary;
  int skipped = 0;
  double sum = 0;
  int counted = 0;
  for (const LabelFile& f : files) {
    SCOPED_TRACE(f.path);
    const fs::path statute = f.shared ? fs::path(kStatutes) / f.statute
                                      : fs::path(PALERMO_SOURCE_DIR) / "tests" / "data" / f.folder / f.statute;
    if (f.shared && !fs::exists(statute)) {
      ++skipped;
      continue;
    }
    ASSERT_TRUE(fs::exists(statute)) << statute;
    std::vector<akn::Document> docs{load_document(statute.string())};
    const CountryReport r = analyze(docs, project_model());
    if (!f.assessed) {
      for (const ObligationFinding& o : r.findings)
        EXPECT_EQ(o.status, Status::not_assessed) << f.statute << " " << o.id << ": " << o.reason;
      summary << "  not assessed (as labelled)  " << f.statute << "\n";
      continue;
    }
    Tally t;
    std::ostringstream disagreements;
    for (const Label& l : f.labels) {
      const ElementFinding* e = find_element(r, l.element);
      ASSERT_NE(e, nullptr) << f.path << ":" << l.line << ": the model has no element " << l.element;
      const bool ok = agrees(l, e->status);
      ++t.total;
      t.agree += ok;
      ++per_element[l.element].total;
      per_element[l.element].agree += ok;
      if (!ok)
        disagreements << "      " << l.element << ": labelled " << l.accepted.front()
                      << (l.accepted.size() > 1 ? "|" + l.accepted.back() : "") << ", palermo " << to_string(e->status)
                      << " — " << e->reason.substr(0, 160) << "\n";
    }
    const double agreement = t.total ? static_cast<double>(t.agree) / t.total : 1.0;
    sum += agreement;
    ++counted;
    summary << "  " << std::fixed << std::setprecision(2) << agreement << "  " << f.statute << "\n"
            << disagreements.str();
    EXPECT_GE(agreement, kRequiredAgreement)
        << f.statute << ": " << t.agree << " of " << t.total << " elements agree with the labels\n"
        << disagreements.str();
  }
  std::cout << "Agreement per statute (labels in tests/labels/):\n" << summary.str();
  if (counted)
    std::cout << "  mean " << std::fixed << std::setprecision(3) << sum / counted << " over " << counted
              << " statutes\n";
  if (skipped)
    std::cout << "  " << skipped << " statutes of " << PALERMO_SHARED_DIR
              << "/statutes skipped: the folder is absent\n";
  std::cout << "Agreement per element:\n";
  for (const auto& [element, t] : per_element)
    std::cout << "  " << std::fixed << std::setprecision(2) << static_cast<double>(t.agree) / t.total << "  " << element
              << " (" << t.agree << "/" << t.total << ")\n";
}

// Statutes in languages the model has no wording for are reported not assessed, never as gaps.
TEST(Agreement, LanguagesWithoutPatternsAreNotAssessed) {
  const fs::path dir(kStatutes);
  if (!fs::exists(dir)) GTEST_SKIP() << dir << " is absent: the statutes in other languages cannot be checked";
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    std::vector<akn::Document> docs{load_document(entry.path().string())};
    const std::string lang = docs.front().frbr.language;
    if (lang == "eng" || lang == "fra" || lang == "spa" || lang == "por") continue;
    ++seen;
    const CountryReport r = analyze(docs, project_model());
    ASSERT_EQ(r.not_assessed.size(), 1u) << name;
    for (const ObligationFinding& o : r.findings) {
      EXPECT_EQ(o.status, Status::not_assessed) << name << " " << o.id;
      for (const ElementFinding& e : o.elements) EXPECT_TRUE(e.evidence.empty()) << name << " " << o.id << "/" << e.id;
    }
    EXPECT_TRUE(r.offences.empty()) << name;
  }
  EXPECT_GE(seen, 15) << "the shared statutes hold about twenty in other languages";
}
