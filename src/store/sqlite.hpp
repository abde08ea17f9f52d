// Thin RAII wrappers over the SQLite C API: a connection, a prepared statement, a transaction.
// Every failure becomes a Diagnostic naming the database file; nothing here prints.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace palermo::store {

class Statement;

class Database {
 public:
  // Opens (creating if needed) the database at `path`.
  static Result<Database> open(const std::string& path, bool read_only = false);

  sqlite3* handle() const { return db_.get(); }
  const std::string& path() const { return path_; }
  // Runs one or more statements with no results; on failure returns what SQLite said.
  std::optional<Diagnostic> exec(std::string_view sql);
  Result<Statement> prepare(std::string_view sql);
  Diagnostic error(std::string_view what) const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
};

class Statement {
 public:
  explicit Statement(sqlite3_stmt* s) : stmt_(s) {}
  sqlite3_stmt* handle() const { return stmt_.get(); }

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_null(int index);
  // SQLITE_ROW -> true, SQLITE_DONE -> false; errors -> false with error() set.
  bool step();
  bool failed() const { return rc_ != SQLITE_OK && rc_ != SQLITE_ROW && rc_ != SQLITE_DONE; }
  int rc() const { return rc_; }
  void reset();

  std::string text(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
  };
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
  int rc_ = SQLITE_OK;
};

}  // namespace palermo::store
