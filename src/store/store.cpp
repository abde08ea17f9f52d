#include "store/store.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

#include "store/fts5_tokenizer.hpp"
#include "text/tokenizer.hpp"

namespace palermo::store {
namespace {

constexpr std::array<std::string_view, 5> kLanguages = {"eng", "fra", "spa", "por", "und"};

constexpr std::string_view kSchema = R"SQL(
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
INSERT OR IGNORE INTO meta VALUES ('schema', 'palermo-store/1');
CREATE TABLE IF NOT EXISTS documents(
  id INTEGER PRIMARY KEY,
  identity TEXT NOT NULL UNIQUE,      -- FRBR expression URI, else the path
  path TEXT NOT NULL, title TEXT, country TEXT, doc_type TEXT, number TEXT, name TEXT,
  language TEXT, work_uri TEXT, expression_uri TEXT, expression_date TEXT,
  dialect TEXT, sha256 TEXT, indexed_at TEXT DEFAULT (datetime('now')),
  file TEXT);                         -- the path made absolute: found again from any folder
CREATE TABLE IF NOT EXISTS provisions(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL, eid TEXT, path TEXT, element TEXT, num TEXT, citation TEXT,
  heading TEXT, text TEXT);
CREATE INDEX IF NOT EXISTS provisions_doc ON provisions(document_id, eid);
CREATE TABLE IF NOT EXISTS terms(
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  provision_id INTEGER, kind TEXT NOT NULL, refers_to TEXT, text TEXT);
CREATE TABLE IF NOT EXISTS refs(
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  provision_id INTEGER, href TEXT, text TEXT, target_eid TEXT);
CREATE TABLE IF NOT EXISTS findings(
  country TEXT PRIMARY KEY,
  palermo_build TEXT NOT NULL, model_version TEXT NOT NULL, model_digest TEXT NOT NULL,
  complete INTEGER NOT NULL,
  report TEXT NOT NULL,               -- the CountryReport as JSON (palermo-findings/1)
  made_at TEXT DEFAULT (datetime('now')));
CREATE TABLE IF NOT EXISTS findings_documents(
  country TEXT NOT NULL REFERENCES findings(country) ON DELETE CASCADE,
  ord INTEGER NOT NULL, identity TEXT NOT NULL, path TEXT NOT NULL, file TEXT NOT NULL,
  sha256 TEXT NOT NULL, component INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS findings_documents_country ON findings_documents(country, ord);
CREATE INDEX IF NOT EXISTS documents_country ON documents(country);
)SQL";

std::string fts_schema() {
  std::string sql;
  for (auto lang : kLanguages)
    sql += "CREATE VIRTUAL TABLE IF NOT EXISTS " + fts_table_for(lang) +
           " USING fts5(heading, text, content='provisions', content_rowid='id', tokenize='palermo " +
           std::string(lang) + "');\n";
  return sql;
}

}  // namespace

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

std::string identity_of(const akn::Document& d) {
  return d.frbr.expression_uri.empty() ? d.path : d.frbr.expression_uri;
}

std::string fts_table_for(std::string_view language) {
  switch (text::language_from_code(language)) {
    case text::Language::english:
      return "fts_eng";
    case text::Language::french:
      return "fts_fra";
    case text::Language::spanish:
      return "fts_spa";
    case text::Language::portuguese:
      return "fts_por";
    case text::Language::other:
      return "fts_und";
  }
  return "fts_und";
}

Result<Store> Store::open(const std::string& path, bool read_only, LockWait wait) {
  auto db = Database::open(path, read_only, std::move(wait));
  if (!db) return db.errors();
  if (auto err = register_fts5_tokenizer(db->handle())) return *err;
  if (!read_only) {
    if (auto err = db->exec_when_unlocked("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")) return *err;
    if (auto err = db->exec_when_unlocked(kSchema)) return *err;
    if (auto err = db->exec_when_unlocked(fts_schema())) return *err;
    // An index made before documents carried their absolute path gains the column (NULL in old rows).
    auto has_file = db->prepare("SELECT count(*) FROM pragma_table_info('documents') WHERE name = 'file'");
    if (!has_file) return has_file.errors();
    if (has_file->step() && has_file->integer(0) == 0)
      if (auto err = db->exec_when_unlocked("ALTER TABLE documents ADD COLUMN file TEXT")) return *err;
  } else {
    if (auto err = db->exec("PRAGMA foreign_keys = ON;")) return *err;
  }
  return Store(std::move(db).value());
}

std::optional<Diagnostic> Store::begin_batch() {
  if (in_batch_) return std::nullopt;
  if (auto err = db_.exec("BEGIN IMMEDIATE")) return err;
  in_batch_ = true;
  return std::nullopt;
}

std::optional<Diagnostic> Store::commit_batch() {
  if (!in_batch_) return std::nullopt;
  auto err = db_.exec("COMMIT");
  if (err) {
    rollback_batch();
    err->message += "; the batch was rolled back";
  }
  in_batch_ = false;
  return err;
}

void Store::rollback_batch() {
  // SQLite may already have rolled the transaction back itself (SQLITE_FULL, SQLITE_IOERR): then
  // there is nothing to undo, and a ROLLBACK would only fail.
  if (!sqlite3_get_autocommit(db_.handle())) db_.exec("ROLLBACK");
  in_batch_ = false;
}

Result<bool> Store::put(const akn::Document& document) {
  // Inside a batch a document needs no savepoint of its own: a failure rolls the whole batch back
  // (below). And a savepoint would cost dearly: FTS5 writes its pending terms out as a new segment
  // at every one, which made indexing spend a third of its time merging tiny segments.
  if (!in_batch_)
    if (auto err = db_.exec("BEGIN IMMEDIATE")) return *err;
  auto r = put_one(document);
  if (r.ok()) {
    for (const auto& component : document.components) {
      auto c = put_one(component);
      if (!c.ok()) {
        r = c;
        break;
      }
    }
  }
  if (!r.ok()) {
    if (in_batch_) {
      // Storage failed (nothing else fails here: documents are parsed before they are put). Keep
      // no part of the batch: the documents before this one would otherwise be committed by
      // the next savepoint, outside any transaction, leaving an arbitrary subset.
      rollback_batch();
      std::vector<Diagnostic> errors = r.errors();
      for (Diagnostic& d : errors) d.message += "; the batch was rolled back";
      return errors;
    }
    if (!sqlite3_get_autocommit(db_.handle())) db_.exec("ROLLBACK");
    return r;
  }
  if (in_batch_) return r;
  if (auto err = db_.exec("COMMIT")) {
    if (!sqlite3_get_autocommit(db_.handle())) db_.exec("ROLLBACK");
    return *err;
  }
  return r;
}

Result<bool> Store::put_one(const akn::Document& d) {
  const std::string identity = identity_of(d);
  const std::string fts = fts_table_for(d.frbr.language);
  bool replaced = false;

  // Remove an earlier copy of this expression: FTS rows first (external content needs the old values).
  {
    auto find = db_.prepare("SELECT id, language FROM documents WHERE identity = ?1");
    if (!find) return find.errors();
    find->bind(1, identity);
    if (find->step()) {
      replaced = true;
      std::int64_t old_id = find->integer(0);
      std::string old_fts = fts_table_for(find->text(1));
      auto del = db_.prepare("INSERT INTO " + old_fts + "(" + old_fts +
                             ", rowid, heading, text) SELECT 'delete', id, heading, text FROM provisions "
                             "WHERE document_id = ?1");
      if (!del) return del.errors();
      del->bind(1, old_id);
      del->step();
      if (del->failed()) return db_.error(sqlite3_errmsg(db_.handle()));
      auto drop = db_.prepare("DELETE FROM documents WHERE id = ?1");
      if (!drop) return drop.errors();
      drop->bind(1, old_id);
      drop->step();
      if (drop->failed()) return db_.error(sqlite3_errmsg(db_.handle()));
    }
  }

  auto ins_doc = db_.prepare(
      "INSERT INTO documents(identity, path, title, country, doc_type, number, name, language, work_uri, "
      "expression_uri, expression_date, dialect, sha256, file) VALUES "
      "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
  if (!ins_doc) return ins_doc.errors();
  ins_doc->bind(1, identity).bind(2, d.path).bind(3, d.title).bind(4, d.frbr.country).bind(5, d.doc_type);
  ins_doc->bind(6, d.frbr.number).bind(7, d.frbr.name).bind(8, d.frbr.language).bind(9, d.frbr.work_uri);
  ins_doc->bind(10, d.frbr.expression_uri).bind(11, d.frbr.expression_date).bind(12, d.dialect).bind(13, d.sha256);
  ins_doc->bind(14, absolute_path(d.path));
  ins_doc->step();
  if (ins_doc->failed()) return db_.error(sqlite3_errmsg(db_.handle()));
  const std::int64_t doc_id = sqlite3_last_insert_rowid(db_.handle());

  auto ins_prov = db_.prepare(
      "INSERT INTO provisions(document_id, ord, eid, path, element, num, citation, heading, text) "
      "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)");
  auto ins_fts = db_.prepare("INSERT INTO " + fts + "(rowid, heading, text) VALUES (?1, ?2, ?3)");
  if (!ins_prov) return ins_prov.errors();
  if (!ins_fts) return ins_fts.errors();

  std::vector<std::int64_t> provision_ids(d.provisions.size());
  std::vector<std::string> paths(d.provisions.size());
  for (std::size_t i = 0; i < d.provisions.size(); ++i) {
    const auto& p = d.provisions[i];
    paths[i] = p.parent >= 0 ? paths[static_cast<std::size_t>(p.parent)] + "/" + p.eid : p.eid;
    std::string own = p.text;
    if (!p.wrap_up.empty()) own += (own.empty() ? "" : " ") + p.wrap_up;
    ins_prov->reset();
    ins_prov->bind(1, doc_id).bind(2, static_cast<std::int64_t>(i)).bind(3, p.eid).bind(4, paths[i]);
    ins_prov->bind(5, p.element).bind(6, p.num).bind(7, p.citation).bind(8, p.heading).bind(9, own);
    ins_prov->step();
    if (ins_prov->failed()) return db_.error(sqlite3_errmsg(db_.handle()));
    provision_ids[i] = sqlite3_last_insert_rowid(db_.handle());
    ins_fts->reset();
    ins_fts->bind(1, provision_ids[i]).bind(2, p.heading).bind(3, own);
    ins_fts->step();
    if (ins_fts->failed()) return db_.error(sqlite3_errmsg(db_.handle()));
  }

  auto provision_id = [&](std::size_t index) -> std::int64_t {
    return index < provision_ids.size() ? provision_ids[index] : 0;
  };
  auto ins_term =
      db_.prepare("INSERT INTO terms(document_id, provision_id, kind, refers_to, text) VALUES (?1,?2,?3,?4,?5)");
  if (!ins_term) return ins_term.errors();
  for (const auto* list : {&d.definitions, &d.term_uses}) {
    const char* kind = list == &d.definitions ? "def" : "term";
    for (const auto& t : *list) {
      ins_term->reset();
      ins_term->bind(1, doc_id).bind(2, provision_id(t.provision)).bind(3, kind).bind(4, t.refers_to).bind(5, t.text);
      ins_term->step();
      if (ins_term->failed()) return db_.error(sqlite3_errmsg(db_.handle()));
    }
  }
  auto ins_ref =
      db_.prepare("INSERT INTO refs(document_id, provision_id, href, text, target_eid) VALUES (?1,?2,?3,?4,?5)");
  if (!ins_ref) return ins_ref.errors();
  for (const auto& r : d.references) {
    ins_ref->reset();
    ins_ref->bind(1, doc_id).bind(2, provision_id(r.provision)).bind(3, r.href).bind(4, r.text).bind(5, r.target_eid);
    ins_ref->step();
    if (ins_ref->failed()) return db_.error(sqlite3_errmsg(db_.handle()));
  }
  return replaced;
}

void Store::settle_for_readers() {
  if (in_batch_) return;
  // Changing the journal mode needs every other connection gone: try briefly, never wait long.
  sqlite3_busy_timeout(db_.handle(), 200);
  db_.exec("PRAGMA journal_mode = DELETE");
}

Result<std::vector<Hit>> Store::search(const pattern::Node& query, const SearchOptions& options) {
  const std::string fts_query = pattern::to_fts5(query);
  std::vector<std::string> tables;
  if (options.language.empty()) {
    for (auto lang : kLanguages) tables.push_back(fts_table_for(lang));
  } else {
    tables.push_back(fts_table_for(options.language));
  }
  std::vector<Hit> hits;
  const std::string open(1, kMarkOpen), close(1, kMarkClose);
  for (const auto& t : tables) {
    auto stmt = db_.prepare(
        "SELECT d.path, d.title, d.country, d.language, p.eid, p.citation, p.heading, "
        "snippet(" +
        t + ", 1, ?4, ?5, '…', 24), bm25(" + t +
        ", 2.0, 1.0) AS r "
        "FROM " +
        t + " JOIN provisions p ON p.id = " + t +
        ".rowid JOIN documents d ON d.id = p.document_id "
        "WHERE " +
        t + " MATCH ?1 AND (?2 = '' OR d.country = ?2) ORDER BY r LIMIT ?3");
    if (!stmt) return stmt.errors();
    stmt->bind(1, fts_query).bind(2, options.country).bind(3, static_cast<std::int64_t>(options.limit));
    stmt->bind(4, open).bind(5, close);
    while (stmt->step()) {
      hits.push_back(Hit{stmt->text(0), stmt->text(1), stmt->text(2), stmt->text(3), stmt->text(4), stmt->text(5),
                         stmt->text(6), stmt->text(7), stmt->real(8)});
    }
    if (stmt->failed()) {
      Diagnostic d = db_.error(sqlite3_errmsg(db_.handle()));
      d.file.clear();
      d.message = "search failed: " + d.message + " (query as FTS5: " + fts_query + ")";
      return d;
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.rank < b.rank; });
  if (hits.size() > static_cast<std::size_t>(options.limit)) hits.resize(static_cast<std::size_t>(options.limit));
  return hits;
}

Result<StoreCounts> Store::counts() {
  StoreCounts c;
  auto stmt = db_.prepare(
      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM provisions), "
      "(SELECT count(*) FROM terms), (SELECT count(*) FROM refs)");
  if (!stmt) return stmt.errors();
  if (stmt->step()) {
    c.documents = stmt->integer(0);
    c.provisions = stmt->integer(1);
    c.terms = stmt->integer(2);
    c.references = stmt->integer(3);
  }
  return c;
}

}  // namespace palermo::store
