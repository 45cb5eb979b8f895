package actuals

import (
	"io"
	"strings"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/scenario"
)

// Headings of plan's outputs, normalised.
var (
	sollUnitHeadings   = append([]string{"districtoffice"}, unitHeadings...)
	periodHeadings     = []string{"quartal", "period", "quarter"}
	sollAmountHeadings = []string{"betrag", "amount"}
)

// sollColumns say where a plan table keeps its figures: a quarter and an
// amount column (plan's CSV, one row per quarter and unit), or a column
// per quarter (the report's allocation sheet).
type sollColumns struct {
	unit, period, amount int
	quarters             []quarterColumn // wide form
}

// quarterColumn is a column headed by a quarter.
type quarterColumn struct {
	col int
	p   scenario.Period
}

func (s *Soll) readRows(rows *indicators.RowReader) error {
	header, err := firstRow(rows)
	if err != nil || header == nil {
		if err == nil {
			err = &indicators.Error{File: s.File, Sheet: rows.Sheet(), Msg: msg.New("no header row; the table is empty")}
		}
		return err
	}
	cols, r, err := sollHeader(header, rows)
	if err != nil {
		return err
	}
	for {
		cells, err := rows.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if blank(cells) {
			continue
		}
		if isTotal(indicators.TrimCell(cell(cells, cols.unit))) {
			return nil // the report's total, budget and check rows follow
		}
		if err := s.addRow(cells, cols, r); err != nil {
			return err
		}
	}
}

// sollHeader finds the columns, and a rowReader to read cells with.
func sollHeader(header []string, rows *indicators.RowReader) (sollColumns, *rowReader, error) {
	var c sollColumns
	r := &rowReader{rows: rows, cols: columns{heading: map[int]string{}}}
	found := map[string]int{}
	for i, h := range header {
		r.cols.heading[i] = strings.TrimSpace(h)
		if p, err := scenario.ParsePeriod(h); err == nil {
			c.quarters = append(c.quarters, quarterColumn{i, p})
		}
		if _, ok := found[indicators.NormHeading(h)]; !ok {
			found[indicators.NormHeading(h)] = i
		}
	}
	c.unit, c.period, c.amount = pick(found, sollUnitHeadings), pick(found, periodHeadings), pick(found, sollAmountHeadings)
	switch {
	case c.unit < 0:
		return c, nil, rows.ErrorAt(0, "", msg.New("no column %q in the header; is it an output of plan?", "Bezirksstelle"))
	case c.period >= 0 && c.amount >= 0:
		c.quarters = nil
	case len(c.quarters) == 0:
		return c, nil, rows.ErrorAt(0, "", msg.New("neither a column %q with %q nor columns headed by quarters like 2026-Q1; is it an output of plan?", "Quartal", "Betrag"))
	}
	return c, r, nil
}

// addRow adds a row's amounts: one in the long form, one per quarter in
// the wide form.
func (s *Soll) addRow(cells []string, c sollColumns, r *rowReader) error {
	unit := indicators.TrimCell(cell(cells, c.unit))
	if unit == "" {
		return r.errorAt(c.unit, msg.New("empty value"))
	}
	place := func(col int) func(msg.Text) error {
		return func(m msg.Text) error { return r.errorAt(col, m) }
	}
	if c.quarters == nil {
		p, err := scenario.ParsePeriod(cell(cells, c.period))
		if err != nil {
			return r.errorAt(c.period, textOf(err))
		}
		return s.addCell(cells, unit, p, c.amount, r, place(c.amount))
	}
	for _, q := range c.quarters {
		if err := s.addCell(cells, unit, q.p, q.col, r, place(q.col)); err != nil {
			return err
		}
	}
	return nil
}

func (s *Soll) addCell(cells []string, unit string, p scenario.Period, col int, r *rowReader, place func(msg.Text) error) error {
	if p.Year != s.Year {
		return nil
	}
	cents, err := r.hundredths(cells, col, false)
	if err != nil {
		return err
	}
	return s.add(unit, p, cents, place)
}
