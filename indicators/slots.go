package indicators

// slotMemory owns the memory of an area table made outside the Go heap
// (see newSlots): the memory goes when the slotMemory is unreachable. An
// areaSet holds it beside its slots, so that the two go together.
type slotMemory struct {
	size int // of the mapping, in bytes; also makes the object non-empty
}

// offHeapSlots is the size from which a table is made outside the Go
// heap: below it, a few MiB of headroom do not count. A variable, for the
// tests.
var offHeapSlots = 256 << 10

// newSlots makes a table of n empty slots. A large one is mapped outside
// the Go heap where the system can (slots_unix.go): in the heap, the
// collector keeps as much again free beside what is live, so a million
// rows would cost twice their 6 bytes.
func newSlots(n int) ([]uint32, *slotMemory) {
	if n >= offHeapSlots {
		if s, mem := mapSlots(n); s != nil {
			return s, mem
		}
	}
	return make([]uint32, n), nil
}
