package explain

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/report"
	"github.com/raumbudget/raumbudget/scenario"
)

var keys = []string{"youth", "green"}

// table reads a CSV table of units, the two indicators and the spending.
func table(t *testing.T, name, csv string) *indicators.Table {
	t.Helper()
	schema := indicators.Schema{Indicators: keys, AllowSpending: true}
	tab, err := indicators.Read(strings.NewReader(csv), name, schema, indicators.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

const dataCSV = `Bezirksstelle;youth;green;spending_prior_year
Nord;2000;500;250000
Mitte;500;100;120000
Süd;2500;400;130000
`

// oldCSV is an earlier year with the units in another order.
const oldCSV = `Bezirksstelle;youth;green;spending_prior_year
Süd;2400;300;120000
Nord;1800;450;260000
Mitte;500;100;120000
`

// fakeInputs give tables from memory and record what explain asked for.
type fakeInputs struct {
	data, against *indicators.Table
	previous      []allocate.Cents
	asked         []string // "data", "against", "previous", each with the spending need
}

func (f *fakeInputs) Data(needSpending bool) (*indicators.Table, error) {
	f.asked = append(f.asked, "data"+spendingMark(needSpending))
	return f.data, nil
}

func (f *fakeInputs) Against(needSpending bool) (*indicators.Table, error) {
	f.asked = append(f.asked, "against"+spendingMark(needSpending))
	return f.against, nil
}

func (f *fakeInputs) Previous(start scenario.Period, _ *indicators.Table) ([]allocate.Cents, error) {
	f.asked = append(f.asked, "previous "+start.String())
	return f.previous, nil
}

// Model weighs youth 3/4 and green, inverse, 1/4.
func (f *fakeInputs) Model(t *indicators.Table, budget allocate.Cents, share *big.Rat) allocate.Input {
	in := allocate.Input{Budget: budget, IndicatorShare: share, Indicators: []allocate.Indicator{
		{Key: "youth", Weight: big.NewRat(3, 4)}, {Key: "green", Weight: big.NewRat(1, 4), Inverse: true}}}
	for _, u := range t.Units {
		in.Units = append(in.Units, allocate.Unit{Name: u.Name, Values: u.Values, Spending: u.Spending})
	}
	return in
}

func spendingMark(need bool) string {
	if need {
		return "+spending"
	}
	return ""
}

func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic(s)
	}
	return r
}

// amountOf runs the engine on its own for the unit called name.
func amountOf(t *testing.T, in allocate.Input, name string) allocate.Cents {
	t.Helper()
	res, err := allocate.Run(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range res.Units {
		if u.Name == name {
			return u.Amount
		}
	}
	t.Fatalf("%s not in the result", name)
	return 0
}

// changeTotal is the sum of a change's lines in whole cents.
func changeTotal(e *report.Explanation) allocate.Cents {
	_, cents := e.Change.Lines(e.Amount)
	var sum allocate.Cents
	for _, c := range cents {
		sum += c
	}
	return sum
}

func changeKeys(c *report.Change) []string {
	var out []string
	for _, p := range c.Parts {
		out = append(out, p.Key)
	}
	return out
}

// A single allocation: each unit's parts add up to its exact amount, the
// amount is the engine's, and without --against there is no change.
func TestUnitExplainsASingleAllocation(t *testing.T) {
	for _, unit := range []string{"Nord", "Mitte", "Süd"} {
		in := &fakeInputs{data: table(t, "data.csv", dataCSV)}
		r := Request{Unit: unit, Budget: 1_000_000_00, Share: rat("0.6")}
		e, data, err := Unit(r, in)
		if err != nil {
			t.Fatal(err)
		}
		if data != in.data {
			t.Errorf("%s: the data table is not handed back", unit)
		}
		if want := amountOf(t, in.Model(in.data, r.Budget, r.Share), unit); e.Amount != want || e.Unit != unit {
			t.Errorf("%s: %s gets %s, the engine gives %s", unit, e.Unit, e.Amount, want)
		}
		sum := new(big.Rat)
		for _, p := range e.Parts {
			sum.Add(sum, p.Exact)
		}
		if sum.Cmp(e.Exact) != 0 || e.Damped.Cmp(e.Exact) != 0 {
			t.Errorf("%s: parts add to %s, exact %s, damped %s", unit, sum.RatString(), e.Exact.RatString(), e.Damped.RatString())
		}
		if e.Change != nil || e.Period != "" || e.Headings["youth"] != "youth" {
			t.Errorf("%s: change %v, period %q, headings %v", unit, e.Change, e.Period, e.Headings)
		}
	}
}

// Against an earlier data year whose units come in another order: the old
// amount is the unit's own in that year, and the change's lines add up to
// the change to the cent, in the engine's order of causes.
func TestUnitExplainsTheChangeAgainstAnEarlierYear(t *testing.T) {
	for _, unit := range []string{"Nord", "Mitte", "Süd"} {
		in := &fakeInputs{data: table(t, "data.csv", dataCSV), against: table(t, "old.csv", oldCSV)}
		r := Request{Unit: unit, Budget: 1_000_000_00, Share: rat("0.7"),
			Against: &Against{Label: "old.csv", Budget: 900_000_00, Share: rat("0.6")}}
		e, _, err := Unit(r, in)
		if err != nil {
			t.Fatal(err)
		}
		c := e.Change
		if want := amountOf(t, in.Model(in.against, 900_000_00, rat("0.6")), unit); c.OldAmount != want {
			t.Errorf("%s: old amount %s, the earlier year alone gives %s", unit, c.OldAmount, want)
		}
		if got := changeTotal(e); got != e.Amount-c.OldAmount {
			t.Errorf("%s: the lines add to %s, the change is %s", unit, got, e.Amount-c.OldAmount)
		}
		want := []string{allocate.BudgetKey, allocate.IndicatorShareKey, "youth", "green", allocate.SpendingKey}
		if got := changeKeys(c); strings.Join(got, " ") != strings.Join(want, " ") || c.Against != "old.csv" || c.Corridor.Sign() != 0 {
			t.Errorf("%s: change parts %v against %q, corridor %s", unit, got, c.Against, c.Corridor.RatString())
		}
	}
}

// Units the two years do not share are refused at the row of the table
// that has them, naming the other file.
func TestUnitRefusesAnEarlierYearWithOtherUnits(t *testing.T) {
	for name, tc := range map[string]struct {
		old  string
		file string
		line int
		msg  string
	}{
		"a unit gone": {"Bezirksstelle;youth;green;spending_prior_year\nNord;1;1;1\nMitte;1;1;1\n",
			"data.csv", 4, `unit "Süd" is not in old.csv`},
		"a unit added": {"Bezirksstelle;youth;green;spending_prior_year\nNord;1;1;1\nMitte;1;1;1\nSüd;1;1;1\nWest;1;1;1\n",
			"old.csv", 5, `unit "West" has no row in data.csv`},
	} {
		in := &fakeInputs{data: table(t, "data.csv", dataCSV), against: table(t, "old.csv", tc.old)}
		r := Request{Unit: "Nord", Budget: 100, Share: rat("1"), Against: &Against{Label: "old.csv", Budget: 100, Share: rat("1")}}
		_, _, err := Unit(r, in)
		var ie *indicators.Error
		if !errors.As(err, &ie) || ie.File != tc.file || ie.Line != tc.line || ie.Msg != tc.msg {
			t.Errorf("%s: err = %#v, want %s:%d %q", name, err, tc.file, tc.line, tc.msg)
		}
	}
}

func TestUnitRefusesAnUnknownUnit(t *testing.T) {
	in := &fakeInputs{data: table(t, "data.csv", dataCSV)}
	_, data, err := Unit(Request{Unit: "Ost", Budget: 100, Share: rat("1"), Against: &Against{Budget: 100, Share: rat("1")}}, in)
	var unknown *UnknownUnitError
	if !errors.As(err, &unknown) || data != in.data {
		t.Fatalf("err = %v, want *UnknownUnitError and the data table", err)
	}
	if want := `"Ost" is not in data.csv; its units are "Nord", "Mitte", "Süd"`; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if len(in.asked) != 1 {
		t.Errorf("asked for %v; nothing past the data before the unit is found", in.asked)
	}
}

// The spending is asked for exactly when a history part can be nonzero.
func TestUnitAsksForTheSpendingOnlyWhenNeeded(t *testing.T) {
	plan := scenario.Plan{Start: scenario.Period{Year: 2026, Quarter: 1}, Quarters: 1, Schedule: scenario.Schedule{Rule: scenario.EssenRule()},
		Budgets: scenario.Budgets{Default: ptr(allocate.Cents(4_000_000_00))}}
	for name, tc := range map[string]struct {
		r    Request
		want string
	}{
		"α = 1":                 {Request{Share: rat("1")}, "data"},
		"α < 1":                 {Request{Share: rat("0.6")}, "data+spending"},
		"earlier year at α = 1": {Request{Share: rat("1"), Against: &Against{Share: rat("1")}}, "data against"},
		"earlier year at α < 1": {Request{Share: rat("1"), Against: &Against{Share: rat("0.6")}}, "data+spending against+spending"},
		"a plan's quarter":      {Request{Quarter: &Quarter{Plan: plan, Period: plan.Start}}, "data+spending previous 2026-Q1"},
	} {
		tc.r.Unit, tc.r.Budget = "Nord", 100_00
		if tc.r.Against != nil {
			tc.r.Against.Budget = 100_00
		}
		in := &fakeInputs{data: table(t, "data.csv", dataCSV), against: table(t, "old.csv", oldCSV)}
		if _, _, err := Unit(tc.r, in); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := strings.Join(in.asked, " "); got != tc.want {
			t.Errorf("%s: asked %q, want %q", name, got, tc.want)
		}
	}
}

func ptr[T any](x T) *T { return &x }
