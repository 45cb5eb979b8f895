package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/raumbudget/raumbudget/cmd"
	"github.com/raumbudget/raumbudget/internal/gen"
)

// Benchmarks of whole commands, in-process through cmd.Run and as a
// process. The inputs are generated (internal/gen); `make bench-pipeline`
// writes the same files with rbgen and measures the built binary's wall
// time and peak memory.

const (
	benchRows  = 100_000
	benchUnits = 50
	benchSeed  = 1 // rbgen's default, so that its files are these
)

// benchData writes the generated table into a temporary directory and
// returns its path.
func benchData(b *testing.B, name string, write func(io.Writer, []gen.Row) error) string {
	return benchDataOf(b, name, benchUnits, write)
}

// benchDataOf writes the generated table of benchRows rows in units units.
func benchDataOf(b *testing.B, name string, units int, write func(io.Writer, []gen.Row) error) string {
	b.Helper()
	var buf bytes.Buffer
	if err := write(&buf, gen.Rows(benchRows, units, benchSeed)); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// benchPlan runs a four-quarter plan from data to an xlsx report.
func benchPlan(b *testing.B, data string) {
	out := filepath.Join(filepath.Dir(data), "report.xlsx")
	args := []string{"plan", "--data", data, "--annual-budget", "48000000", "--start", "2026-Q1",
		"--quarters", "4", "-o", "xlsx", "--out", out, "--force", "--report-date", "2026-11-22"}
	b.ReportAllocs()
	for b.Loop() {
		runInProcess(b, args)
	}
}

func runInProcess(b *testing.B, args []string) {
	var stderr bytes.Buffer
	if code := cmd.Run(args, io.Discard, &stderr); code != 0 {
		b.Fatalf("raumbudget %v: exit status %d\n%s", args, code, stderr.String())
	}
}

// BenchmarkPipelineXLSX: 100,000 rows of 50 offices in a workbook → a
// plan of four quarters → an xlsx report.
func BenchmarkPipelineXLSX(b *testing.B) {
	benchPlan(b, benchData(b, "big.xlsx", gen.WriteXLSX))
}

// BenchmarkPipelineCSV: the same from a German CSV file.
func BenchmarkPipelineCSV(b *testing.B) {
	benchPlan(b, benchData(b, "big.csv", func(w io.Writer, rows []gen.Row) error { return gen.WriteCSV(w, rows, true) }))
}

// BenchmarkPipelineCSV1M: a million rows of 50 offices from a German CSV
// file → four quarters → an xlsx report; ns/row is the time of a row.
func BenchmarkPipelineCSV1M(b *testing.B) {
	benchPlanRows(b, benchDataRows(b, "million.csv", 1_000_000, func(w io.Writer, rows []gen.Row) error { return gen.WriteCSV(w, rows, true) }), 1_000_000)
}

// BenchmarkPipelineXLSX1M: the same from a workbook, whose sheet unpacks
// to some 300 MB.
func BenchmarkPipelineXLSX1M(b *testing.B) {
	benchPlanRows(b, benchDataRows(b, "million.xlsx", 1_000_000, gen.WriteXLSX), 1_000_000)
}

// benchDataRows writes the generated table of rows rows in benchUnits
// units, unbuffered in memory only as long as it is written.
func benchDataRows(b *testing.B, name string, rows int, write func(io.Writer, []gen.Row) error) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := write(f, gen.Rows(rows, benchUnits, benchSeed)); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// benchPlanRows is benchPlan, reporting the time of one of the rows.
func benchPlanRows(b *testing.B, data string, rows int) {
	benchPlan(b, data)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows), "ns/row")
}

// BenchmarkPipelineManyUnits: 100,000 rows in 10,000 units (a city's
// blocks) from a German CSV file → four quarters → an xlsx report: the
// report's rows and the exact shares per unit dominate, not the reading.
func BenchmarkPipelineManyUnits(b *testing.B) {
	benchPlan(b, benchDataOf(b, "units.csv", 10_000, func(w io.Writer, rows []gen.Row) error { return gen.WriteCSV(w, rows, true) }))
}

// BenchmarkDemoJSON: allocate --demo -o json, in-process.
func BenchmarkDemoJSON(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		runInProcess(b, []string{"allocate", "--demo", "-o", "json"})
	}
}

// BenchmarkDemoProcess: allocate --demo -o json as a process, start to
// exit, as a user sees it. The binary is built once, outside the timer.
func BenchmarkDemoProcess(b *testing.B) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		b.Skip("no go command to build the binary with")
	}
	bin := filepath.Join(b.TempDir(), "raumbudget")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	args := []string{"allocate", "--demo", "-o", "json"}
	for b.Loop() {
		c := exec.Command(bin, args...) // output to the null device
		if err := c.Run(); err != nil {
			out, _ := exec.Command(bin, args...).CombinedOutput()
			b.Fatalf("raumbudget %v: %v\n%s", args, err, out)
		}
	}
}

// BenchmarkPipelineUnits100k: 100,000 rows in 100,000 units (a unit a
// row, a state's blocks) → four quarters → an xlsx report: the goal of
// issue 17 is 4 s and 400 MiB end to end for the built binary.
func BenchmarkPipelineUnits100k(b *testing.B) {
	benchPlan(b, benchDataOf(b, "units100k.csv", 100_000, func(w io.Writer, rows []gen.Row) error { return gen.WriteCSV(w, rows, true) }))
}
