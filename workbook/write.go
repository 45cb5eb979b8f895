package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"

	"github.com/xuri/excelize/v2"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"
)

// Allocation is the report of one period: summary, allocation, indicators
// with live formulas, audit.
func Allocation(res *allocate.Result, meta Meta) ([]byte, error) {
	b, err := newBook(meta)
	if err != nil {
		return nil, err
	}
	m := allocationModel(res, b.word("amount"))
	return b.write(m, b.summarySheet, b.allocationSheetStep, b.indicatorSheet, b.auditSheet)
}

// Plan is the report of a plan: summary, allocation by quarter, progress
// of α and the shares, indicators with live formulas, audit.
func Plan(res *scenario.Result, corridor *allocate.Corridor, meta Meta) ([]byte, error) {
	b, err := newBook(meta)
	if err != nil {
		return nil, err
	}
	m := planModel(res, corridor)
	return b.write(m, b.summarySheet, b.allocationSheetStep, b.trendSheet, b.indicatorSheet, b.auditSheet)
}

// Comparison is the report of scenario compare: the baseline's summary,
// the comparison, the baseline's allocation by quarter, audit.
func Comparison(c *report.Comparison, corridor *allocate.Corridor, meta Meta) ([]byte, error) {
	b, err := newBook(meta)
	if err != nil {
		return nil, err
	}
	m := planModel(c.Results[0], corridor)
	compare := func(model) error { return b.comparisonSheet(c) }
	return b.write(m, b.summarySheet, compare, b.allocationSheetStep, b.auditSheet)
}

// allocationSheetStep fits allocationSheet into the list of sheets.
func (b *book) allocationSheetStep(m model) error {
	_, err := b.allocationSheet(m)
	return err
}

// write adds the sheets in order and returns the file's bytes.
func (b *book) write(m model, sheets ...func(model) error) ([]byte, error) {
	defer b.f.Close()
	for _, sheet := range sheets {
		if err := sheet(m); err != nil {
			return nil, err
		}
	}
	if err := b.printSetup(); err != nil {
		return nil, err
	}
	b.f.SetActiveSheet(0)
	date := b.meta.ReportDate.Format("2006-01-02T15:04:05Z")
	err := b.f.SetDocProps(&excelize.DocProperties{Created: date, Modified: date, Creator: "raumbudget",
		LastModifiedBy: "raumbudget", Title: b.word("report_title"), Version: b.meta.Version, Language: b.lang.Code})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := b.f.Write(&buf); err != nil {
		return nil, err
	}
	return b.normalize(buf.Bytes())
}

// normalize rewrites the zip with its parts in a fixed order and the
// report date as every part's time, so that the same inputs give the same
// bytes (the workbook library writes some parts in map order).
func (b *book) normalize(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(x, y *zip.File) int { return partOrder(x.Name, y.Name) })
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range files {
		if err := b.copyPart(zw, f); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// partOrder puts [Content_Types].xml first, as Office writes it, then the
// parts by name.
func partOrder(x, y string) int {
	const first = "[Content_Types].xml"
	switch {
	case x == first:
		return -1
	case y == first:
		return 1
	}
	return bytes.Compare([]byte(x), []byte(y))
}

func (b *book) copyPart(zw *zip.Writer, f *zip.File) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: b.meta.ReportDate})
	if err != nil {
		return err
	}
	r, err := f.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	content, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if f.Name == "[Content_Types].xml" {
		content = sortDefaults(content)
	}
	_, err = w.Write(content)
	return err
}

// defaultType is one <Default> entry of [Content_Types].xml, which the
// workbook library writes in map order.
var defaultType = regexp.MustCompile(`<Default [^>]*></Default>|<Default [^>]*/>`)

// sortDefaults puts the <Default> entries in order of their text.
func sortDefaults(content []byte) []byte {
	entries := defaultType.FindAll(content, -1)
	slices.SortFunc(entries, bytes.Compare)
	i := 0
	return defaultType.ReplaceAllFunc(content, func([]byte) []byte {
		i++
		return entries[i-1]
	})
}
