//go:build unix

package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"
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

// TestPlanReportFromPipe: a plan read from a pipe, as `--data <(…)` gives
// it, writes its report with the pipe's line in the Protokoll saying there
// is no checksum, and the spending file's checksum beside it.
func TestPlanReportFromPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "daten.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	data, err := os.ReadFile("../demo/indikatoren.csv")
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Write(data)
			w.Close()
		}
	}()
	out := filepath.Join(dir, "plan.xlsx")
	var stdout, stderr bytes.Buffer
	code := Run([]string{"plan", "--data", fifo, "--spending", "../demo/mittelabfluss.csv", "--annual-budget", "48000000",
		"--start", "2026-Q1", "--quarters", "2", "-o", "xlsx", "--out", out}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Protokoll")
	has := func(name, prefix string) bool {
		return slices.ContainsFunc(rows, func(r []string) bool {
			return len(r) == 2 && r[0] == name && len(r[1]) >= len(prefix) && r[1][:len(prefix)] == prefix
		})
	}
	if !has(fifo, "ohne Prüfsumme: keine gewöhnliche Datei") || !has("../demo/mittelabfluss.csv", "SHA-256 ") {
		t.Errorf("Protokoll rows: %q", rows)
	}
}
