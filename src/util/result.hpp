// Errors as values at library boundaries. A Diagnostic says where (file, line, column) and what to
// do; the command line decides how to show it. The library never prints and never exits.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace palermo {

struct Diagnostic {
  enum class Severity { error, warning, note };
  Severity severity = Severity::error;
  // Built by field name (Diagnostic{.file = path, .line = 3, .message = "..."}): every field has a
  // default, so a diagnostic names only what it knows, and reordering the fields cannot swap them.
  std::string file{};     // may be empty when there is no file (e.g. a query typed on the command line)
  int line = 0;           // 1-based; 0 when unknown
  int column = 0;         // 1-based; 0 when unknown
  std::string message{};  // what is wrong
  std::string hint{};     // what to do about it (may be empty)
  std::string excerpt{};  // the offending source line, shown with a caret under `column` (may be empty)

  // "FILE:LINE:COL: error: message" followed by the excerpt and caret and the hint, one per line.
  std::string format() const;
};

// `text` as a terminal may show it: bytes that are not UTF-8 and control characters as \xNN, tabs
// as spaces. With `caret`, also where the 1-based character `column` lands in the result.
std::string escape_excerpt(std::string_view text, int column = 0, int* caret = nullptr);

// The value of a Result that has nothing to give back but success: Result<Done>, never an empty
// string or a bool standing for "it worked".
struct Done {};

// A value or the diagnostics that explain why there is none.
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}                            // NOLINT: implicit by design
  Result(Diagnostic d) : v_(std::vector<Diagnostic>{std::move(d)}) {}  // NOLINT
  Result(std::vector<Diagnostic> ds) : v_(std::move(ds)) {}            // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const std::vector<Diagnostic>& errors() const { return std::get<1>(v_); }

 private:
  std::variant<T, std::vector<Diagnostic>> v_;
};

}  // namespace palermo
