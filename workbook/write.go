package workbook

import (
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
	legend := func(model) error { return b.legendSheet(c) }
	return b.write(m, b.summarySheet, compare, legend, b.allocationSheetStep, b.auditSheet)
}

// allocationSheetStep fits allocationSheet into the list of sheets.
func (b *book) allocationSheetStep(m model) error {
	_, err := b.allocationSheet(m)
	return err
}

// write adds the sheets in order and returns the file's bytes.
func (b *book) write(m model, sheets ...func(model) error) ([]byte, error) {
	defer b.f.Close()
	b.large = len(m.units) > streamRows
	// The first sheet is active. Set before the sheets are written: set
	// after, the library would read every streamed sheet back into memory
	// (and write it a second time, in vain).
	b.f.SetActiveSheet(0)
	for _, sheet := range sheets {
		if err := sheet(m); err != nil {
			return nil, err
		}
	}
	if err := b.printSetup(); err != nil {
		return nil, err
	}
	date := b.meta.ReportDate.Format("2006-01-02T15:04:05Z")
	err := b.f.SetDocProps(&excelize.DocProperties{Created: date, Modified: date, Creator: "raumbudget",
		LastModifiedBy: "raumbudget", Title: b.word("report_title"), Version: b.meta.Version, Language: b.lang.Code})
	if err != nil {
		return nil, err
	}
	b.f.SetZipWriter(zipWriterFor(b.meta.ReportDate, b.large, b.generated))
	// The library's own buffer, not a copy of it: a report of 100,000
	// units is some 50 MiB.
	buf, err := b.f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
