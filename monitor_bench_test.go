package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkMonitorMillionRows: a year of single payments of a large city,
// 1,000,000 rows of 8 offices with booking dates, read and monitored
// against a plan, in-process, to JSON.
func BenchmarkMonitorMillionRows(b *testing.B) {
	benchMonitor(b, 1_000_000)
}

// BenchmarkMonitor100kRows is the same with a tenth of the rows, to see
// that time grows with the rows and memory does not.
func BenchmarkMonitor100kRows(b *testing.B) {
	benchMonitor(b, 100_000)
}

func benchMonitor(b *testing.B, rows int) {
	dir := b.TempDir()
	plan := filepath.Join(dir, "plan.csv")
	runInProcess(b, []string{"plan", "--demo", "--start", "2026-Q1", "--quarters", "4", "-o", "csv", "--out", plan})
	ist := filepath.Join(dir, "ist.csv")
	if err := writePayments(ist, rows); err != nil {
		b.Fatal(err)
	}
	args := []string{"monitor", "2026", "--soll", plan, "--ist", ist, "-o", "json"}
	b.ReportAllocs()
	for b.Loop() {
		runInProcess(b, args)
	}
}

// writePayments writes rows of Bezirksstelle;Buchungsdatum;Betrag as a
// finance system exports them, refunds among them.
func writePayments(path string, rows int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	rng := rand.New(rand.NewPCG(1, 1))
	numerals := []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII"}
	fmt.Fprint(w, "Bezirksstelle;Buchungsdatum;Betrag\r\n")
	for i := 0; i < rows; i++ {
		cents := 5000 + rng.Int64N(1_000_000)
		if i%50 == 0 {
			cents = -cents / 10
		}
		fmt.Fprintf(w, "Bezirksstelle %s;%02d.%02d.2026;%s\r\n", numerals[rng.IntN(8)], 1+rng.IntN(28), 1+rng.IntN(12), centsText(cents))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
