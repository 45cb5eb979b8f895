package actuals

import (
	"slices"
	"strings"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
)

// columns are where the row's fields are, from 0; -1 if absent.
type columns struct {
	unit, when, amount, cases int
	costCenter                bool // unit is a Kostenstelle
	date                      bool // when is a booking date, not a month
	heading                   map[int]string
}

// Headings, normalised as indicators.NormHeading does.
var (
	unitHeadings       = []string{"bezirksstelle", "unit", "districtoffice"}
	costCenterHeadings = []string{"kostenstelle", "costcentre", "costcenter"}
	monthHeadings      = []string{"monat", "buchungsmonat", "month"}
	dateHeadings       = []string{"buchungsdatum", "buchungstag", "datum", "bookingdate", "date"}
	amountHeadings     = []string{"betrag", "betrag€", "betrageur", "amount"}
	casesHeadings      = []string{"fälle", "faelle", "anzahlfälle", "cases"}
)

// findColumns finds the columns by heading: a unit or a cost centre, a
// month or a booking date, the amount, and optionally the cases. A unit
// column wins over a cost centre, a month over a date.
func findColumns(header []string, rows *indicators.RowReader, opt Options) (columns, error) {
	c := columns{heading: map[int]string{}}
	found := map[string]int{}
	for i, h := range header {
		norm := indicators.NormHeading(h)
		if norm == "" {
			continue
		}
		if first, ok := found[norm]; ok && known(norm) {
			return c, rows.ErrorAt(i, strings.TrimSpace(h), msg.New("appears twice (also column %d)", first+1))
		}
		if _, ok := found[norm]; !ok {
			found[norm] = i
		}
		c.heading[i] = strings.TrimSpace(h)
	}
	c.unit = pick(found, unitHeadings)
	if c.unit < 0 {
		c.unit, c.costCenter = pick(found, costCenterHeadings), true
	}
	c.when = pick(found, monthHeadings)
	if c.when < 0 {
		c.when, c.date = pick(found, dateHeadings), true
	}
	c.amount, c.cases = pick(found, amountHeadings), pick(found, casesHeadings)
	return c, c.check(rows, opt)
}

func (c columns) check(rows *indicators.RowReader, opt Options) error {
	missing := func(m msg.Text) error {
		return rows.ErrorAt(0, "", m)
	}
	switch {
	case c.unit < 0:
		return missing(msg.New("no column %q or %q in the header", "Bezirksstelle", "Kostenstelle"))
	case c.when < 0:
		return missing(msg.New("no column %q or %q in the header", "Monat", "Buchungsdatum"))
	case c.amount < 0:
		return missing(msg.New("no column %q in the header", "Betrag"))
	case c.costCenter && len(opt.CostCenters) == 0:
		return rows.ErrorAt(c.unit, c.heading[c.unit], msg.New("is a cost centre, but the config maps none to a district office (cost-centers)"))
	}
	return nil
}

// known says whether a normalised heading names a column read here.
func known(norm string) bool {
	for _, list := range [][]string{unitHeadings, costCenterHeadings, monthHeadings, dateHeadings, amountHeadings, casesHeadings} {
		if slices.Contains(list, norm) {
			return true
		}
	}
	return false
}

// pick returns the column of the first heading found, or -1.
func pick(found map[string]int, headings []string) int {
	for _, h := range headings {
		if i, ok := found[h]; ok {
			return i
		}
	}
	return -1
}
