package yearly

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/ledger"
)

// reportJSON is the report for scripts (README, "The yearly report for
// the committee"): money as strings with two decimals, null where a
// figure is not defined.
type reportJSON struct {
	Year     int           `json:"year"`
	Quarters []quarterJSON `json:"quarters"`
	Units    []unitJSON    `json:"units"`
	Total    string        `json:"total"`
	Bookings []bookingJSON `json:"bookings"`
	Verified bool          `json:"verified"`
}

type quarterJSON struct {
	Period         string  `json:"period"`
	IndicatorShare float64 `json:"indicator_share"`
	Budget         string  `json:"budget"`
}

type unitJSON struct {
	Unit        string             `json:"unit"`
	Quarters    map[string]*string `json:"quarters"`
	Total       string             `json:"total"`
	TotalBefore *string            `json:"total_before"`
	Change      *string            `json:"change"`
	Soll        *string            `json:"soll"`
	Ist         *string            `json:"ist"`
	Projection  *string            `json:"projection"`
	Deviation   *string            `json:"deviation"`
	Status      *string            `json:"status"`
}

// bookingJSON is a booking of the year: its quarter and how it was booked.
type bookingJSON struct {
	Period string `json:"period"`
	ledger.RecordJSON
}

func money(c allocate.Cents) *string {
	s := c.String()
	return &s
}

func moneyOf(c *allocate.Cents) *string {
	if c == nil {
		return nil
	}
	return money(*c)
}

// WriteJSON writes the report's JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	out := reportJSON{Year: r.Year, Quarters: []quarterJSON{}, Units: []unitJSON{}, Total: r.Total.String(),
		Bookings: []bookingJSON{}, Verified: r.Verified}
	for _, q := range r.Quarters {
		alpha, _ := q.IndicatorShare.Float64()
		out.Quarters = append(out.Quarters, quarterJSON{Period: q.Period.String(), IndicatorShare: alpha, Budget: q.Budget.String()})
	}
	for i := range r.Units {
		out.Units = append(out.Units, r.unitJSON(&r.Units[i]))
	}
	for i := range r.Bookings {
		e := &r.Bookings[i]
		out.Bookings = append(out.Bookings, bookingJSON{Period: e.Period.String(), RecordJSON: ledger.ListedRecord(&e.Booking, e.Active)})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func (r *Report) unitJSON(u *Unit) unitJSON {
	j := unitJSON{Unit: u.Name, Quarters: map[string]*string{}, Total: u.Total.String(),
		TotalBefore: moneyOf(u.TotalBefore), Change: moneyOf(u.YearChange())}
	for qi, q := range r.Quarters {
		if u.Booked[qi] {
			j.Quarters[q.Period.String()] = money(u.Amounts[qi])
		} else {
			j.Quarters[q.Period.String()] = nil
		}
	}
	if m := u.Monitor; m != nil {
		status := m.Status.String()
		j.Soll, j.Ist = money(allocate.Cents(m.SollYear)), money(allocate.Cents(m.IstToDate))
		j.Projection, j.Deviation, j.Status = money(allocate.Cents(m.Projection)), money(allocate.Cents(m.Deviation)), &status
	}
	return j
}
