#include "store/fts5_tokenizer.hpp"

#include <memory>
#include <string>

#include "text/tokenizer.hpp"

namespace palermo::store {
namespace {

// FTS5 owns instances through these callbacks; each wraps one text::Tokenizer (stemmer state is
// per instance, and SQLite uses one instance per table, from one thread at a time).
struct Instance {
  text::Tokenizer tokenizer;
};

int create(void*, const char** args, int nargs, Fts5Tokenizer** out) {
  text::Language lang = nargs > 0 ? text::language_from_code(args[0]) : text::Language::other;
  try {
    *out = reinterpret_cast<Fts5Tokenizer*>(new Instance{text::Tokenizer(lang)});
  } catch (...) {
    return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer* t) { delete reinterpret_cast<Instance*>(t); }

int tokenize(Fts5Tokenizer* t, void* ctx, int flags, const char* text, int length,
             int (*emit)(void*, int, const char*, int, int, int)) {
  auto* self = reinterpret_cast<Instance*>(t);
  std::string_view input(text == nullptr ? "" : text, static_cast<std::size_t>(length < 0 ? 0 : length));
  try {
    auto tokens = self->tokenizer.tokenize(input);
    // A prefix query ("recruit*") must not be stemmed: match its folded form against indexed stems.
    const bool prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const auto& tok = tokens[i];
      const std::string& term = (prefix && i + 1 == tokens.size()) ? tok.folded : tok.term;
      int rc = emit(ctx, 0, term.data(), static_cast<int>(term.size()), static_cast<int>(tok.begin),
                    static_cast<int>(tok.end));
      if (rc != SQLITE_OK) return rc;
    }
  } catch (...) {
    return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

std::optional<Diagnostic> register_fts5_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (api == nullptr)
    return Diagnostic{Diagnostic::Severity::error, "", 0, 0, "this SQLite library has no FTS5",
                      "install Debian's libsqlite3 (it is built with FTS5)", ""};
  static fts5_tokenizer callbacks = {create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "palermo", nullptr, &callbacks, nullptr) != SQLITE_OK)
    return Diagnostic{Diagnostic::Severity::error, "", 0, 0, "cannot register the palermo tokenizer with FTS5", "", ""};
  return std::nullopt;
}

}  // namespace palermo::store
