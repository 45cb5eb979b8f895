//go:build unix

package indicators

import (
	"runtime"
	"syscall"
	"unsafe"
)

// mapSlots maps n zeroed slots of anonymous memory, unmapped when the
// returned slotMemory is unreachable; nil if the system refuses.
func mapSlots(n int) ([]uint32, *slotMemory) {
	b, err := syscall.Mmap(-1, 0, 4*n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, nil
	}
	mem := &slotMemory{size: len(b)}
	runtime.AddCleanup(mem, func(b []byte) { syscall.Munmap(b) }, b)
	return unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(b))), n), mem
}
