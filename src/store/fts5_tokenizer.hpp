// Registers palermo's one tokenizer (text/tokenizer.hpp) with SQLite FTS5 under the name "palermo",
// so the index folds and stems exactly as the checker does. Its argument is the language:
//   CREATE VIRTUAL TABLE t USING fts5(text, tokenize='palermo eng')
#pragma once
#include <sqlite3.h>

#include <optional>

#include "util/result.hpp"

namespace palermo::store {

std::optional<Diagnostic> register_fts5_tokenizer(sqlite3* db);

}  // namespace palermo::store
