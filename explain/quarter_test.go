package explain

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/scenario"
)

func essenPlan(quarters int, corridor *allocate.Corridor) scenario.Plan {
	return scenario.Plan{Start: scenario.Period{Year: 2026, Quarter: 1}, Quarters: quarters,
		Schedule: scenario.Schedule{Rule: scenario.EssenRule()},
		Budgets:  scenario.Budgets{Default: ptr(allocate.Cents(4_000_000_00))}, Corridor: corridor}
}

var onePercent = &allocate.Corridor{MaxDecrease: rat("0.01"), MaxIncrease: rat("0.01")}

// A quarter of a plan: the unit's amount and hold are the plan's, and its
// change from the quarter before is the budget's and the indicator
// share's effect, the corridor's and the rounding's, exactly.
func TestUnitExplainsAPlansQuarter(t *testing.T) {
	for name, tc := range map[string]struct {
		plan     scenario.Plan
		previous []allocate.Cents
		period   scenario.Period
		unit     string
		held     allocate.Held // so that the corridor's line is tested too
	}{
		"the first quarter":                       {essenPlan(4, nil), nil, scenario.Period{Year: 2026, Quarter: 1}, "Nord", allocate.NotHeld},
		"a later quarter":                         {essenPlan(4, nil), nil, scenario.Period{Year: 2026, Quarter: 3}, "Süd", allocate.NotHeld},
		"past the plan's end":                     {essenPlan(1, nil), nil, scenario.Period{Year: 2027, Quarter: 1}, "Mitte", allocate.NotHeld},
		"a quarter with the corridor":             {essenPlan(4, onePercent), nil, scenario.Period{Year: 2026, Quarter: 2}, "Süd", allocate.Ceiling},
		"the second quarter after booked amounts": {essenPlan(2, onePercent), []allocate.Cents{1_000_000_00, 1_000_000_00, 1_000_000_00}, scenario.Period{Year: 2026, Quarter: 2}, "Nord", allocate.Ceiling},
	} {
		in := &fakeInputs{data: table(t, "data.csv", dataCSV), previous: tc.previous}
		e, _, err := Unit(Request{Unit: tc.unit, Quarter: &Quarter{Plan: tc.plan, Period: tc.period}}, in)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// The plan run on its own, as long as needed to reach the quarter.
		p := tc.plan
		p.Quarters, p.Previous = tc.period.Sub(p.Start)+1, tc.previous
		res, err := scenario.Run(p, in.Model(in.data, 0, nil))
		if err != nil {
			t.Fatal(err)
		}
		u := unitIndexOf(t, in, tc.unit)
		i := len(res.Quarters) - 1
		q := res.Quarters[i]
		if e.Amount != q.Units[u].Amount || e.Held != q.Units[u].Held || e.Held != tc.held || e.Period != tc.period.String() {
			t.Errorf("%s: %s %s held %v, the plan gives %s held %v", name, e.Period, e.Amount, e.Held, q.Units[u].Amount, q.Units[u].Held)
		}
		// The corridor's and the rounding's lines are the plan's effects.
		if corridor := new(big.Rat).Sub(e.Damped, e.Exact); corridor.Cmp(q.CorridorEffect(u)) != 0 {
			t.Errorf("%s: corridor %s, the plan's effect %s", name, corridor.RatString(), q.CorridorEffect(u).RatString())
		}
		if rounding := new(big.Rat).Sub(e.Amount.Rat(), e.Damped); rounding.Cmp(q.RoundingEffect(u)) != 0 {
			t.Errorf("%s: rounding %s, the plan's %s", name, rounding.RatString(), q.RoundingEffect(u).RatString())
		}
		if i == 0 {
			if e.Change != nil {
				t.Errorf("%s: a change against a quarter the plan does not have", name)
			}
			continue
		}
		c := e.Change
		if c.Against != res.Quarters[i-1].Period.String() || c.OldAmount != res.Quarters[i-1].Units[u].Amount {
			t.Errorf("%s: change against %s from %s", name, c.Against, c.OldAmount)
		}
		if got := strings.Join(changeKeys(c), " "); got != "budget indicator_share" {
			t.Errorf("%s: change parts %s, want budget and indicator_share", name, got)
		}
		sum := new(big.Rat).Add(c.Corridor, c.Rounding)
		for _, part := range c.Parts {
			sum.Add(sum, part.Exact)
		}
		if want := big.NewRat(int64(e.Amount-c.OldAmount), 1); sum.Cmp(want) != 0 {
			t.Errorf("%s: the parts add to %s, the change is %s", name, sum.RatString(), want.RatString())
		}
	}
}

// With booked amounts and a corridor of zero width, the first quarter
// keeps the booked share: the previous amounts reach the plan. (They add
// up to the quarter's budget, a quarter of 4,000,000.00.)
func TestUnitTakesThePreviousAmounts(t *testing.T) {
	zero := &allocate.Corridor{MaxDecrease: new(big.Rat), MaxIncrease: new(big.Rat)}
	booked := []allocate.Cents{450_000_00, 200_000_00, 350_000_00}
	in := &fakeInputs{data: table(t, "data.csv", dataCSV), previous: booked}
	e, _, err := Unit(Request{Unit: "Mitte", Quarter: &Quarter{Plan: essenPlan(1, zero), Period: scenario.Period{Year: 2026, Quarter: 1}}}, in)
	if err != nil {
		t.Fatal(err)
	}
	if e.Amount != booked[1] {
		t.Errorf("Mitte gets %s, booked %s", e.Amount, booked[1])
	}
}

// A quarter before the plan's start is refused before the booked amounts
// are read.
func TestUnitRefusesAQuarterBeforeTheStart(t *testing.T) {
	in := &fakeInputs{data: table(t, "data.csv", dataCSV)}
	r := Request{Unit: "Nord", Quarter: &Quarter{Plan: essenPlan(4, nil), Period: scenario.Period{Year: 2025, Quarter: 4}}}
	_, _, err := Unit(r, in)
	var early *EarlyPeriodError
	if !errors.As(err, &early) || err.Error() != "2025-Q4 is before the plan's start 2026-Q1" {
		t.Errorf("err = %v, want *EarlyPeriodError", err)
	}
	if got := strings.Join(in.asked, " "); got != "data+spending" {
		t.Errorf("asked %q, want only the data", got)
	}
}

func unitIndexOf(t *testing.T, in *fakeInputs, name string) int {
	t.Helper()
	u, err := unitIndex(in.data, name)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
