// Package report presents results: terminal tables, Markdown, CSV and JSON,
// in German or English.
package report

import (
	"io"

	"github.com/raumbudget/raumbudget/allocate"
)

// Allocation presents one period's result.
type Allocation struct {
	Result *allocate.Result
	// Headings names indicators the languages have no word for, as the
	// input file heads them.
	Headings map[string]string
	rows     []allocationRow
}

type allocationRow struct {
	unit          string
	shares        allocate.Shares
	amount        allocate.Cents
	contributions []allocate.Cents
}

// NewAllocation computes what every format shows of res.
func NewAllocation(res *allocate.Result, headings map[string]string) *Allocation {
	a := &Allocation{Result: res, Headings: headings, rows: make([]allocationRow, len(res.Units))}
	for u, unit := range res.Units {
		a.rows[u] = allocationRow{unit: unit.Name, shares: res.Shares(u), amount: unit.Amount, contributions: res.Contributions(u)}
	}
	return a
}

// Write renders the allocation as a table, Markdown, CSV or JSON.
func (a *Allocation) Write(w io.Writer, format string, lang *Lang) error {
	return write(a, w, format, lang)
}

// label names an indicator key in lang.
func (a *Allocation) label(lang *Lang, key string) string {
	return lang.Label(key, a.Headings)
}

// contributionKeys are the indicator keys, then the history.
func (a *Allocation) contributionKeys() []string {
	keys := make([]string, 0, len(a.Result.Indicators)+1)
	for _, ind := range a.Result.Indicators {
		keys = append(keys, ind.Key)
	}
	return append(keys, allocate.HistoryKey)
}
