// The full-text store: documents, provisions, defined terms and references in SQLite, with an FTS5
// index over provision text that uses palermo's own tokenizer. One FTS5 table per language
// (fts_eng, fts_fra, ...), so each row is folded and stemmed in its own language and a query is
// stemmed per table by FTS5 itself.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "akn/document.hpp"
#include "grammars/pattern/pattern.hpp"
#include "store/sqlite.hpp"
#include "util/result.hpp"

namespace palermo::store {

struct SearchOptions {
  std::string country;   // FRBRcountry, "" for all
  std::string language;  // ISO 639-2 ("eng") or 639-1 ("en"), "" for all
  int limit = 20;
};

struct Hit {
  std::string document;  // path as indexed
  std::string title;
  std::string country;
  std::string language;
  std::string eid;
  std::string citation;
  std::string heading;
  // The matched passage: matched words between the markers kMarkOpen and kMarkClose.
  std::string snippet;
  double rank = 0;  // bm25: lower is better
};

inline constexpr char kMarkOpen = '\x02';
inline constexpr char kMarkClose = '\x03';

// A document that stored findings were made from.
struct FindingsDocument {
  std::string identity;    // as the documents table names it: FRBR expression URI, else the path
  std::string path;        // as the report names it (the path given to palermo index)
  std::string file;        // the same file as an absolute path, to find it again from any folder
  std::string sha256;      // of its bytes when the findings were made
  bool component = false;  // a component of a documentCollection, not a file of its own
};

// One country's findings, stored by `palermo index` and read by `palermo compare --db`. The report
// itself is JSON (report/findings_json.hpp); the columns beside it say what made it and from which
// documents, so that findings that no longer hold can be told apart without reading the JSON.
struct StoredFindings {
  std::string country;
  std::string palermo_build;  // "palermo 0.1.0 (commit 2290848abcde)": the analysis code
  std::string model_version;  // "2026.11"
  std::string model_digest;   // SHA-256 of the model's compiled form: its patterns, not only its name
  bool complete = false;      // made with --complete
  std::vector<FindingsDocument> documents;
  std::string report_json;
};

struct StoreCounts {
  std::int64_t documents = 0, provisions = 0, terms = 0, references = 0;
};

class Store {
 public:
  // Opens or creates the database at `path`, creating the schema and registering the tokenizer.
  static Result<Store> open(const std::string& path, bool read_only = false, LockWait wait = default_lock_wait());

  // Adds one document (and its components) — or replaces the same expression (FRBR expression URI,
  // else the path) — in one transaction: an interrupted run leaves the previous state intact.
  // Returns true when an earlier copy was replaced.
  Result<bool> put(const akn::Document& document);

  // Many documents in one transaction (each still all-or-nothing through a savepoint): FTS5 flushes
  // its index at every commit, so committing once per batch rather than once per file is what makes
  // indexing a large corpus fast. An interrupted batch leaves the database as it was before it.
  // A put() that fails inside a batch (a full disk, an I/O error) rolls the whole batch back, so the
  // index is as it was before begin_batch(): the caller reports every document of the batch as not
  // indexed. A failed commit_batch() rolls back the same way.
  std::optional<Diagnostic> begin_batch();
  std::optional<Diagnostic> commit_batch();
  bool in_batch() const { return in_batch_; }

  // Ends a writing session: the database leaves WAL mode (when no one else has it open), so that
  // readers who cannot write its folder can open it read-only. Failure is harmless and ignored.
  void settle_for_readers();

  Result<std::vector<Hit>> search(const pattern::Node& query, const SearchOptions& options);
  Result<StoreCounts> counts();

  // Replaces the country's findings (inside the current batch, if any, else in a transaction of
  // their own).
  Result<Done> put_findings(const StoredFindings& findings);
  // The findings of `countries`, in that order, or of every country (sorted by code) when empty.
  // A named country without findings is left out: the caller names it.
  Result<std::vector<StoredFindings>> findings(const std::vector<std::string>& countries);
  // Why the index itself no longer agrees with these findings, one sentence per reason: one of
  // their documents was indexed again with other bytes or is gone from the index, or the index holds
  // another document of the country (not a bill) that they were not made from and whose file still
  // exists (it was indexed in another run). Empty when they agree.
  Result<std::vector<std::string>> findings_disagreements(const StoredFindings& findings);
  Database& database() { return db_; }

 private:
  explicit Store(Database db) : db_(std::move(db)) {}
  Result<bool> put_one(const akn::Document& document);
  void rollback_batch();
  Database db_;
  bool in_batch_ = false;
};

// `path` made absolute (and normal), or `path` itself when that fails.
std::string absolute_path(const std::string& path);

// How the documents table names a document: its FRBR expression URI, else its path.
std::string identity_of(const akn::Document& document);

// The FTS5 table for a document language: "fts_eng", "fts_fra", "fts_spa", "fts_por", else "fts_und".
std::string fts_table_for(std::string_view language);

}  // namespace palermo::store
