package report

import (
	"fmt"
	"io"
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/scenario"
)

// Comparison presents the baseline and its alternatives side by side.
type Comparison struct {
	Names []string // the baseline's first
	// Changes are, by name, the settings each scenario changes against
	// the baseline (key, value); the baseline's are none.
	Changes [][][2]string
	Results []*scenario.Result // one per name
	Period  scenario.Period    // the quarter the table shows, unless Total
	Total   bool               // the table sums each plan's quarters
	// Only limits CSV and JSON, which hold every quarter, to Period (the
	// user asked for one quarter).
	Only bool
}

// shows says whether CSV and JSON hold quarter p.
func (c *Comparison) shows(p scenario.Period) bool {
	return !c.Only || p == c.Period
}

// Write renders the comparison as a table, Markdown, CSV or JSON.
func (c *Comparison) Write(w io.Writer, format string, lang *Lang) error {
	return write(c, w, format, lang)
}

// UnitNames are the baseline's units in order.
func (c *Comparison) UnitNames() []string {
	var out []string
	for _, u := range c.Results[0].Quarters[0].Units {
		out = append(out, u.Name)
	}
	return out
}

// Amounts are scenario i's amount of each unit in the shown quarter or
// summed over its plan, by unit name; ok is false when the scenario has no
// such quarter.
func (c *Comparison) Amounts(i int) (map[string]allocate.Cents, bool) {
	out := map[string]allocate.Cents{}
	found := false
	for _, q := range c.Results[i].Quarters {
		if !c.Total && q.Period != c.Period {
			continue
		}
		found = true
		for _, u := range q.Units {
			out[u.Name] += u.Amount
		}
	}
	return out, found
}

// difference is b − a in euros and in percent of a ("" when a is 0).
func difference(lang *Lang, a, b allocate.Cents) (string, string) {
	if a == 0 {
		return lang.SignedEuros(b - a), ""
	}
	p := big.NewRat(int64(b-a)*100, int64(a))
	sign := "+"
	if p.Sign() < 0 {
		sign = "−"
		p.Neg(p)
	}
	return lang.SignedEuros(b - a), sign + lang.grouped(p.FloatString(2)) + lang.percent + "%"
}

func (c *Comparison) writeTable(w io.Writer, lang *Lang, markdown bool) error {
	title := lang.Word("period") + " " + c.Period.String()
	if c.Total {
		title = lang.Word("plan_total")
	}
	if _, err := fmt.Fprintf(w, "%s\n\n", title); err != nil {
		return err
	}
	header := []string{lang.Word("unit"), c.Names[0]}
	for _, name := range c.Names[1:] {
		header = append(header, name, "Δ €", "Δ %")
	}
	base, _ := c.Amounts(0)
	var rows [][]string
	for _, q := range c.Results[0].Quarters[:1] {
		for _, u := range q.Units {
			rows = append(rows, c.tableRow(lang, u.Name, base))
		}
	}
	return renderTable(w, markdown, header, rows, c.tableRow(lang, "", base))
}

// tableRow is one unit's row, or with name "" the total row.
func (c *Comparison) tableRow(lang *Lang, name string, base map[string]allocate.Cents) []string {
	pick := func(m map[string]allocate.Cents) allocate.Cents {
		if name != "" {
			return m[name]
		}
		var sum allocate.Cents
		for _, v := range m {
			sum += v
		}
		return sum
	}
	label := name
	if name == "" {
		label = lang.Word("total")
	}
	row := []string{label, lang.Euros(pick(base))}
	for i := range c.Names[1:] {
		other, ok := c.Amounts(i + 1)
		if !ok {
			row = append(row, "–", "", "")
			continue
		}
		d, p := difference(lang, pick(base), pick(other))
		row = append(row, lang.Euros(pick(other)), d, p)
	}
	return row
}
