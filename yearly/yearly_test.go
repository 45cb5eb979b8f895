package yearly

import (
	"bytes"
	"encoding/json"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/ledger"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"
)

// quarter runs one period of two units without a corridor and returns it
// as a plan's quarter and as its booking.
func quarter(t *testing.T, p scenario.Period, budget allocate.Cents, alpha *big.Rat, a, b int64) (*scenario.Quarter, ledger.Booking) {
	t.Helper()
	in := allocate.Input{Budget: budget, IndicatorShare: alpha,
		Indicators: []allocate.Indicator{{Key: "youth_0_18", Weight: big.NewRat(1, 1)}},
		Units: []allocate.Unit{{Name: "Nord", Values: []*big.Rat{big.NewRat(a, 1)}, Spending: big.NewRat(1, 1)},
			{Name: "Süd", Values: []*big.Rat{big.NewRat(b, 1)}, Spending: big.NewRat(1, 1)}}}
	res, err := allocate.Run(in)
	if err != nil {
		t.Fatal(err)
	}
	q := &scenario.Quarter{Period: p, IndicatorShare: alpha, Budget: budget, Result: res}
	bk := ledger.Booking{Period: p, Revision: 1, IndicatorShare: alpha, Budget: budget, BookedAt: time.Date(2026, 3, 12, 9, 0, 0, 0, time.UTC),
		BookedBy: "controller", Hash: strings.Repeat("a", 64),
		Inputs: []ledger.Input{{Role: "data", Name: "indikatoren.csv", SHA256: strings.Repeat("b", 64), Bytes: 10}}}
	for u, ur := range res.Units {
		s := res.Shares(u)
		q.Units = append(q.Units, scenario.UnitQuarter{Name: ur.Name, Amount: ur.Amount, Target: s.Target, Share: s.Target})
		bk.Units = append(bk.Units, ledger.Unit{Name: ur.Name, Amount: ur.Amount, Target: s.Target, Share: s.Target})
	}
	return q, bk
}

func period(y, q int) scenario.Period { return scenario.Period{Year: y, Quarter: q} }

// The year's figures: totals over the active bookings only, the year
// before, the change split into parts that add up to it, and the JSON
// with null where nothing is defined.
func TestBuild(t *testing.T) {
	_, before := quarter(t, period(2025, 4), 100000_00, big.NewRat(1, 2), 3, 1)
	first, b1 := quarter(t, period(2026, 1), 100000_00, big.NewRat(1, 2), 3, 1)
	_, replaced := quarter(t, period(2026, 2), 90000_00, big.NewRat(1, 2), 3, 1)
	last, b2 := quarter(t, period(2026, 2), 120000_00, big.NewRat(3, 4), 1, 1)
	b2.Revision = 2
	r, err := Build(Input{Year: 2026, Bookings: []ledger.Booking{before, b1, replaced, b2}, First: first, Last: last})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Quarters) != 2 || len(r.Bookings) != 3 || r.Bookings[1].Active || !r.Bookings[2].Active {
		t.Fatalf("quarters %d, bookings %d: the replaced revision must be in the trail, not in the figures", len(r.Quarters), len(r.Bookings))
	}
	if r.Total != 220000_00 || r.TotalBefore == nil || *r.TotalBefore != 100000_00 {
		t.Errorf("total %v, before %v", r.Total, r.TotalBefore)
	}
	for _, u := range r.Units {
		if u.Total != u.Amounts[0]+u.Amounts[1] || u.TotalBefore == nil {
			t.Errorf("%s: total %v of %v, before %v", u.Name, u.Total, u.Amounts, u.TotalBefore)
		}
		keys, cents := u.Lines()
		var sum allocate.Cents
		for _, c := range cents {
			sum += c
		}
		if sum != u.Amounts[1]-u.Amounts[0] {
			t.Errorf("%s: the lines %v %v add up to %v, the change is %v", u.Name, keys, cents, sum, u.Amounts[1]-u.Amounts[0])
		}
		if strings.Join(keys, ",") != "budget,indicator_share,youth_0_18,"+allocate.SpendingKey+",corridor,rounding" {
			t.Errorf("%s: lines %v", u.Name, keys)
		}
	}
	// Nord's indicator value fell from 3 to 1: that part is negative.
	if _, cents := r.Units[0].Lines(); cents[2] >= 0 {
		t.Errorf("Nord's indicator part %v, want negative", cents[2])
	}
	var out map[string]any
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	unit := out["units"].([]any)[0].(map[string]any)
	if unit["soll"] != nil || unit["status"] != nil || unit["total_before"] != "62500.00" || unit["change"] != "60000.00" || unit["quarters"].(map[string]any)["2026-Q2"] == nil {
		t.Errorf("unit JSON %v", unit)
	}
	if out["verified"] != true || out["total"] != "220000.00" {
		t.Errorf("total %v verified %v", out["total"], out["verified"])
	}
}

// A unit that joins during the year has no amount before it joined, null
// in the JSON and a dash in print; one booked quarter has nothing to split.
func TestBuildUnitJoins(t *testing.T) {
	_, b1 := quarter(t, period(2026, 1), 100000_00, big.NewRat(1, 2), 3, 1)
	b1.Units = b1.Units[:1]
	b1.Units[0].Amount = 100000_00
	last, b2 := quarter(t, period(2026, 2), 100000_00, big.NewRat(1, 2), 3, 1)
	r, err := Build(Input{Year: 2026, Bookings: []ledger.Booking{b1, b2}, First: last, Last: last})
	if err != nil {
		t.Fatal(err)
	}
	sud := r.Units[1]
	if sud.Name != "Süd" || sud.Booked[0] || !sud.Booked[1] || sud.Total != sud.Amounts[1] || sud.Change != nil {
		t.Errorf("Süd: %+v", sud)
	}
	v := &View{Report: r, Lang: report.German}
	var md bytes.Buffer
	if err := v.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "| Süd | – | ") || !strings.Contains(md.String(), "keine Zerlegung: one booked quarter") {
		t.Errorf("markdown:\n%s", md.String())
	}
}

// Axis ticks are round numbers; labels in German number format.
func TestAxes(t *testing.T) {
	for _, c := range []struct{ span, want float64 }{{12_000_000, 5_000_000}, {100, 20}, {0.9, 0.2}, {7, 2}} {
		if got := niceStep(c.span, 5); got != c.want {
			t.Errorf("niceStep(%v) = %v, want %v", c.span, got, c.want)
		}
	}
	v := &View{Lang: report.German}
	if got := v.axisEuros(15_000_000); got != "15.000.000 €" {
		t.Errorf("axisEuros = %q", got)
	}
	if got := v.axisPercent(97.5); got != "97,5 %" {
		t.Errorf("axisPercent = %q", got)
	}
	if got := (&View{Lang: report.English}).axisEuros(-2500); got != "-2,500 €" {
		t.Errorf("English axisEuros = %q", got)
	}
}

// The HTML is one file with no script and no address, its tables repeat
// their heads, and names are escaped.
func TestHTMLSelfContained(t *testing.T) {
	first, b1 := quarter(t, period(2026, 1), 100000_00, big.NewRat(1, 2), 3, 1)
	last, b2 := quarter(t, period(2026, 2), 100000_00, big.NewRat(3, 5), 3, 1)
	b2.Reason = `<script>alert("x")</script>`
	r, err := Build(Input{Year: 2026, Bookings: []ledger.Booking{b1, b2}, First: first, Last: last})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	date := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if err := (&View{Report: r, Lang: report.German, ReportDate: date}).WriteHTML(buf); err != nil {
			t.Fatal(err)
		}
	}
	html := a.String()
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes differ")
	}
	if strings.Contains(html, "<script") || strings.Contains(html, "https://") || strings.Contains(html, "@import") || strings.Contains(html, "url(http") {
		t.Error("the HTML loads or runs something")
	}
	for _, want := range []string{"thead { display: table-header-group; }", "@page { size: A4;", "<thead><tr><th>Bezirksstelle</th>", "&lt;script&gt;", "<svg", "Berichtsdatum: 31.12.2026"} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML has no %q", want)
		}
	}
}
