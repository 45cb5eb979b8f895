package indicators

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// collide makes area names collide in their hashes while the test runs:
// every name (same) or names of one length (byLength).
func collide(t *testing.T, hash func(maphash.Seed, string) uint64) {
	old := areaHash
	areaHash = hash
	t.Cleanup(func() { areaHash = old })
}

func sameHash(maphash.Seed, string) uint64     { return 42 }
func byLength(_ maphash.Seed, s string) uint64 { return uint64(len(s)) }

// readAll reads an input as a test sees it: units, problems, error.
func readAll(name string, data []byte, s Schema) string {
	tb, err := Read(bytes.NewReader(data), name, s, Options{})
	if err != nil {
		return "error: " + err.Error()
	}
	return fmt.Sprintf("%s%speriod %s total %d", dump(tb), problems(tb), tb.Period, tb.TotalRow)
}

// TestAreaCollisions: where two area names share a hash, the table is
// read again to tell a repeated name from a collision, so that a read
// with colliding hashes gives what a read with none gives: the same
// sums, the same repeated names with the same first rows, the same
// problems. With every name colliding, the names are kept as they are
// after a few second reads.
func TestAreaCollisions(t *testing.T) {
	ha := "Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII\n"
	hp := "Quartal;Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII\n"
	inputs := []struct {
		name string
		data []byte
	}{
		{"gen.csv", genCSV(genRows(300, 7))},
		{"gen.xlsx", genXLSX(t, genRows(300, 7))},
		{"dup.csv", []byte(ha + "A;Altendorf;1;2\nB;Borbeck;1;2\nB;Kray;1;2\nC;Altendorf;1;2\nC;Borbeck;3;4\nA;Steele;5;6\nA;Kray;7;8\n")},
		{"late.csv", []byte(ha + "A;a1;1;2\nA;a2;1;2\nB;b1;1;2\nB;b2;1;2\nC;c1;1;2\nC;a2;1;2\n")},
		{"bad.csv", []byte(ha + "A;a;1;x\nA;b;1;2\nB;a;3;4\nB;c;5;6\nC;d;0;abc\nC;b;1;1\n")},
		// A later quarter starts anew: its areas may be those of the last.
		{"periods.csv", []byte(hp + "2026-Q1;A;a;1;2\n2026-Q1;A;b;1;2\n2026-Q2;A;a;1;2\n2026-Q2;B;b;3;4\n2026-Q1;B;a;5;6\n2026-Q2;B;a;5;6\n")},
		{"dup.xlsx", workbook(t, sheetData{"Daten", [][]any{xlsxHeader, {"A", "a", 1, 2}, {"A", "b", 3, 4}, nil, {"B", "a", 5, 6}, {"B", "c", 7, 8}, {"C", "b", 9, 10}}})},
	}
	periods := Schema{Indicators: two.Indicators, AllowSpending: true, LatestPeriod: true}
	for _, in := range inputs {
		for _, s := range []Schema{two, all, periods, genSchema} {
			if strings.HasPrefix(in.name, "gen") != (s.Indicators[0] == genSchema.Indicators[0] && len(s.Indicators) == 4) {
				continue
			}
			want := readAll(in.name, in.data, s)
			for _, hash := range []func(maphash.Seed, string) uint64{sameHash, byLength} {
				collide(t, hash)
				if got := readAll(in.name, in.data, s); got != want {
					t.Errorf("%s, all problems %v: with colliding hashes\n%s\nwant\n%s", in.name, s.AllProblems, got, want)
				}
			}
		}
	}
}

// TestAreaCollisionsMany: past the first names, kept whole, the hashes
// collide in fewer bits: with 24 of them, some of 10,000 names do.
func TestAreaCollisionsMany(t *testing.T) {
	rows := genRows(10_000, 7)
	data := genCSV(rows)
	dup := append(bytes.Clone(data), "Bezirksstelle 1;Stadtteil 9000;1;2;3;4;5\r\nBezirksstelle 2;Stadtteil 7;1;2;3;4;5\r\n"...)
	allGen := genSchema
	allGen.AllProblems = true
	for i, in := range [][]byte{data, dup} {
		for _, s := range []Schema{genSchema, allGen} {
			want := readAll("gen.csv", in, s)
			if repeated := strings.Contains(want, `area "Stadtteil 9000" appears again (first on line 9001)`); repeated != (i == 1) {
				t.Fatalf("input %d: %s", i, want[max(0, len(want)-300):])
			}
			collide(t, func(seed maphash.Seed, name string) uint64 {
				return maphash.String(seed, name) & (0xFFFF_FF00_0000_0000 | 0xFFFF)
			})
			if got := readAll("gen.csv", in, s); got != want {
				t.Errorf("all problems %v: with colliding hashes\n%s\nwant\n%s", s.AllProblems, got, want)
			}
			collide(t, maphash.String)
		}
	}
}

// TestAreaCollisionMerged: the second read finds the area of merged
// cells, which the file holds in their top cell only, as the first did.
func TestAreaCollisionMerged(t *testing.T) {
	b := editedWorkbook(t, func(f *excelize.File) {
		must(t, f.MergeCell("Daten", "B3", "B4"))
	}, sheetData{"Daten", [][]any{xlsxHeader, {"A", "a", 1, 2}, {"A", "b", 3, 4}, {"B", nil, 5, 6}, {"B", "c", 7, 8}}})
	want := `error: data.xlsx: Daten!B4: column "Stadtteil": area "b" appears again (first in row 3)`
	if got := readAll("data.xlsx", b, two); got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
	collide(t, sameHash)
	if got := readAll("data.xlsx", b, two); got != want {
		t.Errorf("with colliding hashes: got %s, want %s", got, want)
	}
}

// TestAreaSetTable: past the first names, the hashes go to a table, where
// each is found again.
func TestAreaSetTable(t *testing.T) {
	a := newAreaSet()
	for i := range 100_000 {
		if a.crowded() {
			if a.slots != nil {
				t.Fatalf("table full at %d names", i)
			}
			a.spread(200_000)
		}
		if a.add(a.hash(fmt.Sprint("Stadtteil ", i))) {
			t.Fatalf("name %d taken for one seen before", i)
		}
	}
	for i := range 100_000 {
		if !a.add(a.hash(fmt.Sprint("Stadtteil ", i))) {
			t.Fatalf("name %d not found", i)
		}
	}
	if a.n != 100_000 || len(a.slots) != slotsFor(200_000) {
		t.Errorf("%d names in %d slots", a.n, len(a.slots))
	}
}

// TestAreaTableRebuilt: a table made too small for the file is made anew,
// larger, by reading the file again, and a repeated name past that is
// found with its first row, in CSV and in a workbook.
func TestAreaTableRebuilt(t *testing.T) {
	rows := genRows(40_000, 7)
	rows[35_000].area = rows[30_000].area
	allGen := genSchema
	allGen.AllProblems = true
	for _, in := range []struct {
		name string
		data []byte
	}{{"gen.csv", genCSV(rows)}, {"gen.xlsx", genXLSX(t, rows)}} {
		for _, s := range []Schema{genSchema, allGen} {
			want := readAll(in.name, in.data, s)
			if !strings.Contains(want, "appears again") {
				t.Fatalf("%s: %s", in.name, want)
			}
			old := expectMargin
			expectMargin = 0.01 // a table of the least size, 16,384 slots
			got := readAll(in.name, in.data, s)
			expectMargin = old
			if got != want {
				t.Errorf("%s, all problems %v: with a table too small\n%s\nwant\n%s", in.name, s.AllProblems, got, want)
			}
		}
	}
}
