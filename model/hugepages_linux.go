package model

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of the pages adviseHugePages asks for.
const hugePage = 2 << 20

// adviseHugePages asks the kernel to back the 2 MB-aligned part of b's
// memory with huge pages when it is first touched. b must not have been
// written yet. On the 2-core VM, reading a 20 MB article into 4 KB pages
// took 70–130 ms and one pass over it 30–90 ms (5,000 page faults and as
// many TLB misses, each a walk of the host's page tables too); in 2 MB
// pages, 6–13 ms and 2–5 ms. Without transparent huge pages it does
// nothing.
func adviseHugePages(b []byte) {
	b = b[:cap(b)]
	if len(b) < 2*hugePage {
		return
	}
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	from := int((p+hugePage-1)&^(hugePage-1) - p)
	n := (len(b) - from) &^ (hugePage - 1)
	_ = syscall.Madvise(b[from:from+n], syscall.MADV_HUGEPAGE) // advice: the read works either way
}
