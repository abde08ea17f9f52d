// Shared helpers of the corpus tests: profile parsing, key mapping, cached analysis (see the header).
#include "corpus/corpus_support.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <mutex>

#include "akn/reader.hpp"
#include "analysis/analyze.hpp"
#include "util/files.hpp"

namespace palermo::corpus_test {

namespace fs = std::filesystem;

std::string source_dir() { return PALERMO_SOURCE_DIR; }
std::string shared_dir() { return PALERMO_SHARED_DIR; }
std::string corpus_dir() { return source_dir() + "/corpus"; }

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string trim(std::string_view s) {
  const auto not_space = [](char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
  auto b = std::find_if(s.begin(), s.end(), not_space);
  auto e = std::find_if(s.rbegin(), s.rend(), not_space).base();
  return b < e ? std::string(b, e) : std::string();
}

// Markdown inline code around a file or eId is decoration, not part of the name.
std::string strip_backticks(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '`') out += c;
  return trim(out);
}

// "| a | b | c |" -> {"a", "b", "c"}; a '|' inside backticks does not split (eIds never hold one, but
// a `why` text quoting statute words might).
std::vector<std::string> split_cells(std::string_view line) {
  std::string_view body = line;
  while (!body.empty() && (body.back() == ' ' || body.back() == '\r')) body.remove_suffix(1);
  if (!body.empty() && body.front() == '|') body.remove_prefix(1);
  if (!body.empty() && body.back() == '|') body.remove_suffix(1);
  std::vector<std::string> cells;
  std::string cell;
  bool in_code = false;
  for (char c : body) {
    if (c == '`') in_code = !in_code;
    if (c == '|' && !in_code) {
      cells.push_back(trim(cell));
      cell.clear();
    } else {
      cell += c;
    }
  }
  cells.push_back(trim(cell));
  return cells;
}

bool is_separator_row(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
    return !c.empty() && c.find_first_not_of("-: ") == std::string::npos;
  });
}

// "a.akn.xml, b.akn.xml and c.akn.xml" -> the three names.
std::vector<std::string> split_document_list(std::string_view list) {
  // " and " separates the last name like a comma does.
  std::string normalised;
  for (std::size_t i = 0; i < list.size();) {
    if (list.substr(i, 5) == " and ") {
      normalised += ',';
      i += 5;
    } else {
      normalised += list[i++];
    }
  }
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= normalised.size()) {
    std::size_t comma = normalised.find(',', start);
    if (comma == std::string::npos) comma = normalised.size();
    std::string name = strip_backticks(std::string_view(normalised).substr(start, comma - start));
    if (!name.empty()) names.push_back(name);
    start = comma + 1;
  }
  return names;
}

}  // namespace

std::vector<std::string> corpus_documents() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(corpus_dir(), ec))
    if (entry.is_regular_file() && ends_with(entry.path().filename().string(), ".akn.xml"))
      out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> corpus_profiles() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(corpus_dir(), ec))
    if (entry.is_directory() && fs::exists(entry.path() / "PROFILE.md"))
      out.push_back((entry.path() / "PROFILE.md").string());
  std::sort(out.begin(), out.end());
  return out;
}

ProfileParse parse_profile(std::string_view text, const std::string& path) {
  ProfileParse parse;
  const fs::path folder_path = fs::path(path).parent_path();
  const std::string folder = folder_path.filename().string();
  ProfileSection* current = nullptr;
  bool header_seen = false;  // the current section's table header row
  int line_number = 0;
  std::size_t pos = 0;
  auto error = [&](const std::string& message) {
    parse.errors.push_back(path + ":" + std::to_string(line_number) + ": " + message);
  };
  while (pos <= text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    const std::string line = trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    ++line_number;

    if (starts_with(line, "## ")) {
      current = nullptr;
      static constexpr std::string_view kDocument = "## Document:";
      if (!starts_with(line, kDocument)) continue;  // another kind of section: not a table we read
      std::string rest = trim(std::string_view(line).substr(kDocument.size()));
      std::string read_with;
      if (auto open = rest.find('('); open != std::string::npos) {
        std::string inside = rest.substr(open + 1);
        if (auto close = inside.rfind(')'); close != std::string::npos) inside.resize(close);
        rest = trim(std::string_view(rest).substr(0, open));
        inside = trim(inside);
        if (starts_with(inside, "read with "))
          read_with = inside.substr(10);
        else
          error("unknown note in a Document heading: (" + inside + ")");
      }
      ProfileSection section;
      section.profile_path = path;
      section.folder = folder;
      section.main_document = strip_backticks(rest);
      section.line = line_number;
      section.documents.push_back((folder_path / section.main_document).string());
      for (const std::string& other : split_document_list(read_with))
        section.documents.push_back((folder_path / other).string());
      parse.sections.push_back(std::move(section));
      current = &parse.sections.back();
      header_seen = false;
      continue;
    }
    if (!current || line.empty() || line.front() != '|') continue;
    const std::vector<std::string> cells = split_cells(line);
    if (is_separator_row(cells)) continue;
    if (!header_seen) {
      header_seen = true;
      const std::vector<std::string> expected_header = {"element", "expected", "provision", "why"};
      if (cells != expected_header) error("table header is not `| element | expected | provision | why |`");
      continue;
    }
    if (cells.size() != 4) {
      error("row has " + std::to_string(cells.size()) + " cells, expected 4");
      continue;
    }
    ProfileRow row;
    row.element = strip_backticks(cells[0]);
    row.expected = cells[1];
    row.provision = strip_backticks(cells[2]);
    if (row.provision == "-") row.provision.clear();
    row.why = cells[3];
    row.line = line_number;
    static const std::vector<std::string> kStatuses = {"met", "partial", "gap", "conflict", "n/a"};
    if (std::find(kStatuses.begin(), kStatuses.end(), row.expected) == kStatuses.end())
      error("expected status '" + row.expected + "' is none of met, partial, gap, conflict, n/a");
    current->rows.push_back(std::move(row));
  }
  return parse;
}

ProfileParse parse_profile_file(const std::string& path) {
  auto text = palermo::read_file(path);
  if (!text) {
    ProfileParse parse;
    parse.errors.push_back(path + ": cannot be read");
    return parse;
  }
  return parse_profile(*text, path);
}

const std::vector<ProfileSection>& all_profile_sections() {
  static const std::vector<ProfileSection> sections = [] {
    std::vector<ProfileSection> out;
    for (const std::string& profile : corpus_profiles()) {
      ProfileParse parse = parse_profile_file(profile);
      for (ProfileSection& s : parse.sections) out.push_back(std::move(s));
    }
    return out;
  }();
  return sections;
}

std::string ModelTarget::describe() const {
  switch (kind) {
    case Kind::obligation:
      return obligation;
    case Kind::element:
      return obligation + "/" + item;
    case Kind::red_flag:
      return "red flag " + obligation + "/" + item;
  }
  return obligation;
}

std::optional<ModelTarget> map_profile_key(std::string_view key) {
  using Kind = ModelTarget::Kind;
  auto element = [](std::string obligation, std::string_view id) {
    return ModelTarget{Kind::element, std::move(obligation), std::string(id)};
  };
  auto red_flag = [](std::string obligation, std::string_view id) {
    return ModelTarget{Kind::red_flag, std::move(obligation), std::string(id)};
  };
  auto after = [&](std::string_view prefix) { return key.substr(prefix.size()); };

  // Definition elements: the key's family names the obligation, its tail the element.
  static const std::vector<std::pair<std::string_view, std::string>> kElementFamilies = {
      {"acts.", "def.acts"}, {"means.", "def.means"}, {"purpose.", "def.purpose"}};
  for (const auto& [prefix, obligation] : kElementFamilies)
    if (starts_with(key, prefix) && key.size() > prefix.size()) return element(obligation, after(prefix));
  if (key == "consent.irrelevant") return element("def.consent", "irrelevant");
  if (key == "children.no-means" || key == "children.under-18") return element("def.children", after("children."));
  if (key == "crim.offence") return element("crim.offence", "offence");
  if (key == "sanctions.serious-crime") return element("sanctions.serious-crime", "threshold");

  // Red flags: each belongs to the obligation it conflicts with.
  if (key == "redflag.fine-in-lieu") return red_flag("sanctions.serious-crime", "fine-in-lieu");
  if (key == "redflag.movement-required") return red_flag("crim.no-transnationality", "movement-required");
  if (key == "redflag.victims-restricted") return red_flag("crim.offence", "victims-restricted");
  if (key == "redflag.means-for-children") return red_flag("def.children", "means-for-children");
  if (starts_with(key, "redflag.")) return std::nullopt;

  // Everything else is judged on the obligation's own status; the model must hold that id.
  static const std::vector<std::string_view> kObligationKeys = {"crim.attempt",
                                                                "crim.complicity",
                                                                "crim.organizing",
                                                                "crim.no-transnationality",
                                                                "liability.legal-persons",
                                                                "confiscation",
                                                                "jurisdiction.territorial",
                                                                "victims.privacy",
                                                                "victims.information",
                                                                "victims.recovery",
                                                                "victims.compensation",
                                                                "victims.residence",
                                                                "victims.repatriation",
                                                                "prevention.policies",
                                                                "prevention.training",
                                                                "cooperation.information-exchange"};
  if (std::find(kObligationKeys.begin(), kObligationKeys.end(), key) != kObligationKeys.end() ||
      (starts_with(key, "gp.") && key.size() > 3))
    return ModelTarget{Kind::obligation, std::string(key), ""};
  return std::nullopt;
}

const model::Model& embedded_model() {
  static const model::Model model = [] {
    auto loaded = model::load_model("");
    return loaded ? std::move(loaded).value() : model::Model{};
  }();
  return model;
}

Observed observe(const analysis::CountryReport& report, const ModelTarget& target) {
  Observed out;
  auto obligation = std::find_if(report.findings.begin(), report.findings.end(),
                                 [&](const analysis::ObligationFinding& f) { return f.id == target.obligation; });
  if (obligation == report.findings.end()) return out;
  auto collect = [&](const analysis::ElementFinding& el) {
    for (const analysis::Evidence& e : el.evidence) {
      out.evidence_eids.push_back(e.eid);
      for (const analysis::ChainLink& link : e.chain) out.chain_eids.push_back(link.eid);
    }
  };
  if (target.kind == ModelTarget::Kind::obligation) {
    out.found = true;
    out.status = obligation->status;
    out.reason = obligation->reason;
    for (const auto& el : obligation->elements) collect(el);
    return out;
  }
  const auto& list = target.kind == ModelTarget::Kind::red_flag ? obligation->red_flags : obligation->elements;
  auto it =
      std::find_if(list.begin(), list.end(), [&](const analysis::ElementFinding& el) { return el.id == target.item; });
  if (it == list.end()) return out;
  out.found = true;
  out.status = it->status;
  out.reason = it->reason;
  collect(*it);
  return out;
}

bool agrees(const ModelTarget& target, std::string_view expected, const Observed& observed) {
  if (!observed.found) return false;
  if (target.kind == ModelTarget::Kind::red_flag) {
    const bool fires = observed.status == analysis::Status::conflict;
    return expected == "conflict" ? fires : (expected == "met" && !fires);
  }
  if (expected == "n/a") return observed.status == analysis::Status::not_applicable;
  // "Not in the documents checked" is a gap in the documents read, reported apart because the law
  // that usually holds it was not given: it agrees with a profile that reads the text as a gap.
  if (expected == "gap" && observed.status == analysis::Status::not_in_documents) return true;
  return analysis::to_string(observed.status) == expected;
}

std::string status_word(const ModelTarget& target, const Observed& observed) {
  if (!observed.found) return "(missing)";
  if (target.kind == ModelTarget::Kind::red_flag)
    return observed.status == analysis::Status::conflict
               ? "conflict"
               : "met(" + std::string(analysis::to_string(observed.status)) + ")";
  return std::string(analysis::to_string(observed.status));
}

namespace {

// The eId of the section or article holding this eId ("sec_6__subsec_2" -> "sec_6";
// "sec_3__qstr_1__sec_260B__subsec_1" -> "sec_3__qstr_1__sec_260B"), or "" when none.
std::string_view section_of(std::string_view eid) {
  std::size_t start = std::string_view::npos;
  for (std::size_t pos = 0; pos < eid.size();) {
    std::size_t next = eid.find("__", pos);
    std::string_view part = eid.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos);
    if (part.rfind("sec_", 0) == 0 || part.rfind("art_", 0) == 0) start = next;
    if (next == std::string_view::npos) break;
    pos = next + 2;
  }
  if (start == std::string_view::npos) {
    // the last component is itself the section
    std::size_t last = eid.rfind("__");
    std::string_view tail = last == std::string_view::npos ? eid : eid.substr(last + 2);
    return (tail.rfind("sec_", 0) == 0 || tail.rfind("art_", 0) == 0) ? eid : std::string_view{};
  }
  return eid.substr(0, start);
}

}  // namespace

bool eid_related(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  // Two subdivisions of one section are the same pinpoint for a reader: the report cites the
  // provision where the matched words stand, the profile may name a sibling subsection.
  if (!section_of(a).empty() && section_of(a) == section_of(b)) return true;
  if (a.size() > b.size()) std::swap(a, b);
  // `a` is the shorter: equal, or an ancestor whose components end where b's next one begins.
  return b.substr(0, a.size()) == a && (b.size() == a.size() || b.substr(a.size(), 2) == "__");
}

LoadedSection load_section_documents(const ProfileSection& section) {
  LoadedSection out;
  for (const std::string& path : section.documents) {
    auto doc = akn::read_document(path);
    if (!doc) {
      out.error +=
          path + ": " + (doc.errors().empty() ? std::string("unreadable") : doc.errors().front().format()) + "\n";
      continue;
    }
    out.documents.push_back(std::move(doc).value());
  }
  return out;
}

const analysis::CountryReport* section_report(const ProfileSection& section, std::string* error) {
  // Analysing a country costs well under a second, but several tests ask for the same one.
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<analysis::CountryReport>> cache;
  static std::map<std::string, std::string> errors;
  std::lock_guard lock(mutex);
  const std::string key = section.documents.front();
  if (auto it = cache.find(key); it != cache.end()) return it->second.get();
  if (auto it = errors.find(key); it != errors.end()) {
    if (error) *error = it->second;
    return nullptr;
  }
  LoadedSection loaded = load_section_documents(section);
  if (!loaded.error.empty() || embedded_model().obligations.empty()) {
    std::string message = loaded.error.empty() ? "the embedded model did not load" : loaded.error;
    errors[key] = message;
    if (error) *error = message;
    return nullptr;
  }
  auto report = std::make_unique<analysis::CountryReport>(analysis::analyze(loaded.documents, embedded_model()));
  return (cache[key] = std::move(report)).get();
}

std::string section_label(const ProfileSection& section) {
  std::size_t in_folder = 0;
  for (const ProfileSection& s : all_profile_sections()) in_folder += s.folder == section.folder;
  if (in_folder <= 1) return section.folder;
  // "xc_act_2009_14_penal-..." -> "xc_act_2009": country, type and year tell the sections apart.
  std::string label;
  int parts = 0;
  for (char c : section.main_document) {
    if (c == '_' && ++parts == 3) break;
    label += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return label;
}

}  // namespace palermo::corpus_test
