//go:build !amd64 && !arm64

package indicators

// prefetch does nothing where there is no assembly for it.
func prefetch(*uint32) {}
