// Tests that read ../shared (real statutes, treaty texts, Akoma Ntoso samples and the schema, which
// live beside the repository and not in it) skip when what they read is absent, so a clone on its
// own builds and passes. The skip message names the missing path.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

// Not in palermo::testing: a test inside namespace palermo that writes `testing::Values` must still
// reach GoogleTest's namespace.
namespace shared_files {

// The path as a reader would look for it: "/work/shared/statutes/akn", not ".../palermo/../shared/...".
inline std::string shown_path(const std::string& path) {
  return std::filesystem::path(path).lexically_normal().string();
}

}  // namespace shared_files

// Skips the current test (or, in SetUpTestSuite, the whole suite) when `path` does not exist.
#define SKIP_WITHOUT_SHARED(path)                                                                 \
  do {                                                                                            \
    if (!std::filesystem::exists(path))                                                           \
      GTEST_SKIP() << ::shared_files::shown_path(path)                                            \
                   << " is absent: this test reads ../shared, which is not beside this checkout"; \
  } while (false)
