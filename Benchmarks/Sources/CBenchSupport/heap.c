// swift-meeting-notes · Benchmarks: heap figures for the model floor (see ModelFloor.swift).
#include "CBenchSupport.h"
#if defined(__linux__)
#include <malloc.h>   /* also brings features.h, which defines __GLIBC__ on glibc */
#endif

size_t bench_heap_in_use(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
#else
    return 0;
#endif
}

void bench_heap_trim(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
