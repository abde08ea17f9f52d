// The findings table: each country's CountryReport (as JSON) with what made it and the documents it
// was made from, so that `palermo compare --db` serves only findings that still hold.
#include <sqlite3.h>

#include <filesystem>
#include <set>

#include "store/store.hpp"

namespace palermo::store {

Result<Done> Store::put_findings(const StoredFindings& f) {
  const bool own_transaction = !in_batch_;
  if (auto err = db_.exec(own_transaction ? "BEGIN IMMEDIATE" : "SAVEPOINT put_findings")) return *err;
  auto fail = [&]() -> Result<Done> {
    Diagnostic d = db_.error(sqlite3_errmsg(db_.handle()));
    if (own_transaction) {
      if (!sqlite3_get_autocommit(db_.handle())) db_.exec("ROLLBACK");
    } else {
      rollback_batch();
      d.message += "; the batch was rolled back";
    }
    return d;
  };
  {
    auto drop = db_.prepare("DELETE FROM findings WHERE country = ?1");
    if (!drop) return fail();
    drop->bind(1, f.country);
    drop->step();
    if (drop->failed()) return fail();
  }
  auto row = db_.prepare(
      "INSERT INTO findings(country, palermo_build, model_version, model_digest, complete, report) "
      "VALUES (?1,?2,?3,?4,?5,?6)");
  if (!row) return fail();
  row->bind(1, f.country).bind(2, f.palermo_build).bind(3, f.model_version).bind(4, f.model_digest);
  row->bind(5, static_cast<std::int64_t>(f.complete)).bind(6, f.report_json);
  row->step();
  if (row->failed()) return fail();
  auto doc = db_.prepare(
      "INSERT INTO findings_documents(country, ord, identity, path, file, sha256, component) "
      "VALUES (?1,?2,?3,?4,?5,?6,?7)");
  if (!doc) return fail();
  for (std::size_t i = 0; i < f.documents.size(); ++i) {
    const FindingsDocument& d = f.documents[i];
    doc->reset();
    doc->bind(1, f.country).bind(2, static_cast<std::int64_t>(i)).bind(3, d.identity).bind(4, d.path);
    doc->bind(5, d.file).bind(6, d.sha256).bind(7, static_cast<std::int64_t>(d.component));
    doc->step();
    if (doc->failed()) return fail();
  }
  if (db_.exec(own_transaction ? "COMMIT" : "RELEASE put_findings")) return fail();
  return Done{};
}

Result<std::vector<StoredFindings>> Store::findings(const std::vector<std::string>& countries) {
  {
    // An index written before findings were stored (or by a `palermo index` that found no country)
    // has no such table when opened read-only: say so rather than "no such table".
    auto table = db_.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'findings'");
    if (!table) return table.errors();
    if (!table->step() || table->integer(0) == 0) {
      return Diagnostic{.file = db_.path(),
                        .message = "holds no findings (it was made by an older palermo)",
                        .hint = "index the countries' documents again with this palermo: palermo index --db " +
                                db_.path() + " DIR..."};
    }
  }
  std::vector<std::string> wanted = countries;
  if (wanted.empty()) {
    auto all = db_.prepare("SELECT country FROM findings ORDER BY country");
    if (!all) return all.errors();
    while (all->step()) wanted.push_back(all->text(0));
    if (all->failed()) return db_.error(sqlite3_errmsg(db_.handle()));
  }
  auto row = db_.prepare(
      "SELECT palermo_build, model_version, model_digest, complete, report FROM findings WHERE country = ?1");
  auto docs = db_.prepare(
      "SELECT identity, path, file, sha256, component FROM findings_documents WHERE country = ?1 ORDER BY ord");
  if (!row) return row.errors();
  if (!docs) return docs.errors();
  std::vector<StoredFindings> out;
  out.reserve(wanted.size());
  for (const std::string& country : wanted) {
    row->reset();
    row->bind(1, country);
    if (!row->step()) {
      if (row->failed()) return db_.error(sqlite3_errmsg(db_.handle()));
      continue;
    }
    StoredFindings f;
    f.country = country;
    f.palermo_build = row->text(0);
    f.model_version = row->text(1);
    f.model_digest = row->text(2);
    f.complete = row->integer(3) != 0;
    f.report_json = row->text(4);
    docs->reset();
    docs->bind(1, country);
    while (docs->step())
      f.documents.push_back(
          FindingsDocument{docs->text(0), docs->text(1), docs->text(2), docs->text(3), docs->integer(4) != 0});
    if (docs->failed()) return db_.error(sqlite3_errmsg(db_.handle()));
    out.push_back(std::move(f));
  }
  return out;
}

Result<std::vector<std::string>> Store::findings_disagreements(const StoredFindings& f) {
  std::vector<std::string> reasons;
  auto indexed = db_.prepare("SELECT sha256 FROM documents WHERE identity = ?1");
  if (!indexed) return indexed.errors();
  std::set<std::string> made_from;
  for (const FindingsDocument& d : f.documents) {
    made_from.insert(d.identity);
    indexed->reset();
    indexed->bind(1, d.identity);
    if (!indexed->step()) {
      if (indexed->failed()) return db_.error(sqlite3_errmsg(db_.handle()));
      reasons.push_back(d.path + " is no longer in the index");
    } else if (indexed->text(0) != d.sha256) {
      reasons.push_back(d.path + " was indexed again with other contents, without the rest of the country's documents");
    }
  }
  auto same_country = db_.prepare(
      "SELECT identity, path, coalesce(file, path) FROM documents WHERE country = ?1 AND doc_type <> 'bill'");
  if (!same_country) return same_country.errors();
  same_country->bind(1, f.country);
  while (same_country->step()) {
    if (made_from.count(same_country->text(0))) continue;
    // A document whose file is gone was left out on purpose when the country was indexed again.
    std::error_code ec;
    if (std::filesystem::exists(same_country->text(2), ec))
      reasons.push_back(same_country->text(1) +
                        " is one of the country's documents in the index, but the findings were made without it (in "
                        "another run of palermo index)");
  }
  if (same_country->failed()) return db_.error(sqlite3_errmsg(db_.handle()));
  return reasons;
}

}  // namespace palermo::store
