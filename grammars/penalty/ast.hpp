// What the penalty grammar builds for one penalty clause: its parts (a term of imprisonment, a fine)
// and the words that join them ("or", "and", "or to both", "ou de l'une de ces deux peines").
#pragma once
#include <vector>

namespace palermo::penalty::ast {

enum class PartKind { imprisonment, fine };
enum class Link { and_also, or_instead };

struct Part {
  PartKind kind = PartKind::imprisonment;
  double min_years = -1;  // -1: not stated
  double max_years = -1;
  bool life = false;
};

struct Clause {
  std::vector<Part> parts;
  std::vector<Link> links;     // links[i] joins parts[i] and parts[i + 1]
  bool either_alone = false;   // "or both", "ou de l'une de ces deux peines seulement"
  bool fine_excluded = false;  // "without the option of a fine"
};

}  // namespace palermo::penalty::ast
