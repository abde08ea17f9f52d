// Large pages for the heap (see memory.hpp).
#include "cli/memory.hpp"

#ifdef PALERMO_WITH_MIMALLOC
#include <mimalloc.h>
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#endif

namespace palermo::cli {

void prefer_large_pages() {
#ifdef PALERMO_WITH_MIMALLOC
  // mimalloc reads its options from the environment when the process starts; set here, they apply
  // to the segments it maps from now on, committed at once so that they can be large pages.
  mi_option_set(mi_option_eager_commit_delay, 0);
  mi_option_enable(mi_option_large_os_pages);
  // The first segment was mapped before main (the C++ runtime allocates while starting), with the
  // options still off; most of a check's memory comes from it. Ask the kernel for large pages over
  // its untouched part. mimalloc 2.0 maps segments of 32 MiB aligned on their size; should a later
  // version differ, the advice lands on the wrong range and only the speed-up is lost: large-page
  // advice never changes what memory holds.
  constexpr std::uintptr_t kSegment = std::uintptr_t{1} << 25;
  void* probe = mi_malloc(16);
  const std::uintptr_t segment = reinterpret_cast<std::uintptr_t>(probe) & ~(kSegment - 1);
  madvise(reinterpret_cast<void*>(segment), kSegment, MADV_HUGEPAGE);
  mi_free(probe);
#endif
}

}  // namespace palermo::cli
