// Placeholder until the 'model' command lands: says so plainly and exits as bad usage.
#include <cstdio>

#include "cli/commands.hpp"

namespace palermo::cli {

int cmd_model(int, char**) {
  std::fprintf(stderr, "palermo model: not available in this build yet\n");
  return exit_usage;
}

}  // namespace palermo::cli
