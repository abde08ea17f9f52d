// Helpers shared by the model tests: load small inline models, and fetch their first error.
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "model/model.hpp"

namespace palermo::model::testing {

inline const char* const kHeader = "model \"Test model\" version \"0.1\"\n";

inline Result<Model> load_text(const std::string& text, std::vector<Diagnostic>* warnings = nullptr) {
  return load_model_sources({ModelSource{"test.pal", text}}, warnings);
}

// The first error of a model that must not load; fails the test if it loads.
inline Diagnostic first_error(const std::string& text) {
  auto loaded = load_text(text);
  if (loaded.ok()) {
    ADD_FAILURE() << "expected an error, but the model loaded:\n" << text;
    return {};
  }
  return loaded.errors().front();
}

}  // namespace palermo::model::testing
