//! The binary's memory: its global allocator, and how the kernel backs it.
//! (A binary-only module: a library leaves the allocator to its user.)

// Linting allocates many small, short-lived objects (tokens, hits, findings)
// and the pack build many small strings; mimalloc serves both faster than
// the system allocator.
#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// mimalloc, called through its plain entry points wherever the alignment
/// asked for is one every mimalloc block has (8 bytes: block sizes are
/// multiples of 8 from 16-byte aligned page starts). The `mimalloc` crate
/// calls the aligned ones for every allocation, which work out the size
/// class's natural alignment each time (1.6% of a run over short articles).
struct Mimalloc;

/// Alignment every block mimalloc hands out has.
const MI_MIN_ALIGN: usize = 8;

// SAFETY: each method forwards to mimalloc with the same size and an
// alignment it honours: the plain calls only when `MI_MIN_ALIGN` covers it.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: as for the impl.
        unsafe {
            if layout.align() <= MI_MIN_ALIGN {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: as for the impl.
        unsafe {
            if layout.align() <= MI_MIN_ALIGN {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from this allocator, so from mimalloc.
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: `ptr` came from this allocator; the alignment is kept.
        unsafe {
            if layout.align() <= MI_MIN_ALIGN {
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

/// Keeps the kernel from backing mimalloc's large, aligned arenas with 2 MB
/// transparent huge pages where THP is `always`: each arena touched would
/// count 2 MB of resident memory (peak RSS on 0.7 MB of news: 37 MB with
/// huge pages, 14 MB without). Applies to page faults from here on.
pub fn no_huge_pages() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    // SAFETY: prctl(PR_SET_THP_DISABLE) only sets a flag of this process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}
