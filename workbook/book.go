package workbook

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/report"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Meta is what a report says about how it was made.
type Meta struct {
	Version    string
	Command    []string    // the command line
	Settings   [][2]string // effective settings, name and value
	Inputs     []Input
	ReportDate time.Time // the only date in the file
	Lang       *report.Lang
	Headings   map[string]string // names of indicators the language has no word for
	// Reference names what a plan's first quarter continues from: the
	// file or booked quarter of the amounts before; "" for none.
	Reference string
}

// Input is an input file and its SHA-256.
type Input struct {
	Name   string
	SHA256 string
}

// book is a workbook being written, with its styles.
type book struct {
	f      *excelize.File
	meta   Meta
	lang   *report.Lang
	styles styles
	// titleRows is the number of rows at the top of a sheet that every
	// printed page repeats (with the first column), by sheet.
	titleRows map[string]int
	// large reports stream their sheets with a row per unit.
	large   bool
	streams map[string]*sheetStream
	// generated are the streamed sheets' unit rows, written on save, by
	// the token of their marker row (see unitRows).
	generated map[string]*generatedRows
	nonce     string
}

type styles struct {
	header, title, euro, share, percent, weight, number, bold, boldEuro, date int
}

func newBook(meta Meta) (*book, error) {
	b := &book{f: excelize.NewFile(), meta: meta, lang: meta.Lang, titleRows: map[string]int{}, streams: map[string]*sheetStream{},
		generated: map[string]*generatedRows{}}
	var err error
	b.styles, err = newStyles(b.f, meta.Lang.Code)
	return b, err
}

func newStyles(f *excelize.File, lang string) (styles, error) {
	var s styles
	var errs []error
	add := func(dst *int, st *excelize.Style) {
		id, err := f.NewStyle(st)
		*dst = id
		errs = append(errs, err)
	}
	fmtOf := func(code string) *string { return &code }
	add(&s.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}, Border: []excelize.Border{{Type: "bottom", Color: "7F7F7F", Style: 1}}})
	add(&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	add(&s.euro, &excelize.Style{CustomNumFmt: fmtOf(`#,##0.00 "€"`)})
	add(&s.boldEuro, &excelize.Style{CustomNumFmt: fmtOf(`#,##0.00 "€"`), Font: &excelize.Font{Bold: true},
		Border: []excelize.Border{{Type: "top", Color: "000000", Style: 1}}})
	add(&s.share, &excelize.Style{CustomNumFmt: fmtOf("0.0000%")})
	add(&s.percent, &excelize.Style{CustomNumFmt: fmtOf("0.00%")})
	add(&s.weight, &excelize.Style{CustomNumFmt: fmtOf("0.####")})
	add(&s.number, &excelize.Style{CustomNumFmt: fmtOf("#,##0.####")})
	add(&s.bold, &excelize.Style{Font: &excelize.Font{Bold: true}})
	add(&s.date, &excelize.Style{CustomNumFmt: fmtOf(dateFormat[lang]), Alignment: &excelize.Alignment{Horizontal: "left"}})
	for _, err := range errs {
		if err != nil {
			return s, err
		}
	}
	return s, nil
}

// word is the report language's word for key.
func (b *book) word(key string) string { return b.lang.Word(key) }

// label names an indicator key.
func (b *book) label(key string) string { return b.lang.Label(key, b.meta.Headings) }

// sheet adds a sheet (the first replaces excelize's default one).
func (b *book) sheet(key string) (string, error) {
	name := b.word(key)
	if b.f.SheetCount == 1 && b.f.GetSheetName(0) == "Sheet1" {
		return name, b.f.SetSheetName("Sheet1", name)
	}
	_, err := b.f.NewSheet(name)
	return name, err
}

// printSetup makes every sheet print landscape, one page wide, with the
// report's title, the sheet's name, the date and page numbers in header
// and footer, and its title rows and first column on every page. It runs
// once the sheets are written: a filter set later would replace the
// sheet properties that hold "fit to page".
func (b *book) printSetup() error {
	for _, sheet := range b.f.GetSheetList() {
		if b.streamed(sheet) {
			if err := b.printTitles(sheet); err != nil {
				return err
			}
			continue // set up before the stream began
		}
		if err := b.pageSetup(sheet); err != nil {
			return err
		}
		if err := b.printTitles(sheet); err != nil {
			return err
		}
	}
	return nil
}

// printTitles repeats the sheet's title rows and its first column on
// every printed page, so that a continuation page still names the offices.
func (b *book) printTitles(sheet string) error {
	rows := b.titleRows[sheet]
	if rows == 0 {
		return nil
	}
	ref := quoted(sheet)
	return b.f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("%s!$A:$A,%s!$1:$%d", ref, ref, rows),
		Scope:    sheet,
	})
}

// pageBreak starts a new printed page at row, so that what follows (a
// chart) is not cut across pages.
func (b *book) pageBreak(sheet string, row int) error {
	return b.f.InsertPageBreak(sheet, cell(1, row))
}

func (b *book) pageSetup(sheet string) error {
	landscape, one, zero := "landscape", 1, 0
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	fit := true
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: fmt.Sprintf("&L%s&R%s", escapeHeader(b.word("report_title")), escapeHeader(sheet)),
		OddFooter: fmt.Sprintf("&L%s %s&R%s &P %s &N", escapeHeader(b.word("report_date")), b.date(),
			escapeHeader(b.word("page")), escapeHeader(b.word("of"))),
	})
}

// escapeHeader doubles the ampersands that header codes would read.
func escapeHeader(s string) string {
	out := ""
	for _, r := range s {
		if r == '&' {
			out += "&&"
			continue
		}
		out += string(r)
	}
	return out
}

// date is the report date as the language writes it: 02.12.2026 in
// German, 2026-12-02 in English.
func (b *book) date() string { return b.lang.Date(b.meta.ReportDate) }

// reportDay is the report date as a date cell's value (midnight, no zone),
// shown by the style date.
func (b *book) reportDay() time.Time {
	y, m, d := b.meta.ReportDate.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dateFormat is a date cell's number format by language code.
var dateFormat = map[string]string{"de": "DD.MM.YYYY", "en": "YYYY-MM-DD"}

// cell names the cell at column col and row row, both from 1.
func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// col names a column from 1: A, B, … AA.
func col(c int) string {
	name, _ := excelize.ColumnNumberToName(c)
	return name
}

// maxCellChars is Excel's limit of characters in a cell; the workbook
// library cuts longer text without a word.
const maxCellChars = excelize.TotalCellChars

// set writes a value with a style (0: none). Text longer than a cell holds
// is an error, never cut.
func (b *book) set(sheet string, c, r int, v any, style int) error {
	if s, ok := v.(string); ok && utf8.RuneCountInString(s) > maxCellChars {
		return msg.Errorf("%s!%s: a text of %s characters does not fit in a cell (at most %s): %.40q…",
			sheet, cell(c, r), msg.Int(utf8.RuneCountInString(s)), msg.Int(maxCellChars), s)
	}
	if s, ok := b.streams[sheet]; ok {
		return s.put(sheet, c, r, excelize.Cell{StyleID: style, Value: v})
	}
	if err := b.f.SetCellValue(sheet, cell(c, r), v); err != nil {
		return err
	}
	if style == 0 {
		return nil
	}
	return b.f.SetCellStyle(sheet, cell(c, r), cell(c, r), style)
}

// number is set of a number: unboxed into a generated row.
func (b *book) number(sheet string, c, r int, v float64, style int) error {
	if s, ok := b.streams[sheet]; ok && s.enc != nil {
		return s.enc.putNumber(sheet, c, r, v, style)
	}
	return b.set(sheet, c, r, v, style)
}

// amount is number of an amount in euros: from the cents into a
// generated row.
func (b *book) amount(sheet string, c, r int, amount allocate.Cents, style int) error {
	if s, ok := b.streams[sheet]; ok && s.enc != nil {
		return s.enc.putEuros(sheet, c, r, int64(amount), style)
	}
	return b.set(sheet, c, r, euros(amount), style)
}

// formula writes a formula with a style; rowMark in f stands for row r.
func (b *book) formula(sheet string, c, r int, f string, style int) error {
	if s, ok := b.streams[sheet]; ok {
		if s.enc != nil {
			return s.enc.put(sheet, c, r, excelize.Cell{StyleID: style, Formula: f}) // rowMark put in as written
		}
		return s.put(sheet, c, r, excelize.Cell{StyleID: style, Formula: rowText(f, r)})
	}
	f = rowText(f, r)
	if err := b.f.SetCellFormula(sheet, cell(c, r), f); err != nil {
		return err
	}
	return b.f.SetCellStyle(sheet, cell(c, r), cell(c, r), style)
}

// rowMark stands for the row in the text of a formula that every unit's
// row has (rowFormula): the text is made once, the row put in as the
// cell is written.
const rowMark = "\x00"

// rowFormula is a formula of every unit's row.
type rowFormula struct {
	col   int
	text  string // with rowMark for the row
	style int
}

// rowFormulas writes the formulas of row r.
func (b *book) rowFormulas(sheet string, r int, fs []rowFormula) error {
	for _, f := range fs {
		if err := b.formula(sheet, f.col, r, f.text, f.style); err != nil {
			return err
		}
	}
	return nil
}

// rowText is a formula's text with its rowMarks replaced by row r.
func rowText(f string, r int) string {
	if !strings.Contains(f, rowMark) {
		return f
	}
	return strings.ReplaceAll(f, rowMark, strconv.Itoa(r))
}

// header writes a header row, freezes it (and the first column), filters
// the table below it and sizes the columns.
func (b *book) header(sheet string, row int, titles []string, lastRow int, widths ...float64) error {
	for i, t := range titles {
		if err := b.set(sheet, i+1, row, t, b.styles.header); err != nil {
			return err
		}
	}
	b.titleRows[sheet] = row
	if s, ok := b.streams[sheet]; ok {
		return b.streamHeader(s, sheet, row, len(titles), lastRow, widths...)
	}
	if err := b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: row, TopLeftCell: cell(2, row+1), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if lastRow > row {
		if err := b.f.AutoFilter(sheet, cell(1, row)+":"+cell(len(titles), lastRow), nil); err != nil {
			return err
		}
	}
	return b.widths(sheet, len(titles), widths...)
}

// streamHeader is header's setup of a streamed sheet: panes and widths
// on the stream, before its first row; the filter goes to the sheet's
// tail, written when the stream ends.
func (b *book) streamHeader(s *sheetStream, sheet string, row, n, lastRow int, widths ...float64) error {
	if err := s.sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: row, TopLeftCell: cell(2, row+1), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if lastRow > row {
		if err := b.f.AutoFilter(sheet, cell(1, row)+":"+cell(n, lastRow), nil); err != nil {
			return err
		}
	}
	for i := 1; i <= n; i++ {
		if err := s.sw.SetColWidth(i, i, widths[min(i, len(widths))-1]); err != nil {
			return err
		}
	}
	return nil
}

// widths sets the first columns' widths as given and the rest to the last.
func (b *book) widths(sheet string, n int, widths ...float64) error {
	for i := 1; i <= n; i++ {
		w := widths[min(i, len(widths))-1]
		if err := b.f.SetColWidth(sheet, col(i), col(i), w); err != nil {
			return err
		}
	}
	return nil
}
