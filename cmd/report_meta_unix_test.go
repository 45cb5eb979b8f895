//go:build unix

package cmd

import (
	"path/filepath"
	"syscall"
	"testing"
)

// TestDigestFileOfPipe: a pipe read once by the table's reader has no
// checksum in the Protokoll (read again, it gives other bytes or none,
// and a named pipe would wait for a writer), while a file has its own.
func TestDigestFileOfPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "daten.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	in, err := digestFile(fifo)
	if err != nil || in.Name != fifo || in.SHA256 != "" {
		t.Fatalf("pipe: %+v, %v; want its name and no checksum", in, err)
	}
	in, err = digestFile("../demo/indikatoren.csv")
	if err != nil || len(in.SHA256) != 64 {
		t.Fatalf("file: %+v, %v; want its SHA-256", in, err)
	}
}
