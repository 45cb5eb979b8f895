package indicators

import (
	"bytes"
	"fmt"
	"math/big"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/internal/gen"
	"github.com/xuri/excelize/v2"
)

// genRow is one generated data row: an area of a unit with four indicator
// values and its spending in cents.
type genRow struct {
	unit, area string
	values     [4]int64
	cents      int64
}

// genRows makes n rows spread over the given number of units, the same
// every time, for either format.
func genRows(n, units int) []genRow {
	rng := rand.New(rand.NewPCG(1, 2))
	rows := make([]genRow, n)
	for i := range rows {
		r := &rows[i]
		r.unit = fmt.Sprintf("Bezirksstelle %d", i%units+1)
		r.area = fmt.Sprintf("Stadtteil %d", i+1)
		for k := range r.values {
			r.values[k] = rng.Int64N(50_000)
		}
		r.cents = rng.Int64N(100_000_000)
	}
	return rows
}

var genHeader = []string{"Bezirksstelle", "Stadtteil", "Einwohner 0-18", "SGB II/XII", "Migranten 0-18", "Freifläche m²", "Mittelabfluss Vorjahr"}

var genSchema = Schema{Indicators: []string{"youth_0_18", "sgb_recipients", "migrant_youth_0_18", "open_space_m2"}, NeedSpending: true}

// genCSV writes rows as German Excel does: semicolons, CRLF, thousands
// points and decimal commas.
func genCSV(rows []genRow) []byte {
	var b bytes.Buffer
	b.WriteString(strings.Join(genHeader, ";") + "\r\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s;%s", r.unit, r.area)
		for _, v := range r.values {
			b.WriteString(";" + formatGerman(big.NewRat(v, 1)))
		}
		b.WriteString(";" + formatGerman(big.NewRat(r.cents, 100)) + " €\r\n")
	}
	return b.Bytes()
}

// genXLSX writes rows as numbers, spending as a float as Excel stores it.
func genXLSX(tb testing.TB, rows []genRow) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	must(tb, err)
	header := make([]any, len(genHeader))
	for i, h := range genHeader {
		header[i] = h
	}
	must(tb, sw.SetRow("A1", header))
	for i, r := range rows {
		row := []any{r.unit, r.area, r.values[0], r.values[1], r.values[2], r.values[3], float64(r.cents) / 100}
		must(tb, sw.SetRow(cellName(0, i+2), row))
	}
	must(tb, sw.Flush())
	buf, err := f.WriteToBuffer()
	must(tb, err)
	return buf.Bytes()
}

// genSharedXLSX writes rows as Excel does: text as shared strings, rows
// with spans and cells with styles.
func genSharedXLSX(tb testing.TB, rows []genRow) []byte {
	var sst []string
	index := map[string]int{}
	str := func(s string) int {
		i, ok := index[s]
		if !ok {
			i = len(sst)
			index[s] = i
			sst = append(sst, s)
		}
		return i
	}
	var sheet strings.Builder
	sheet.WriteString(`<row r="1" spans="1:7" x14ac:dyDescent="0.25">`)
	for c, h := range genHeader {
		fmt.Fprintf(&sheet, `<c r="%s" s="1" t="s"><v>%d</v></c>`, cellName(c, 1), str(h))
	}
	sheet.WriteString("</row>")
	for i, r := range rows {
		n := i + 2
		fmt.Fprintf(&sheet, `<row r="%d" spans="1:7" x14ac:dyDescent="0.25"><c r="A%[1]d" t="s"><v>%[2]d</v></c><c r="B%[1]d" t="s"><v>%[3]d</v></c>`, n, str(r.unit), str(r.area))
		for k, v := range r.values {
			fmt.Fprintf(&sheet, `<c r="%s"><v>%d</v></c>`, cellName(2+k, n), v)
		}
		fmt.Fprintf(&sheet, `<c r="G%d" s="2"><v>%s</v></c></row>`, n, strconv.FormatFloat(float64(r.cents)/100, 'g', -1, 64))
	}
	part := strings.Replace(rawSheet(sheet.String()), `<worksheet `, `<worksheet xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" `, 1)
	return rawXLSX(tb, rawParts(part, rawSST(sst...)))
}

// genTotals sums the generated rows per unit, as dump shows them.
func genTotals(rows []genRow) string {
	var b strings.Builder
	seen := map[string]int{}
	type acc struct {
		line, n int
		v       [4]int64
		cents   int64
	}
	var accs []*acc
	var names []string
	for i, r := range rows {
		j, ok := seen[r.unit]
		if !ok {
			j = len(accs)
			seen[r.unit] = j
			accs, names = append(accs, &acc{line: i + 2}), append(names, r.unit)
		}
		a := accs[j]
		a.n++
		a.cents += r.cents
		for k, v := range r.values {
			a.v[k] += v
		}
	}
	for j, a := range accs {
		fmt.Fprintf(&b, "%s@%d×%d: %d %d %d %d S=%s\n", names[j], a.line, a.n, a.v[0], a.v[1], a.v[2], a.v[3], big.NewRat(a.cents, 100).RatString())
	}
	return b.String()
}

// TestGenRoundTrip checks that both formats give the exact sums.
func TestGenRoundTrip(t *testing.T) {
	rows := genRows(2000, 7)
	want := genTotals(rows)
	tb := mustRead(t)(Read(bytes.NewReader(genCSV(rows)), "gen.csv", genSchema, Options{}))
	if got := dump(tb); got != want {
		t.Errorf("csv: got\n%swant\n%s", got, want)
	}
	tb = mustRead(t)(Read(bytes.NewReader(genXLSX(t, rows)), "gen.xlsx", genSchema, Options{}))
	if got := dump(tb); got != want {
		t.Errorf("xlsx: got\n%swant\n%s", got, want)
	}
	shared := genSharedXLSX(t, rows)
	sheetAgrees(t, shared)
	tb = mustRead(t)(Read(bytes.NewReader(shared), "gen.xlsx", genSchema, Options{}))
	if got := dump(tb); got != want {
		t.Errorf("xlsx with shared strings: got\n%swant\n%s", got, want)
	}
}

func BenchmarkReadCSV100k(b *testing.B) {
	data := genCSV(genRows(100_000, 50))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tb, err := Read(bytes.NewReader(data), "gen.csv", genSchema, Options{})
		if err != nil || len(tb.Units) != 50 {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadXLSX100k(b *testing.B) {
	data := genXLSX(b, genRows(100_000, 50))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tb, err := Read(bytes.NewReader(data), "gen.xlsx", genSchema, Options{})
		if err != nil || len(tb.Units) != 50 {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadXLSX100kShared reads the rows of BenchmarkReadXLSX100k as
// Excel saves them, with a shared string for every name.
func BenchmarkReadXLSX100kShared(b *testing.B) {
	data := genSharedXLSX(b, genRows(100_000, 50))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tb, err := Read(bytes.NewReader(data), "gen.xlsx", genSchema, Options{})
		if err != nil || len(tb.Units) != 50 {
			b.Fatal(err)
		}
	}
}

// The benchmarks of a million rows report the cost of a row: reading
// must stay linear, with memory that does not grow with the rows.
func BenchmarkReadCSV1M(b *testing.B) {
	benchRead(b, genCSV(genRows(1_000_000, 50)), "gen.csv")
}

func BenchmarkReadXLSX1M(b *testing.B) {
	benchRead(b, genXLSX(b, genRows(1_000_000, 50)), "gen.xlsx")
}

// benchRead reads data, of a million rows, and reports ns/row.
func benchRead(b *testing.B, data []byte, name string) {
	const rows = 1_000_000
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		tb, err := Read(bytes.NewReader(data), name, genSchema, Options{})
		if err != nil || len(tb.Units) != 50 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/rows, "ns/row")
}

// BenchmarkReadRbgenCSV1M reads the German CSV of `make bench-pipeline`:
// rbgen's million rows of 50 units (its names have umlauts, so the file
// is scanned for its encoding first), as `raumbudget plan` reads it.
func BenchmarkReadRbgenCSV1M(b *testing.B) {
	var buf bytes.Buffer
	must(b, gen.WriteCSV(&buf, gen.Rows(1_000_000, 50, 1), true))
	benchRead(b, buf.Bytes(), "in-1m.csv")
}
