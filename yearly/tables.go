package yearly

import (
	"fmt"
	"strconv"
	"time"

	"github.com/raumbudget/raumbudget/allocate"
)

// table is a section's figures as text: what Markdown and HTML show.
type table struct {
	head []string
	rows [][]string
	// total says the last row is a total line.
	total bool
}

func (v *View) quarterTable() table {
	t := table{head: []string{v.w("quarter"), v.w("alpha"), v.w("budget")}}
	for _, q := range v.Report.Quarters {
		t.rows = append(t.rows, []string{q.Period.String(), v.Lang.Share(q.IndicatorShare), v.euros(q.Budget)})
	}
	return t
}

// unitTable is each office's amount per quarter, its year total and the
// change against the year before.
func (v *View) unitTable() table {
	r := v.Report
	t := table{head: []string{v.w("unit")}, total: true}
	for _, q := range r.Quarters {
		t.head = append(t.head, q.Period.String())
	}
	t.head = append(t.head, v.w("year_total"), v.w("total_before"), v.w("change"))
	sums := make([]allocate.Cents, len(r.Quarters))
	for _, u := range r.Units {
		row := []string{u.Name}
		for qi := range r.Quarters {
			cell := v.w("no_before")
			if u.Booked[qi] {
				cell = v.euros(u.Amounts[qi])
				if u.Held[qi] != "" {
					cell += " " + v.Lang.Word(u.Held[qi]+"_mark")
				}
				sums[qi] += u.Amounts[qi]
			}
			row = append(row, cell)
		}
		t.rows = append(t.rows, append(row, v.euros(u.Total), v.optEuros(u.TotalBefore), v.optEuros(u.YearChange())))
	}
	row := []string{v.w("total")}
	for _, s := range sums {
		row = append(row, v.euros(s))
	}
	var change *allocate.Cents
	if r.TotalBefore != nil {
		c := r.Total - *r.TotalBefore
		change = &c
	}
	t.rows = append(t.rows, append(row, v.euros(r.Total), v.optEuros(r.TotalBefore), v.optEuros(change)))
	return t
}

// shareTable is each office's share relative to its target share.
func (v *View) shareTable() table {
	r := v.Report
	t := table{head: []string{v.w("unit")}}
	for _, q := range r.Quarters {
		t.head = append(t.head, q.Period.String())
	}
	row := []string{v.w("alpha")}
	for _, q := range r.Quarters {
		row = append(row, v.Lang.Share(q.IndicatorShare))
	}
	t.rows = append(t.rows, row)
	for _, u := range r.Units {
		row := []string{u.Name}
		for qi := range r.Quarters {
			row = append(row, v.share(u.progress(qi)))
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// monitorTable is the Soll/Ist figures; ok false without Ist.
func (v *View) monitorTable() (table, bool) {
	m := v.Report.Monitor
	if m == nil {
		return table{}, false
	}
	t := table{head: []string{v.w("unit"), v.w("soll"), v.w("ist") + " " + monthName(m.Year, m.AsOf), v.w("projection"),
		v.w("deviation"), v.w("status")}, total: true}
	for _, row := range append(append([]monitorRow(nil), rowsOf(m)...), monitorRow{v.w("total"), m.Total}) {
		t.rows = append(t.rows, []string{row.name, v.euros(allocate.Cents(row.r.SollYear)), v.euros(allocate.Cents(row.r.IstToDate)),
			v.euros(allocate.Cents(row.r.Projection)), v.euros(allocate.Cents(row.r.Deviation)), v.w(row.r.Status.String())})
	}
	return t, true
}

// sollIstTable is the cumulative Soll and Ist of all offices by month.
func (v *View) sollIstTable() table {
	m := v.Report.Monitor
	t := table{head: []string{v.w("month"), v.w("soll"), v.w("ist"), v.w("projection")}}
	for k := 0; k < 12; k++ {
		ist, proj := v.w("no_before"), v.w("no_before")
		if k < m.AsOf {
			ist = v.euros(allocate.Cents(m.Total.IstCum[k]))
		}
		if k >= m.AsOf-1 {
			proj = v.euros(allocate.Cents(m.Total.ProjCum[k]))
		}
		t.rows = append(t.rows, []string{monthName(m.Year, k+1), v.euros(allocate.Cents(m.Total.SollCum[k])), ist, proj})
	}
	return t
}

// changeTable is the waterfall of one office as a table: the first
// quarter's amount, each cause, the last quarter's amount.
func (v *View) changeTable(u *Unit) table {
	t := table{head: []string{v.w("cause"), v.w("amount")}, total: true}
	keys, cents := u.Lines()
	t.rows = append(t.rows, []string{v.w("from") + " " + u.Change.Against, v.euros(u.Change.OldAmount)})
	for i, k := range keys {
		t.rows = append(t.rows, []string{v.causeLabel(k), signed(v.euros(cents[i]), cents[i])})
	}
	t.rows = append(t.rows, []string{v.w("to") + " " + v.lastPeriod(), v.euros(u.LastAmount())})
	return t
}

func signed(s string, c allocate.Cents) string {
	if c > 0 {
		return "+" + s
	}
	return s
}

func (v *View) lastPeriod() string {
	q := v.Report.Quarters
	if len(q) == 0 {
		return ""
	}
	return q[len(q)-1].Period.String()
}

func (v *View) inputTable() table {
	t := table{head: []string{v.w("role"), v.w("file"), v.w("bytes"), "SHA-256"}}
	for _, in := range v.Report.Inputs {
		t.rows = append(t.rows, []string{in.Role, in.Name, strconv.FormatInt(in.Bytes, 10), in.SHA256})
	}
	return t
}

func (v *View) auditTable() table {
	t := table{head: []string{v.w("quarter"), v.w("revision"), v.w("booked_at"), v.w("booked_by"), v.w("reason"), v.w("hash")}}
	for _, e := range v.Report.Bookings {
		rev := strconv.Itoa(e.Revision)
		if !e.Active {
			rev += " (" + v.w("replaced") + ")"
		}
		t.rows = append(t.rows, []string{e.Period.String(), rev, e.BookedAt.UTC().Format(time.RFC3339), e.BookedBy, e.Reason, e.Hash})
	}
	return t
}

// verdict is ledger verify's verdict and its findings.
func (v *View) verdict() (string, []string) {
	if v.Report.Verified {
		return v.w("verified"), nil
	}
	return fmt.Sprintf(v.w("not_verified"), len(v.Report.Problems)), v.Report.Problems
}

func (v *View) title() string { return fmt.Sprintf(v.w("title"), v.Report.Year) }

// istNote says where the Soll and the Ist come from.
func (v *View) istNote() string {
	m := v.Report.Monitor
	if m == nil {
		return v.w("no_ist")
	}
	return fmt.Sprintf(v.w("ist_note"), monthName(m.Year, m.AsOf), v.w(m.Method.String()))
}
