// Placeholder until the 'search' command lands: says so plainly and exits as bad usage.
#include <cstdio>

#include "cli/commands.hpp"

namespace palermo::cli {

int cmd_search(int, char**) {
  std::fprintf(stderr, "palermo search: not available in this build yet\n");
  return exit_usage;
}

}  // namespace palermo::cli
