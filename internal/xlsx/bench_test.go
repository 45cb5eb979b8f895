package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/internal/xlsx/xlsxtest"
)

// sheetOf makes a workbook of n rows as Excel writes them: text as shared
// strings (units and areas), rows with spans, cells with references, a
// number of each kind indicators reads. The benchmarks of the whole read
// (indicators.BenchmarkReadXLSX100k) measure the scanner with the sums;
// these measure the scanner alone.
func sheetOf(tb testing.TB, n int) []byte {
	var sheet strings.Builder
	sheet.WriteString(`<row r="1" spans="1:5"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>`)
	sst := []string{"Bezirksstelle", "Stadtteil", "youth_0_18", "sgb_recipients", "Ausgaben"}
	for i := range n / 10 {
		sst = append(sst, fmt.Sprintf("Stadtteil %d", i))
	}
	for i := range n {
		r := i + 2
		fmt.Fprintf(&sheet, `<row r="%d" spans="1:5"><c r="A%[1]d" t="inlineStr"><is><t>Bezirksstelle %d</t></is></c><c r="B%[1]d" t="s"><v>%d</v></c>`+
			`<c r="C%[1]d"><v>%d</v></c><c r="D%[1]d"><v>%d.5</v></c><c r="E%[1]d" s="1"><v>%d.25</v></c></row>`,
			r, i%50, 5+i%(n/10), i%997, i%313, i*7)
	}
	return xlsxtest.Zip(tb, xlsxtest.Parts(xlsxtest.Sheet(sheet.String()), xlsxtest.SST(sst...)))
}

func BenchmarkSheet100k(b *testing.B) {
	data := sheetOf(b, 100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		w, err := Open(bytes.NewReader(data), 1<<30)
		must(b, err)
		rows, err := w.Rows(0)
		must(b, err)
		n := 0
		for err = rows.Next(); err == nil; err = rows.Next() {
			n += len(rows.Cells())
		}
		if err != io.EOF || n != 5*100_001 {
			b.Fatalf("%d cells: %v", n, err)
		}
		must(b, rows.Finish())
		rows.Close()
		must(b, w.Sound())
	}
}
