// Package gen makes synthetic indicator tables like the ones district
// offices keep: one row per area (Stadtteil) of a district office
// (Bezirksstelle), with residents under 18, SGB II/XII recipients, young
// migrants, open space in m² and the prior year's spending. The tables are
// the inputs of the benchmarks; cmd/rbgen writes them to files, so that
// anyone can reproduce them. The values are random, not official data.
package gen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/raumbudget/raumbudget/internal/vocab"
	"github.com/xuri/excelize/v2"
)

// Header is the header row, with the headings raumbudget recognises.
var Header = vocab.GermanHeadings(append(append([]string{vocab.Unit, vocab.Area}, vocab.Indicators...), vocab.Spending)...)

// Row is one area of a district office. Open space and spending are
// fixed-point, as written in the files: m² with one decimal, euros with two.
type Row struct {
	Unit      string // "Bezirksstelle 1" .. "Bezirksstelle U"
	Area      string // unique among the rows
	Youth     int64  // Einwohner 0-18
	SGB       int64  // SGB II/XII
	Migrants  int64  // Migranten 0-18, at most Youth
	OpenSpace int64  // Freifläche m², in tenths
	Spending  int64  // Mittelabfluss Vorjahr, in cents
}

// areaNames are the stems of the area names; a running number makes each
// name unique.
var areaNames = []string{"Altstadt", "Südstadt", "Nordviertel", "Östliche Vorstadt",
	"Westend", "Mühlenberg", "Am Gänsemarkt", "Bahnhofsviertel", "Schloßpark",
	"Hafen", "Lindenhöhe", "Kreuzberg", "Brückenkopf", "Überwasser", "Feldmark",
	"Grünau", "Neustadt", "Kirchdorf", "Heide", "Am Weiher", "Zeche Zollern",
	"Rosengarten", "Sandkamp", "Ziegelei"}

// Rows makes n rows spread over units district offices, the same for the
// same seed. The offices take turns, row by row (Group sorts them into
// blocks). A unit with no row (n < units) does not appear. Per area:
// 20-2000 residents under 18, SGB recipients up to twice that, migrants
// up to all of them, open space up to 200,000.0 m², spending up to one
// euro per young resident, to the cent; 100,000 rows spend about
// 50 million euros.
func Rows(n, units int, seed uint64) []Row {
	if units < 1 {
		units = 1
	}
	rng := rand.New(rand.NewPCG(seed, 0x7261756d62756467)) // "raumbudg"
	rows := make([]Row, n)
	for i := range rows {
		r := &rows[i]
		r.Unit = "Bezirksstelle " + strconv.Itoa(i%units+1)
		r.Area = areaNames[i%len(areaNames)] + " " + strconv.Itoa(i+1)
		r.Youth = 20 + rng.Int64N(1981)
		r.SGB = rng.Int64N(2*r.Youth + 1)
		r.Migrants = rng.Int64N(r.Youth + 1)
		r.OpenSpace = rng.Int64N(2_000_001)
		r.Spending = rng.Int64N(100*r.Youth + 1)
	}
	return rows
}

// Group sorts rows into one block per district office, in the order the
// offices first appear, keeping the order of each office's rows.
func Group(rows []Row) {
	first := map[string]int{}
	for i, r := range rows {
		if _, ok := first[r.Unit]; !ok {
			first[r.Unit] = i
		}
	}
	slices.SortStableFunc(rows, func(a, b Row) int { return first[a.Unit] - first[b.Unit] })
}

// WriteCSV writes rows as Excel exports them, with CRLF line ends, in
// UTF-8 without a byte order mark. german: ';' between cells, decimal
// commas and thousands points in the spending ("1.234,56"), as German
// Excel shows a currency column; else ',' and decimal points, no
// thousands separators.
func WriteCSV(w io.Writer, rows []Row, german bool) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	sep, dec := byte(','), byte('.')
	if german {
		sep, dec = ';', ','
	}
	buf := make([]byte, 0, 128)
	for i, h := range Header {
		if i > 0 {
			buf = append(buf, sep)
		}
		buf = append(buf, h...)
	}
	buf = append(buf, '\r', '\n')
	if _, err := bw.Write(buf); err != nil {
		return err
	}
	for _, r := range rows {
		buf = append(buf[:0], r.Unit...)
		buf = append(buf, sep)
		buf = append(buf, r.Area...)
		for _, v := range [...]int64{r.Youth, r.SGB, r.Migrants} {
			buf = append(buf, sep)
			buf = strconv.AppendInt(buf, v, 10)
		}
		buf = append(buf, sep)
		buf = appendFixed(buf, r.OpenSpace, 1, dec, 0)
		buf = append(buf, sep)
		thousands := byte(0)
		if german {
			thousands = '.'
		}
		buf = appendFixed(buf, r.Spending, 2, dec, thousands)
		buf = append(buf, '\r', '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// appendFixed appends v / 10^places (v ≥ 0) with places decimals after
// dec, its whole part grouped by three with thousands unless that is 0.
func appendFixed(buf []byte, v int64, places int, dec, thousands byte) []byte {
	scale := int64(1)
	for range places {
		scale *= 10
	}
	whole := strconv.FormatInt(v/scale, 10)
	for i := range len(whole) {
		if thousands != 0 && i > 0 && (len(whole)-i)%3 == 0 {
			buf = append(buf, thousands)
		}
		buf = append(buf, whole[i])
	}
	buf = append(buf, dec)
	frac := strconv.FormatInt(v%scale, 10)
	for range places - len(frac) {
		buf = append(buf, '0')
	}
	return append(buf, frac...)
}

// Sheet is the name of the workbook's only sheet.
const Sheet = "Daten"

// WriteXLSX writes rows as a workbook with one sheet, "Daten", through
// excelize's stream writer: the counts as integer number cells, open space
// and spending as the number cells Excel keeps (the double nearest to the
// decimal), formatted "0.0" and "#,##0.00".
func WriteXLSX(w io.Writer, rows []Row) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", Sheet); err != nil {
		return err
	}
	oneDecimal := "0.0"
	area, err := f.NewStyle(&excelize.Style{CustomNumFmt: &oneDecimal})
	if err != nil {
		return err
	}
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(Sheet)
	if err != nil {
		return err
	}
	header := make([]any, len(Header))
	for i, h := range Header {
		header[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	cells := make([]any, len(Header))
	for i, r := range rows {
		cells[0], cells[1] = r.Unit, r.Area
		cells[2], cells[3], cells[4] = r.Youth, r.SGB, r.Migrants
		cells[5] = excelize.Cell{StyleID: area, Value: float64(r.OpenSpace) / 10}
		cells[6] = excelize.Cell{StyleID: money, Value: float64(r.Spending) / 100}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), cells); err != nil {
			return fmt.Errorf("row %d: %w", i+2, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
