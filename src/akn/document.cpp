#include "akn/document.hpp"

namespace palermo::akn {

std::optional<std::size_t> Document::find(std::string_view eid) const {
  for (std::size_t i = 0; i < provisions.size(); ++i)
    if (provisions[i].eid == eid) return i;
  return std::nullopt;
}

std::string Document::full_text(std::size_t index) const {
  const Provision& p = provisions.at(index);
  std::string out = p.text;
  for (std::size_t c : p.children) {
    std::string child = full_text(c);
    if (child.empty()) continue;
    if (!out.empty()) out += ' ';
    out += child;
  }
  if (!p.wrap_up.empty()) {
    if (!out.empty()) out += ' ';
    out += p.wrap_up;
  }
  return out;
}

std::vector<std::size_t> Document::roots() const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < provisions.size(); ++i)
    if (provisions[i].parent < 0) out.push_back(i);
  return out;
}

}  // namespace palermo::akn
