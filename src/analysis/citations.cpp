// Citation resolution against a document's provision tree (see citations.hpp).
#include "analysis/citations.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "akn/citation_label.hpp"

namespace palermo::analysis {

namespace {

using citation::Kind;

int roman_value(std::string_view s) {
  int total = 0, prev = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int v = 0;
    switch (*it) {
      case 'i':
        v = 1;
        break;
      case 'v':
        v = 5;
        break;
      case 'x':
        v = 10;
        break;
      case 'l':
        v = 50;
        break;
      case 'c':
        v = 100;
        break;
      default:
        return -1;
    }
    total += v < prev ? -v : v;
    prev = std::max(prev, v);
  }
  return total;
}

// The element names a kind of citation designates (first choice); other elements with the right
// number are accepted when none of these has it.
std::vector<std::string_view> elements_for(Kind k) {
  switch (k) {
    case Kind::section:
      return {"section"};
    case Kind::article:
      return {"article"};
    case Kind::subsection:
      return {"subsection"};
    case Kind::paragraph:
      return {"paragraph", "point", "item"};
    case Kind::subparagraph:
      return {"subparagraph", "point", "item"};
    case Kind::part:
      return {"part"};
    case Kind::chapter:
      return {"chapter"};
    case Kind::schedule:
      return {"attachment", "hcontainer"};
    default:
      return {};
  }
}

bool element_is(const akn::Provision& p, const std::vector<std::string_view>& names) {
  return std::find(names.begin(), names.end(), p.element) != names.end();
}

// The child of `parent` (or a root, parent < 0) whose number is `label`.
std::vector<std::size_t> children_numbered(const akn::Document& d, int parent, const std::string& label) {
  std::vector<std::size_t> out;
  const std::vector<std::size_t> roots = parent < 0 ? d.roots() : std::vector<std::size_t>{};
  const auto& kids = parent < 0 ? roots : d.provisions[static_cast<std::size_t>(parent)].children;
  for (std::size_t c : kids)
    if (normalized_number(d.provisions[c].num) == normalized_number(label)) out.push_back(c);
  return out;
}

// Follows labels[from..] down from `start`.
std::vector<std::size_t> descend(const akn::Document& d, std::size_t start, const std::vector<std::string>& labels,
                                 std::size_t from) {
  std::size_t current = start;
  for (std::size_t i = from; i < labels.size(); ++i) {
    auto next = children_numbered(d, static_cast<int>(current), labels[i]);
    if (next.empty()) return {};
    current = next.front();
  }
  return {current};
}

// Provisions by normalised number, built once per document: a long act cites thousands of times,
// and scanning every provision for each citation made resolving quadratic. Kept per thread for the
// last few documents seen, identified by address and content hash.
const std::vector<std::size_t>& provisions_numbered(const akn::Document& d, const std::string& number) {
  struct Index {
    const akn::Document* doc = nullptr;
    std::string sha256;
    std::size_t size = 0;
    std::unordered_map<std::string, std::vector<std::size_t>> by_number;
  };
  thread_local std::vector<Index> cache;
  Index* index = nullptr;
  for (Index& i : cache)
    if (i.doc == &d && i.sha256 == d.sha256 && i.size == d.provisions.size()) index = &i;
  if (index == nullptr) {
    if (cache.size() >= 8) cache.erase(cache.begin());
    cache.push_back(Index{&d, d.sha256, d.provisions.size(), {}});
    index = &cache.back();
    for (std::size_t i = 0; i < d.provisions.size(); ++i)
      index->by_number[normalized_number(d.provisions[i].num)].push_back(i);
  }
  static const std::vector<std::size_t> none;
  auto it = index->by_number.find(number);
  return it == index->by_number.end() ? none : it->second;
}

// Provisions anywhere in the document with this element family and number.
std::vector<std::size_t> numbered_anywhere(const akn::Document& d, Kind kind, const std::string& label) {
  auto names = elements_for(kind);
  std::string want = normalized_number(label);
  std::vector<std::size_t> strict, loose;
  for (std::size_t i : provisions_numbered(d, want)) {
    if (element_is(d.provisions[i], names))
      strict.push_back(i);
    else if (d.provisions[i].depth == 0 || d.provisions[i].element == "hcontainer")
      loose.push_back(i);
  }
  return strict.empty() ? loose : strict;
}

// Relative: walk up from `from`, at each ancestor look for a child of the right kind and number.
std::vector<std::size_t> numbered_near(const akn::Document& d, Kind kind, const std::string& label, std::size_t from) {
  auto names = elements_for(kind);
  for (int strict = 1; strict >= 0; --strict) {
    for (int q = static_cast<int>(from); q >= 0; q = d.provisions[static_cast<std::size_t>(q)].parent) {
      for (std::size_t c : children_numbered(d, q, label))
        if (!strict || element_is(d.provisions[c], names)) return {c};
    }
  }
  return {};
}

std::vector<std::size_t> resolve_ref(const citation::Citation& c, const citation::Ref& ref, const akn::Document& d,
                                     std::size_t from) {
  if (ref.labels.empty()) return {};
  std::vector<std::size_t> starts;
  switch (c.kind) {
    case Kind::section:
    case Kind::article:
    case Kind::part:
    case Kind::chapter:
    case Kind::schedule:
      starts = numbered_anywhere(d, c.kind, ref.labels.front());
      break;
    default:
      starts = numbered_near(d, c.kind, ref.labels.front(), from);
      break;
  }
  for (std::size_t s : starts) {
    auto found = descend(d, s, ref.labels, 1);
    if (!found.empty()) return found;
  }
  return {};
}

std::vector<std::size_t> enclosing(const akn::Document& d, std::size_t from,
                                   std::initializer_list<std::string_view> names) {
  for (int q = static_cast<int>(from); q >= 0; q = d.provisions[static_cast<std::size_t>(q)].parent)
    for (std::string_view n : names)
      if (d.provisions[static_cast<std::size_t>(q)].element == n) return {static_cast<std::size_t>(q)};
  return {};
}

}  // namespace

std::string normalized_number(std::string_view num) {
  std::string n = akn::citation_number(num);
  std::string out;
  for (char c : n) {
    if (c == '(' || c == ')' || c == '.' || c == ' ') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::vector<std::size_t> resolve(const citation::Citation& c, const akn::Document& d, std::size_t from) {
  if (d.provisions.empty()) return {};
  from = std::min(from, d.provisions.size() - 1);
  switch (c.kind) {
    case Kind::this_act:
      return d.roots();
    case Kind::this_part:
      return enclosing(d, from, {"part"});
    case Kind::this_chapter:
      return enclosing(d, from, {"chapter"});
    case Kind::this_section:
      return enclosing(d, from, {"section"});
    case Kind::this_subsection:
      return enclosing(d, from, {"subsection"});
    case Kind::this_article:
      return enclosing(d, from, {"article"});
    default:
      break;
  }
  std::vector<std::size_t> out;
  if (c.range && c.refs.size() == 2) {
    auto first = resolve_ref(c, c.refs[0], d, from);
    auto last = resolve_ref(c, c.refs[1], d, from);
    if (!first.empty() && !last.empty() && first.front() <= last.front()) {
      const std::string& element = d.provisions[first.front()].element;
      int depth = d.provisions[first.front()].depth;
      for (std::size_t i = first.front(); i <= last.front(); ++i)
        if (d.provisions[i].element == element && d.provisions[i].depth == depth) out.push_back(i);
      return out;
    }
  }
  for (const citation::Ref& r : c.refs)
    for (std::size_t p : resolve_ref(c, r, d, from))
      if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  // Parts written in roman numerals ("Part II" cited as "Part 2") compare by value.
  if (out.empty() && (c.kind == Kind::part || c.kind == Kind::chapter) && !c.refs.empty()) {
    std::string want = normalized_number(c.refs.front().labels.front());
    for (std::size_t i = 0; i < d.provisions.size(); ++i) {
      std::string have = normalized_number(d.provisions[i].num);
      int a = std::isdigit(static_cast<unsigned char>(want[0])) ? std::atoi(want.c_str()) : roman_value(want);
      int b = !have.empty() && std::isdigit(static_cast<unsigned char>(have[0])) ? std::atoi(have.c_str())
                                                                                 : roman_value(have);
      if (a > 0 && a == b && element_is(d.provisions[i], elements_for(c.kind))) out.push_back(i);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace palermo::analysis
