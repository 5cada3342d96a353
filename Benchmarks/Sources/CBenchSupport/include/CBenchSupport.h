// swift-meeting-notes · Benchmarks: the C library calls Swift cannot reach through Glibc (malloc.h).
#ifndef CBENCHSUPPORT_H
#define CBENCHSUPPORT_H
#include <stddef.h>

/// Bytes of heap memory in use by live allocations (glibc's mallinfo2().uordblks + hblkhd); 0 where unknown.
size_t bench_heap_in_use(void);

/// Returns free heap memory to the system where the allocator can (glibc's malloc_trim); no-op elsewhere.
void bench_heap_trim(void);

#endif
