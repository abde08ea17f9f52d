// Placeholder until the 'compare' command lands: says so plainly and exits as bad usage.
#include <cstdio>

#include "cli/commands.hpp"

namespace palermo::cli {

int cmd_compare(int, char**) {
  std::fprintf(stderr, "palermo compare: not available in this build yet\n");
  return exit_usage;
}

}  // namespace palermo::cli
