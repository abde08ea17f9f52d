// The benchmark binary's entry point (cases are in bench_*.cpp; figures in bench/README.md).
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
