package indicators

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestAreaTablesOffHeap: with every area table mapped outside the heap and
// the collector running all the time (so that a table given up is
// unmapped at once), the table's tests read as before: a table in use is
// never unmapped, one replaced by a larger is.
func TestAreaTablesOffHeap(t *testing.T) {
	defer func(n int) { offHeapSlots = n }(offHeapSlots)
	offHeapSlots = 0
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	s, mem := newSlots(1000)
	if runtime.GOOS == "linux" && mem == nil {
		t.Fatal("no table mapped outside the heap")
	}
	for i := range s {
		if s[i] != 0 {
			t.Fatalf("slot %d is %d, want empty", i, s[i])
		}
		s[i] = uint32(i)
	}
	runtime.KeepAlive(mem)
	TestAreaSetTable(t)
	TestAreaTableRebuilt(t)
	TestCSVReadAhead(t)
	runtime.GC()
	runtime.GC()
}
