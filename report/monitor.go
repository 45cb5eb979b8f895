package report

import (
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/monitor"
)

// Monitor presents the Soll/Ist figures of a year.
type Monitor struct {
	Result *monitor.Result
	Soll   string // the file the Soll came from, or the ledger
	Ledger bool   // the Soll came from a ledger
	Colour bool   // status as coloured marks, for a terminal
}

// Write renders the figures as a table, Markdown, CSV or JSON.
func (m *Monitor) Write(w io.Writer, format string, lang *Lang) error {
	return write(m, w, format, lang)
}

// AsOf writes the reporting month as 2026-04.
func (m *Monitor) AsOf() string {
	return fmt.Sprintf("%04d-%02d", m.Result.Year, m.Result.AsOf)
}

func (m *Monitor) writeTable(w io.Writer, lang *Lang, markdown bool) error {
	if _, err := fmt.Fprintf(w, "%s\n\n", m.Caption(lang)); err != nil {
		return err
	}
	keys := m.columns()
	header := make([]string, len(keys))
	for i, k := range keys {
		header[i] = lang.MonitorWord(k)
		if i == 0 {
			header[i] = lang.Word("unit")
		}
		if moneyColumn(k) {
			header[i] += " €"
		}
	}
	var rows [][]string
	for _, r := range m.Result.Units {
		rows = append(rows, m.tableRow(lang, r, r.Unit))
	}
	footer := m.tableRow(lang, m.Result.Total, lang.Word("total"))
	if err := renderTable(w, markdown, header, rows, footer); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", strings.Join(m.Notes(lang), "\n"))
	return err
}

// Caption states the year, the reporting month, the method and the
// tolerance.
func (m *Monitor) Caption(lang *Lang) string {
	res := m.Result
	method := lang.MonitorWord(res.Method.String())
	if res.Factor != nil {
		var years []string
		for _, y := range res.Earlier {
			years = append(years, fmt.Sprint(y.Year))
		}
		method += fmt.Sprintf(" (f = %s %s %s)", lang.Percent(res.Factor), lang.MonitorWord("earlier_years"), strings.Join(years, ", "))
	}
	return fmt.Sprintf("%s %d, %s %s   %s: %s   %s: %s", lang.MonitorWord("title"), res.Year, lang.MonitorWord("as_of"),
		m.AsOf(), lang.MonitorWord("method"), method, lang.MonitorWord("tolerance"), lang.Share(res.Tolerance))
}

// Notes explain the status and say which quarters are planned.
func (m *Monitor) Notes(lang *Lang) []string {
	notes := []string{fmt.Sprintf(lang.MonitorWord("legend"), lang.Share(m.Result.Tolerance))}
	source := fmt.Sprintf(lang.MonitorWord("source_plan"), m.Soll)
	if m.Ledger {
		source = fmt.Sprintf(lang.MonitorWord("source_ledger"), m.Soll)
	}
	if q := plannedQuarters(m.Result); len(q) > 0 {
		source += "; " + fmt.Sprintf(lang.MonitorWord("planned_note"), strings.Join(q, ", "))
	}
	notes = append(notes, source)
	if m.Result.HasCases {
		notes = append(notes, lang.MonitorWord("effects_note"))
	}
	return notes
}

// plannedQuarters lists the quarters planned for some unit.
func plannedQuarters(res *monitor.Result) []string {
	var seen [5]bool
	for _, u := range res.Units {
		for _, q := range u.Planned {
			seen[q] = true
		}
	}
	var out []string
	for q := 1; q <= 4; q++ {
		if seen[q] {
			out = append(out, fmt.Sprintf("%d-Q%d", res.Year, q))
		}
	}
	return out
}

// columns are the table's and the CSV's columns.
func (m *Monitor) columns() []string {
	keys := []string{"unit", "soll_year", "soll_to_date", "ist_to_date", "utilisation", "projection", "deviation", "deviation_percent", "status"}
	if m.Result.HasCases {
		keys = append(keys, "cases", "cost_per_case", "change", "case_effect", "cost_effect")
	}
	return keys
}

func moneyColumn(k string) bool {
	switch k {
	case "soll_year", "soll_to_date", "ist_to_date", "projection", "deviation", "change", "case_effect", "cost_effect", "ist_before":
		return true
	}
	return false
}

func (m *Monitor) tableRow(lang *Lang, r monitor.Row, name string) []string {
	e := func(c int64) string { return lang.Euros(allocate.Cents(c)) }
	row := []string{name, e(r.SollYear), e(r.SollToDate), e(r.IstToDate), optPercent(lang, r.Utilisation), e(r.Projection),
		e(r.Deviation), optPercent(lang, r.DeviationPct), m.status(lang, r.Status)}
	if m.Result.HasCases {
		c := r.Cases
		row = append(row, lang.grouped(c.Average.FloatString(1)), optEuros(lang, c.CostPerCase, lang.Euros),
			euroIf(lang, c.Before, c.Change), optEuros(lang, c.CaseEffect, lang.Euros), optEuros(lang, c.CostEffect, lang.Euros))
	}
	return row
}

// status is a coloured mark on a terminal, else the word.
func (m *Monitor) status(lang *Lang, s monitor.Status) string {
	if !m.Colour {
		return lang.MonitorWord(s.String())
	}
	return [...]string{"\x1b[32m●\x1b[0m", "\x1b[33m●\x1b[0m", "\x1b[31m●\x1b[0m"}[s]
}

func optPercent(lang *Lang, x *big.Rat) string {
	if x == nil {
		return "–"
	}
	return lang.Percent(x)
}

func optEuros(lang *Lang, c *int64, format func(allocate.Cents) string) string {
	if c == nil {
		return "–"
	}
	return format(allocate.Cents(*c))
}

func euroIf(lang *Lang, ok bool, c int64) string {
	if !ok {
		return "–"
	}
	return lang.Euros(allocate.Cents(c))
}
