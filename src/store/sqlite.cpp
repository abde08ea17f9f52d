#include "store/sqlite.hpp"

#include <cstdlib>
#include <thread>

namespace palermo::store {

LockWait default_lock_wait() {
  LockWait w;
  if (const char* env = std::getenv("PALERMO_LOCK_WAIT_S"); env != nullptr && *env != '\0') {
    char* end = nullptr;
    const double seconds = std::strtod(env, &end);
    if (end != env && *end == '\0' && seconds >= 0 && seconds < 86400.0 * 7)
      w.max_wait = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  }
  return w;
}

// SQLite calls this while the database is locked by another connection: sleep a little and try
// again (non-zero), until the bound is reached (zero: SQLITE_BUSY, "database is locked").
int Database::on_busy(void* state, int count) {
  auto* s = static_cast<BusyState*>(state);
  const auto now = std::chrono::steady_clock::now();
  if (count == 0) {
    s->since = now;
    s->next_report = s->wait.report_after;
  }
  const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(now - s->since);
  if (waited >= s->wait.max_wait) return 0;
  if (s->wait.report && waited >= s->next_report) {
    s->wait.report(static_cast<double>(waited.count()) / 1000.0);
    s->next_report = waited + s->wait.report_every;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(count < 10 ? 10 : 100));
  return 1;
}

namespace {

// `path` as an SQLite URI ("file:...?immutable=1"): the characters a URI gives a meaning to are escaped.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20) {
      static const char* hex = "0123456789ABCDEF";
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?mode=ro&immutable=1";
}

// True when a read-only connection can read the database. A database in WAL mode needs its -shm
// file, which a reader who may not write the folder cannot create: SQLite then says "attempt to
// write a readonly database" (SQLITE_READONLY) or "unable to open database file" (SQLITE_CANTOPEN).
int probe_read(sqlite3* db) {
  return sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
}

}  // namespace

Result<Database> Database::open(const std::string& path, bool read_only, LockWait wait) {
  sqlite3* raw = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (read_only && rc == SQLITE_OK) {
    const int probe = probe_read(raw) & 0xFF;
    if (probe == SQLITE_READONLY || probe == SQLITE_CANTOPEN) {
      // Nobody who can write the index can be expected to write it while a reader who cannot write
      // its folder reads it: read the file as it stands, without the WAL machinery.
      sqlite3_close_v2(raw);
      raw = nullptr;
      rc = sqlite3_open_v2(immutable_uri(path).c_str(), &raw,
                           SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    }
  }
  Database db;
  db.db_.reset(raw);
  db.path_ = path;
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : "out of memory";
    return Diagnostic{.file = path,
                      .message = "cannot open the index database: " + msg,
                      .hint = read_only
                                  ? "build it first with 'palermo index FILE...' or name another with --db"
                                  : "check that the folder exists and is writable, or choose another path with --db"};
  }
  db.busy_ = std::make_unique<BusyState>();
  db.busy_->wait = std::move(wait);
  sqlite3_busy_handler(raw, &Database::on_busy, db.busy_.get());
  return db;
}

std::optional<Diagnostic> Database::exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_.get(), s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    Diagnostic d = error(err ? err : "unknown error");
    sqlite3_free(err);
    return d;
  }
  return std::nullopt;
}

std::optional<Diagnostic> Database::exec_when_unlocked(std::string_view sql) {
  for (int attempt = 0;; ++attempt) {
    auto err = exec(sql);
    if (!err || (sqlite3_errcode(db_.get()) & 0xFF) != SQLITE_BUSY || busy_ == nullptr) return err;
    if (!on_busy(busy_.get(), attempt)) return err;  // sleeps, reports, or says the bound is reached
  }
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql.data(), static_cast<int>(sql.size()), &s, nullptr) != SQLITE_OK)
    return error(sqlite3_errmsg(db_.get()));
  return Statement(s);
}

Diagnostic Database::error(std::string_view what) const {
  return Diagnostic{.file = path_, .message = std::string("database: ") + std::string(what)};
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

bool Statement::step() {
  rc_ = sqlite3_step(stmt_.get());
  return rc_ == SQLITE_ROW;
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
  rc_ = SQLITE_OK;
}

std::string Statement::text(int column) const {
  const unsigned char* t = sqlite3_column_text(stmt_.get(), column);
  if (t == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(t),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_.get(), column); }

}  // namespace palermo::store
