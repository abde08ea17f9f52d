// Placeholder until the 'show' command lands: says so plainly and exits as bad usage.
#include <cstdio>

#include "cli/commands.hpp"

namespace palermo::cli {

int cmd_show(int, char**) {
  std::fprintf(stderr, "palermo show: not available in this build yet\n");
  return exit_usage;
}

}  // namespace palermo::cli
