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

struct Emitter {
  void* ctx;
  int (*emit)(void*, int, const char*, int, int, int);
  bool prefix;
  int rc = SQLITE_OK;
};

int tokenize(Fts5Tokenizer* t, void* ctx, int flags, const char* text, int length,
             int (*emit)(void*, int, const char*, int, int, int)) {
  auto* self = reinterpret_cast<Instance*>(t);
  std::string_view input(text == nullptr ? "" : text, static_cast<std::size_t>(length < 0 ? 0 : length));
  // A prefix query ("recruit*") must not be stemmed: its folded form is matched against the
  // indexed stems.
  try {
    if ((flags & FTS5_TOKENIZE_PREFIX) != 0) {
      // A query phrase ending in '*' ("forced lab"*): only its last word is a prefix.
      auto tokens = self->tokenizer.tokenize(input);
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string_view word = i + 1 == tokens.size() ? tokens.folded(tokens[i]) : tokens.term(tokens[i]);
        int rc = emit(ctx, 0, word.data(), static_cast<int>(word.size()), static_cast<int>(tokens[i].begin),
                      static_cast<int>(tokens[i].end));
        if (rc != SQLITE_OK) return rc;
      }
      return SQLITE_OK;
    }
  } catch (...) {
    return SQLITE_NOMEM;
  }
  Emitter e{ctx, emit, false};
  try {
    self->tokenizer.scan(
        input, &e, [](void* c, std::string_view term, std::string_view folded, std::uint32_t begin, std::uint32_t end) {
          auto* em = static_cast<Emitter*>(c);
          std::string_view word = em->prefix ? folded : term;
          em->rc = em->emit(em->ctx, 0, word.data(), static_cast<int>(word.size()), static_cast<int>(begin),
                            static_cast<int>(end));
          return em->rc == SQLITE_OK;
        });
  } catch (...) {
    return SQLITE_NOMEM;
  }
  return e.rc;
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
    return Diagnostic{.file = "",
                      .message = "this SQLite library has no FTS5",
                      .hint = "install Debian's libsqlite3 (it is built with FTS5)"};
  static fts5_tokenizer callbacks = {create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "palermo", nullptr, &callbacks, nullptr) != SQLITE_OK)
    return Diagnostic{.file = "", .message = "cannot register the palermo tokenizer with FTS5"};
  return std::nullopt;
}

}  // namespace palermo::store
