// Indexing the sample documents: palermo's Store against a bare FTS5 table fed the same text (the floor).
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <memory>

#include "akn/reader.hpp"
#include "bench_support.hpp"
#include "store/store.hpp"

namespace palermo::bench {
namespace {

struct SqliteClose {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalize {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

// The least any full-text index of these provisions can cost: one in-memory FTS5 table with the
// default unicode61 tokenizer, one prepared INSERT per provision, one transaction.
void BM_Fts5Floor_Samples(benchmark::State& state) {
  const auto& rows = sample_provision_text();
  for (auto _ : state) {
    sqlite3* raw = nullptr;
    sqlite3_open(":memory:", &raw);
    std::unique_ptr<sqlite3, SqliteClose> db(raw);
    if (sqlite3_exec(db.get(), "CREATE VIRTUAL TABLE fts USING fts5(heading, text); BEGIN", nullptr, nullptr,
                     nullptr) != SQLITE_OK) {
      state.SkipWithError(sqlite3_errmsg(db.get()));
      break;
    }
    sqlite3_stmt* raw_stmt = nullptr;
    sqlite3_prepare_v2(db.get(), "INSERT INTO fts(heading, text) VALUES (?1, ?2)", -1, &raw_stmt, nullptr);
    std::unique_ptr<sqlite3_stmt, StmtFinalize> insert(raw_stmt);
    for (const ProvisionText& row : rows) {
      sqlite3_reset(insert.get());
      sqlite3_bind_text(insert.get(), 1, row.heading.data(), static_cast<int>(row.heading.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert.get(), 2, row.text.data(), static_cast<int>(row.text.size()), SQLITE_STATIC);
      sqlite3_step(insert.get());
    }
    sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr);
  }
  state.counters["provisions"] = static_cast<double>(rows.size());
}
BENCHMARK(BM_Fts5Floor_Samples)->Unit(benchmark::kMillisecond);

// Store::put of every sample, parsed beforehand, into a fresh in-memory store: the same provisions as
// the floor, plus palermo's stemming tokenizer and the provisions/terms/refs tables, in one batch (one
// transaction, a savepoint per document) as `palermo index` does.
void BM_Index_Samples(benchmark::State& state) {
  const auto& docs = sample_documents();
  for (auto _ : state) {
    auto store = store::Store::open(":memory:");
    if (!store) {
      state.SkipWithError("Store::open(\":memory:\") failed");
      break;
    }
    store->begin_batch();
    for (const akn::Document& d : docs)
      if (!store->put(d)) {
        state.SkipWithError(("Store::put failed on " + d.path).c_str());
        break;
      }
    store->commit_batch();
  }
  state.counters["documents"] = static_cast<double>(docs.size());
  state.counters["provisions"] = static_cast<double>(sample_provision_text().size());
}
BENCHMARK(BM_Index_Samples)->Unit(benchmark::kMillisecond);

// What `palermo index` does per file: read every sample, then put it.
void BM_ReadAndIndex_Samples(benchmark::State& state) {
  const std::vector<std::string> paths = sample_paths();
  std::size_t indexed = 0;
  for (auto _ : state) {
    auto store = store::Store::open(":memory:");
    if (!store) {
      state.SkipWithError("Store::open(\":memory:\") failed");
      break;
    }
    indexed = 0;
    store->begin_batch();
    for (const std::string& p : paths) {
      auto doc = akn::read_document(p);
      if (!doc) continue;  // a refused sample is refused the same way by `palermo index`
      indexed += store->put(*doc).ok();
    }
    store->commit_batch();
  }
  state.counters["documents"] = static_cast<double>(indexed);
}
BENCHMARK(BM_ReadAndIndex_Samples)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace palermo::bench
