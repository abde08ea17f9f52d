// Thin RAII wrappers over the SQLite C API: a connection, a prepared statement, a transaction.
// Every failure becomes a Diagnostic naming the database file; nothing here prints.
#pragma once
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace palermo::store {

class Statement;

// Another process holding the write lock (a second `palermo index` on the same database) is waited
// for, not failed on: up to `max_wait`, calling `report` with the seconds waited so far after the
// first `report_after` and then every `report_every` (the command line prints it on stderr).
struct LockWait {
  std::chrono::milliseconds max_wait{std::chrono::minutes(10)};
  std::chrono::milliseconds report_after{std::chrono::seconds(2)};
  std::chrono::milliseconds report_every{std::chrono::seconds(15)};
  std::function<void(double seconds_waited)> report;
};
// The default wait, or PALERMO_LOCK_WAIT_S seconds when that environment variable is a number.
LockWait default_lock_wait();

class Database {
 public:
  // Opens (creating if needed) the database at `path`. A read-only database is opened with
  // SQLITE_OPEN_READONLY and never written: a caller who cannot write it (or its folder) can read it.
  static Result<Database> open(const std::string& path, bool read_only = false, LockWait wait = default_lock_wait());

  sqlite3* handle() const { return db_.get(); }
  const std::string& path() const { return path_; }
  // Runs one or more statements with no results; on failure returns what SQLite said.
  std::optional<Diagnostic> exec(std::string_view sql);
  // exec() outside any transaction, trying again while another connection holds a lock SQLite
  // will not wait for itself (a RESERVED lock met while changing the journal mode returns
  // SQLITE_BUSY at once, without calling the busy handler): within the same LockWait bound.
  std::optional<Diagnostic> exec_when_unlocked(std::string_view sql);
  Result<Statement> prepare(std::string_view sql);
  Diagnostic error(std::string_view what) const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  struct BusyState {
    LockWait wait;
    std::chrono::steady_clock::time_point since{};
    std::chrono::milliseconds next_report{0};
  };
  static int on_busy(void* state, int count);
  std::unique_ptr<BusyState> busy_;  // before db_: destroyed after the connection that uses it
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
