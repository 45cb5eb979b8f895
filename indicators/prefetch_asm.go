//go:build amd64 || arm64

package indicators

// prefetch asks the processor to load the cache line of addr, and does
// not wait for it: a load would hold up the instructions after it until
// memory answers. See areaSet.touch.
//
//go:noescape
func prefetch(addr *uint32)
