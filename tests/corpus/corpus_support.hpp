// Shared helpers of the corpus tests: finding corpus files, reading PROFILE.md tables, mapping their
// element keys onto model ids, and running the analysis once per assessed country.
#pragma once
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "akn/document.hpp"
#include "analysis/finding.hpp"
#include "model/model.hpp"

namespace palermo::corpus_test {

std::string source_dir();  // PALERMO_SOURCE_DIR
std::string shared_dir();  // PALERMO_SHARED_DIR
std::string corpus_dir();  // <source>/corpus

// Every corpus/**/*.akn.xml, sorted.
std::vector<std::string> corpus_documents();
// Every corpus/*/PROFILE.md, sorted.
std::vector<std::string> corpus_profiles();

// One row of a profile table: `| element | expected | provision | why |`.
struct ProfileRow {
  std::string element;    // "acts.recruitment"
  std::string expected;   // "met", "partial", "gap", "conflict", "n/a"
  std::string provision;  // an eId, or "" when the table says "-"
  std::string why;
  int line = 0;  // 1-based line in PROFILE.md
};

// One `## Document: FILE (read with OTHER, ...)` section.
struct ProfileSection {
  std::string profile_path;            // the PROFILE.md it came from
  std::string folder;                  // "xc"
  std::string main_document;           // FILE
  std::vector<std::string> documents;  // full paths: FILE first, then the documents it is read with
  std::vector<ProfileRow> rows;
  int line = 0;
};

// GoogleTest prints a parameter through this (the main document's name) instead of raw bytes.
inline void PrintTo(const ProfileSection& section, std::ostream* out) {
  *out << section.folder << "/" << section.main_document;
}

struct ProfileParse {
  std::vector<ProfileSection> sections;
  std::vector<std::string> errors;  // "PROFILE.md:12: ..." for every line that could not be read
};

// Parses a PROFILE.md text; `path` names the file in errors and locates the documents.
ProfileParse parse_profile(std::string_view text, const std::string& path);
ProfileParse parse_profile_file(const std::string& path);
// All sections of all corpus profiles, in folder order (errors are dropped; a test checks them).
const std::vector<ProfileSection>& all_profile_sections();

// Where a profile key lands in the model.
struct ModelTarget {
  enum class Kind { obligation, element, red_flag };
  Kind kind = Kind::obligation;
  std::string obligation;        // "def.acts"
  std::string item;              // element or red-flag id; "" for an obligation
  std::string describe() const;  // "def.acts/recruitment", "red flag sanctions.serious-crime/fine-in-lieu"
};

// The agreed mapping of profile element keys onto model ids; nullopt for a key it does not know.
std::optional<ModelTarget> map_profile_key(std::string_view key);

// The embedded model, loaded once.
const model::Model& embedded_model();

// What the analysis said about one target.
struct Observed {
  bool found = false;
  analysis::Status status = analysis::Status::gap;
  std::string reason;
  std::vector<std::string> evidence_eids;  // evidence eIds (for an obligation: of all its elements)
  std::vector<std::string> chain_eids;     // eIds along the evidence chains
};
Observed observe(const analysis::CountryReport& report, const ModelTarget& target);

// Profile "expected" against an observed status. Red flags: "conflict" = fires, "met" = does not.
bool agrees(const ModelTarget& target, std::string_view expected, const Observed& observed);
// The status word a row would have to carry to agree ("met", "not applicable", ...).
std::string status_word(const ModelTarget& target, const Observed& observed);

// True when one eId equals the other or contains it as an ancestor (eId prefix up to a "__" boundary),
// or both stand in the same section or article.
bool eid_related(std::string_view a, std::string_view b);

// Reads every document of a section (fails the calling test through the returned error string).
struct LoadedSection {
  std::vector<akn::Document> documents;
  std::string error;
};
LoadedSection load_section_documents(const ProfileSection& section);

// A section's documents analysed with the embedded model, cached per section (keyed by main document).
const analysis::CountryReport* section_report(const ProfileSection& section, std::string* error);

// A short, test-name-safe label for a section: "xa", or "xc_act_2009" when a folder has several.
std::string section_label(const ProfileSection& section);

}  // namespace palermo::corpus_test
