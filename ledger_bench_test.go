package main

import (
	"path/filepath"
	"testing"

	"github.com/raumbudget/raumbudget/internal/gen"
	"github.com/raumbudget/raumbudget/scenario"
)

// BenchmarkBookXLSX books one quarter of the 100,000-row workbook (the
// next quarter each time, into one SQLite ledger): the plan of one
// quarter plus storing the booking and the workbook.
func BenchmarkBookXLSX(b *testing.B) {
	data := benchData(b, "big.xlsx", gen.WriteXLSX)
	ledger := filepath.Join(b.TempDir(), "raumbudget.db")
	q := scenario.Period{Year: 2026, Quarter: 1}
	b.ReportAllocs()
	for b.Loop() {
		runInProcess(b, []string{"book", q.String(), "--data", data, "--annual-budget", "48000000", "--ledger", ledger, "-o", "csv"})
		q = q.Add(1)
	}
}

// BenchmarkPlanQuarterXLSX is the plan of one quarter of the same
// workbook, for comparison with BenchmarkBookXLSX.
func BenchmarkPlanQuarterXLSX(b *testing.B) {
	data := benchData(b, "big.xlsx", gen.WriteXLSX)
	b.ReportAllocs()
	for b.Loop() {
		runInProcess(b, []string{"plan", "--data", data, "--annual-budget", "48000000", "--start", "2026-Q1", "--quarters", "1", "-o", "csv"})
	}
}

// BenchmarkVerify40 verifies a ledger of 40 quarters booked on the demo
// data with a corridor: every booking recomputed, every hash checked.
func BenchmarkVerify40(b *testing.B) {
	ledger := filepath.Join(b.TempDir(), "raumbudget.db")
	q := scenario.Period{Year: 2026, Quarter: 1}
	for range 40 {
		runInProcess(b, []string{"book", q.String(), "--demo", "--max-decrease", "5%", "--max-increase", "5%", "--ledger", ledger, "-o", "csv"})
		q = q.Add(1)
	}
	b.ReportAllocs()
	for b.Loop() {
		runInProcess(b, []string{"ledger", "verify", "--ledger", ledger})
	}
}
