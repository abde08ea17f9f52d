// The compiled form of the Protocol model (see compiled.hpp).
//
// Layout: the magic "palermo-model/1\n", then the Model's fields in declaration order. Integers are
// unsigned LEB128; a string is its length and its bytes; a list is its count and its items; an enum
// is its underlying value, checked against the enum's range when read back.
#include "model/compiled.hpp"

#include <cstdint>

namespace palermo::model {

namespace {

constexpr std::string_view kMagic = "palermo-model/1\n";
// Pattern trees nest as deeply as their parentheses; the pattern grammar already refuses more than
// this, so a deeper tree in compiled bytes means the bytes are corrupt.
constexpr int kMaxNodeDepth = 256;

class Writer {
 public:
  void number(std::uint64_t v) {
    do {
      auto byte = static_cast<unsigned char>(v & 0x7F);
      v >>= 7;
      if (v != 0) byte |= 0x80;
      out_ += static_cast<char>(byte);
    } while (v != 0);
  }
  void signed_number(std::int64_t v) { number(static_cast<std::uint64_t>(v)); }
  void text(std::string_view s) {
    number(s.size());
    out_.append(s);
  }
  template <class T, class Each>
  void list(const std::vector<T>& items, Each each) {
    number(items.size());
    for (const T& item : items) each(item);
  }
  void texts(const std::vector<std::string>& items) {
    list(items, [&](const std::string& s) { text(s); });
  }
  void raw(std::string_view s) { out_.append(s); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

void write(Writer& w, const SourceLocation& at) {
  w.text(at.file);
  w.signed_number(at.line);
  w.signed_number(at.column);
}

void write(Writer& w, const pattern::Node& n) {
  w.number(static_cast<std::uint64_t>(n.kind));
  w.texts(n.words);
  w.list(n.children, [&](const pattern::Node& c) { write(w, c); });
  w.signed_number(n.distance);
}

void write(Writer& w, const Pattern& p) {
  w.text(p.language);
  w.text(p.source);
  write(w, p.node);
  write(w, p.where);
}

void write(Writer& w, const Element& e) {
  w.text(e.id);
  w.text(e.title);
  w.number(static_cast<std::uint64_t>(e.scope));
  w.list(e.patterns, [&](const Pattern& p) { write(w, p); });
  w.list(e.partial_patterns, [&](const Pattern& p) { write(w, p); });
  w.texts(e.roles);
  w.text(e.check);
  w.text(e.explanation);
  write(w, e.where);
}

void write(Writer& w, const Obligation& o) {
  w.text(o.id);
  w.text(o.instrument);
  w.text(o.article);
  w.text(o.title);
  w.number(static_cast<std::uint64_t>(o.klass));
  w.number(static_cast<std::uint64_t>(o.area));
  w.text(o.statement);
  w.text(o.advice);
  w.texts(o.legislated_in);
  w.list(o.elements, [&](const Element& e) { write(w, e); });
  w.list(o.red_flags, [&](const Element& e) { write(w, e); });
  write(w, o.where);
}

void write(Writer& w, const Lexicon& l) {
  w.text(l.name);
  w.text(l.note);
  w.list(l.patterns, [&](const Pattern& p) { write(w, p); });
  write(w, l.where);
}

// Reads the bytes back. The first failure is kept and every later read returns empty values, so
// the readers below need no error checks of their own; read_compiled_model looks once at the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }
  std::size_t remaining() const { return rest_.size(); }

  void fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
    rest_ = {};
  }
  bool expect(std::string_view magic) {
    if (rest_.substr(0, magic.size()) != magic) {
      fail("it does not start with \"palermo-model/1\" (not a compiled model, or one of another version)");
      return false;
    }
    rest_.remove_prefix(magic.size());
    return true;
  }
  std::uint64_t number() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (rest_.empty()) {
        fail("it ends inside a number");
        return 0;
      }
      const auto byte = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      v |= std::uint64_t{byte & 0x7Fu} << shift;
      if ((byte & 0x80) == 0) return v;
    }
    fail("a number runs past 64 bits");
    return 0;
  }
  int signed_int() {
    const auto v = static_cast<std::int64_t>(number());
    if (v < INT32_MIN || v > INT32_MAX) {
      fail("an integer is out of range");
      return 0;
    }
    return static_cast<int>(v);
  }
  std::string text() {
    const std::uint64_t n = number();
    if (n > rest_.size()) {
      fail("a text runs past the end");
      return {};
    }
    std::string s(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return s;
  }
  template <class E>
  E enumerator(E last) {
    const std::uint64_t v = number();
    if (v > static_cast<std::uint64_t>(last)) {
      fail("an enumerated value is out of range");
      return E{};
    }
    return static_cast<E>(v);
  }
  // A count of items, each at least one byte long: more than the bytes left means corruption (and
  // must not reserve memory for it).
  std::size_t count() {
    const std::uint64_t n = number();
    if (n > rest_.size()) {
      fail("a list is longer than the bytes that remain");
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  template <class T, class Each>
  std::vector<T> list(Each each) {
    std::vector<T> items(count());
    for (T& item : items) each(item);
    return items;
  }
  std::vector<std::string> texts() {
    return list<std::string>([&](std::string& s) { s = text(); });
  }

 private:
  std::string_view rest_;
  std::string error_;
};

void read(Reader& r, SourceLocation& at) {
  at.file = r.text();
  at.line = r.signed_int();
  at.column = r.signed_int();
}

void read(Reader& r, pattern::Node& n, int depth) {
  if (depth > kMaxNodeDepth) {
    r.fail("a pattern nests deeper than any pattern the model language allows");
    return;
  }
  n.kind = r.enumerator(pattern::Node::Kind::near);
  n.words = r.texts();
  n.children = r.list<pattern::Node>([&](pattern::Node& c) { read(r, c, depth + 1); });
  n.distance = r.signed_int();
}

void read(Reader& r, Pattern& p) {
  p.language = r.text();
  p.source = r.text();
  read(r, p.node, 0);
  read(r, p.where);
}

void read(Reader& r, Element& e) {
  e.id = r.text();
  e.title = r.text();
  e.scope = r.enumerator(Scope::anywhere);
  e.patterns = r.list<Pattern>([&](Pattern& p) { read(r, p); });
  e.partial_patterns = r.list<Pattern>([&](Pattern& p) { read(r, p); });
  e.roles = r.texts();
  e.check = r.text();
  e.explanation = r.text();
  read(r, e.where);
}

void read(Reader& r, Obligation& o) {
  o.id = r.text();
  o.instrument = r.text();
  o.article = r.text();
  o.title = r.text();
  o.klass = r.enumerator(ObligationClass::good_practice);
  o.area = r.enumerator(Area::cooperation);
  o.statement = r.text();
  o.advice = r.text();
  o.legislated_in = r.texts();
  o.elements = r.list<Element>([&](Element& e) { read(r, e); });
  o.red_flags = r.list<Element>([&](Element& e) { read(r, e); });
  read(r, o.where);
}

void read(Reader& r, Lexicon& l) {
  l.name = r.text();
  l.note = r.text();
  l.patterns = r.list<Pattern>([&](Pattern& p) { read(r, p); });
  read(r, l.where);
}

}  // namespace

std::string compile_model(const Model& model) {
  Writer w;
  w.raw(kMagic);
  w.text(model.name);
  w.text(model.version);
  w.texts(model.files);
  w.list(model.obligations, [&](const Obligation& o) { write(w, o); });
  w.number(model.synonyms.size());
  for (const auto& [name, expansion] : model.synonyms) {
    w.text(name);
    w.text(expansion);
  }
  w.number(model.lexicons.size());
  for (const auto& [name, lexicon] : model.lexicons) {
    w.text(name);
    write(w, lexicon);
  }
  w.texts(model.borrowed_lexicons);
  return w.take();
}

Result<Model> read_compiled_model(std::string_view bytes, std::string_view origin) {
  Reader r(bytes);
  Model model;
  if (r.expect(kMagic)) {
    model.name = r.text();
    model.version = r.text();
    model.files = r.texts();
    model.obligations = r.list<Obligation>([&](Obligation& o) { read(r, o); });
    for (std::size_t n = r.count(); n > 0 && !r.failed(); --n) {
      std::string name = r.text();
      model.synonyms[std::move(name)] = r.text();
    }
    for (std::size_t n = r.count(); n > 0 && !r.failed(); --n) {
      std::string name = r.text();
      read(r, model.lexicons[std::move(name)]);
    }
    model.borrowed_lexicons = r.texts();
    if (!r.failed() && r.remaining() != 0) r.fail("bytes follow the end of the model");
  }
  if (r.failed())
    return Diagnostic{.file = std::string(origin),
                      .message = "the compiled Protocol model cannot be read: " + r.error(),
                      .hint =
                          "rebuild palermo (the model is compiled from protocol-model/*.pal at build time), "
                          "or pass --model DIR to read the model's source"};
  return model;
}

// Weak: the executable links generated/compiled_model.cpp, whose definition replaces this one.
__attribute__((weak)) std::string_view builtin_compiled_model() { return {}; }

}  // namespace palermo::model
