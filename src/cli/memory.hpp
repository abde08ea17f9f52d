// How the palermo process asks for memory.
#pragma once

namespace palermo::cli {

// Lets the allocator back the heap with large (2 MiB) pages where the kernel offers them
// (transparent huge pages in "madvise" mode, Debian's default). A check touches tens of megabytes
// once — the XML tree, the statute text, its tokens — and faulting them in 4 KiB at a time cost
// about a fifth of its CPU time (bench/README.md). Call first thing in main. Does nothing when
// palermo is built without mimalloc, or where the kernel has no large pages.
void prefer_large_pages();

}  // namespace palermo::cli
