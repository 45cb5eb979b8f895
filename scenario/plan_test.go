package scenario

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
)

// units is a small city: youth and spending far apart, so that the
// transition moves money.
func units() allocate.Input {
	in := allocate.Input{Indicators: []allocate.Indicator{{Key: "youth", Weight: rat("1")}}}
	for i, v := range [][2]string{{"100", "500"}, {"300", "300"}, {"600", "200"}} {
		in.Units = append(in.Units, allocate.Unit{Name: fmt.Sprint("U", i), Values: []*big.Rat{rat(v[0])}, Spending: rat(v[1])})
	}
	return in
}

func essenPlan(quarters int) Plan {
	yearly := allocate.Cents(4_000_000_03)
	return Plan{Start: Period{2026, 1}, Quarters: quarters, Schedule: Schedule{Rule: EssenRule()}, Budgets: Budgets{Default: &yearly}}
}

func TestPlanEqualsSingleAllocations(t *testing.T) {
	res, err := Run(essenPlan(6), units())
	if err != nil {
		t.Fatal(err)
	}
	alphas := []string{"3/5", "7/10", "4/5", "9/10", "1", "1"}
	budgets := []allocate.Cents{1_000_000_01, 1_000_000_01, 1_000_000_01, 1_000_000_00, 1_000_000_01, 1_000_000_01}
	for i, q := range res.Quarters {
		if q.IndicatorShare.RatString() != alphas[i] || q.Budget != budgets[i] {
			t.Errorf("%s: α %s budget %d, want %s %d", q.Period, q.IndicatorShare.RatString(), q.Budget, alphas[i], budgets[i])
		}
		in := units()
		in.Budget, in.IndicatorShare = q.Budget, q.IndicatorShare
		single, err := allocate.Run(in)
		if err != nil {
			t.Fatal(err)
		}
		for u, unit := range q.Units {
			if unit.Amount != single.Units[u].Amount || unit.Held != allocate.NotHeld {
				t.Errorf("%s %s: %d, single allocation %d", q.Period, unit.Name, unit.Amount, single.Units[u].Amount)
			}
		}
	}
	for _, q := range res.Quarters {
		for u, unit := range q.Units {
			s := q.Result.Shares(u)
			if unit.Composite.Cmp(s.Composite) != 0 || unit.Target.RatString() != s.Target.RatString() {
				t.Errorf("%s %s: composite %s target %s, the quarter's own %s %s", q.Period, unit.Name,
					unit.Composite.RatString(), unit.Target.RatString(), s.Composite.RatString(), s.Target.RatString())
			}
		}
	}
	if res.TargetReached == nil || *res.TargetReached != (Period{2027, 1}) {
		t.Errorf("target reached %v, want 2027-Q1", res.TargetReached)
	}
	if _, ok := res.Quarters[0].Units[0].Change(); ok {
		t.Error("the first quarter has no change without a previous allocation")
	}
	if c, _ := res.Quarters[1].Units[2].Change(); c != res.Quarters[1].Units[2].Amount-res.Quarters[0].Units[2].Amount {
		t.Errorf("change %d", c)
	}
}

func TestPlanNotReachedWithinPlan(t *testing.T) {
	res, err := Run(essenPlan(4), units())
	if err != nil || res.TargetReached != nil {
		t.Errorf("target reached %v, %v; want nil", res.TargetReached, err)
	}
}

func TestPlanCorridorHoldsAndReleases(t *testing.T) {
	p := essenPlan(24)
	p.Corridor = &allocate.Corridor{MaxDecrease: rat("0.1"), MaxIncrease: rat("0.1")}
	res, err := Run(p, units())
	if err != nil {
		t.Fatal(err)
	}
	first := res.Quarters[0]
	// U0 has half the spending but a tenth of the youth: its share may fall
	// from 1/2 to 0.45 at most in the first quarter.
	if first.Units[0].Held != allocate.Floor || first.Units[0].Share.Cmp(rat("0.45")) != 0 {
		t.Errorf("U0 in %s: %v at %s, want floor at 0.45", first.Period, first.Units[0].Held, first.Units[0].Share.RatString())
	}
	// From about 1/2 down to its target 1/10, at most 10 % a quarter: 2029-Q4.
	if res.TargetReached == nil || *res.TargetReached != (Period{2029, 4}) {
		t.Errorf("with a corridor the target is reached at %v, want 2029-Q4", res.TargetReached)
	}
}

func TestPlanFrozenCorridor(t *testing.T) {
	p := essenPlan(3)
	p.Corridor = &allocate.Corridor{MaxDecrease: rat("0"), MaxIncrease: rat("0")}
	p.Previous = []allocate.Cents{500_00, 300_00, 200_00}
	res, err := Run(p, units())
	if err != nil {
		t.Fatal(err)
	}
	// Frozen at what was paid: the booked shares first, then each
	// quarter's amounts over its budget.
	paid := p.Previous
	for _, q := range res.Quarters {
		for u := range q.Units {
			want := amountShares(paid)[u]
			if q.Units[u].Share.Cmp(want) != 0 {
				t.Errorf("%s U%d: share %s, want frozen at %s", q.Period, u, q.Units[u].Share.RatString(), want.RatString())
			}
		}
		paid = q.amounts()
	}
	if got := res.Quarters[1].Units[0].Share.RatString(); got != "50000001/100000001" {
		t.Errorf("2026-Q2 U0: share %s, want what 2026-Q1 paid, 500000.01 of 1000000.01", got)
	}
	if c, ok := res.Quarters[0].Units[0].Change(); !ok || c != 500_000_01-500_00 {
		t.Errorf("change against the booked amount: %d, %v", c, ok)
	}
}

func TestPlanErrors(t *testing.T) {
	noBudget := essenPlan(2)
	noBudget.Budgets = Budgets{ByYear: map[int]allocate.Cents{2025: 1}}
	noStart := essenPlan(2)
	noStart.Corridor = &allocate.Corridor{MaxDecrease: rat("0.1")}
	noStart.Schedule = Schedule{Rule: Rule{rat("1"), rat("1"), rat("0"), 1}}
	noSpending := units()
	for i := range noSpending.Units {
		noSpending.Units[i].Spending = rat("0")
	}
	zero := essenPlan(1)
	zero.Quarters = 0
	for name, tc := range map[string]struct {
		p  Plan
		in allocate.Input
	}{
		"no budget for the year":       {noBudget, units()},
		"corridor without a start":     {noStart, noSpending},
		"no quarters":                  {zero, units()},
		"previous of the wrong length": {Plan{Start: Period{2026, 1}, Quarters: 1, Schedule: Schedule{Rule: EssenRule()}, Previous: []allocate.Cents{1}}, units()},
	} {
		_, err := Run(tc.p, tc.in)
		var pe *PlanError
		if !errors.As(err, &pe) {
			t.Errorf("%s: err = %v, want *PlanError", name, err)
		}
	}
}

func TestPropertyPlan(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for range 200 {
		in := allocate.Input{Indicators: []allocate.Indicator{{Key: "a", Weight: rat("1/2")}, {Key: "b", Weight: rat("1/2")}}}
		for u := range 2 + rng.IntN(10) {
			in.Units = append(in.Units, allocate.Unit{Name: fmt.Sprint(u),
				Values:   []*big.Rat{big.NewRat(1+rng.Int64N(1000), 1), big.NewRat(1+rng.Int64N(1000), 10)},
				Spending: big.NewRat(1+rng.Int64N(100000), 100)})
		}
		yearly := allocate.Cents(rng.Int64N(100_000_000_00))
		p := Plan{Start: Period{2026, 1 + rng.IntN(4)}, Quarters: 1 + rng.IntN(8), Schedule: Schedule{Rule: EssenRule()},
			Budgets: Budgets{Default: &yearly}, Corridor: &allocate.Corridor{MaxDecrease: big.NewRat(rng.Int64N(20), 100), MaxIncrease: big.NewRat(rng.Int64N(20), 100)}}
		res, err := Run(p, in)
		if err != nil {
			var pe *PlanError
			if errors.As(err, &pe) {
				continue // an infeasible corridor is reported, not fudged
			}
			t.Fatal(err)
		}
		checkPlan(t, p, res)
	}
}

// checkPlan checks each quarter: amounts add up to the budget, each within a
// cent of budget × share, and each share within the corridor around the
// share paid in the quarter before (amount over budget).
func checkPlan(t *testing.T, p Plan, res *Result) {
	t.Helper()
	for i, q := range res.Quarters {
		var total allocate.Cents
		for _, u := range q.Units {
			total += u.Amount
			exact := new(big.Rat).Mul(u.Share, q.Budget.Rat())
			d := new(big.Rat).Sub(exact, u.Amount.Rat())
			if d.Abs(d).Cmp(big.NewRat(1, 1)) >= 0 {
				t.Fatalf("%s %s: %d is not within a cent of %s", q.Period, u.Name, u.Amount, exact.FloatString(2))
			}
		}
		if total != q.Budget {
			t.Fatalf("%s: amounts add to %d, budget %d", q.Period, total, q.Budget)
		}
		if i == 0 {
			continue
		}
		before := res.Quarters[i-1]
		for u, unit := range q.Units {
			prev := big.NewRat(int64(before.Units[u].Amount), int64(before.Budget))
			lo := new(big.Rat).Mul(prev, new(big.Rat).Sub(big.NewRat(1, 1), p.Corridor.MaxDecrease))
			hi := new(big.Rat).Mul(prev, new(big.Rat).Add(big.NewRat(1, 1), p.Corridor.MaxIncrease))
			if unit.Share.Cmp(lo) < 0 || unit.Share.Cmp(hi) > 0 {
				t.Fatalf("%s %s: share %s outside [%s, %s]", q.Period, unit.Name, unit.Share.FloatString(6), lo.FloatString(6), hi.FloatString(6))
			}
		}
	}
}

// The calendar is fixed: a plan of one quarter, 2026-Q3, counted from
// 2026-Q1 has the α of the third quarter of the plan that starts there,
// and quarters before the transition start have the rule's From.
func TestTransitionStart(t *testing.T) {
	long, err := Run(essenPlan(4), units())
	if err != nil {
		t.Fatal(err)
	}
	one := essenPlan(1)
	one.Start, one.TransitionStart = Period{2026, 3}, Period{2026, 1}
	res, err := Run(one, units())
	if err != nil {
		t.Fatal(err)
	}
	q, want := res.Quarters[0], long.Quarters[2]
	if q.IndicatorShare.RatString() != "4/5" || q.Period != want.Period {
		t.Errorf("%s: α %s, want 4/5", q.Period, q.IndicatorShare.RatString())
	}
	for u := range q.Units {
		if q.Units[u].Amount != want.Units[u].Amount {
			t.Errorf("%s: %d, the long plan's %d", q.Units[u].Name, q.Units[u].Amount, want.Units[u].Amount)
		}
	}
	early := essenPlan(3)
	early.TransitionStart = Period{2026, 2}
	res, err = Run(early, units())
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []string{"3/5", "3/5", "7/10"} {
		if got := res.Quarters[i].IndicatorShare.RatString(); got != w {
			t.Errorf("%s with transition start 2026-Q2: α %s, want %s", res.Quarters[i].Period, got, w)
		}
	}
	if (Plan{Start: Period{2026, 1}}).FirstTransitionQuarter() != (Period{2026, 1}) {
		t.Error("without a transition start Q0 is the plan's start")
	}
}

// A plan continues from what is paid: a plan of n quarters gives exactly
// the amounts of n one-quarter plans, each given the amounts of the one
// before as its previous allocation, on the same calendar.
func TestPropertyPlanEqualsBookingsOneByOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for range 150 {
		in := allocate.Input{Indicators: []allocate.Indicator{{Key: "a", Weight: rat("1/3")}, {Key: "b", Weight: rat("2/3")}}}
		for u := range 2 + rng.IntN(8) {
			in.Units = append(in.Units, allocate.Unit{Name: fmt.Sprint(u),
				Values:   []*big.Rat{big.NewRat(1+rng.Int64N(1000), 1), big.NewRat(1+rng.Int64N(1000), 7)},
				Spending: big.NewRat(1+rng.Int64N(100000), 100)})
		}
		yearly := allocate.Cents(1 + rng.Int64N(100_000_000_00))
		p := Plan{Start: Period{2026, 1 + rng.IntN(4)}, Quarters: 1 + rng.IntN(8), Schedule: Schedule{Rule: EssenRule()},
			Budgets: Budgets{Default: &yearly}, Corridor: &allocate.Corridor{MaxDecrease: big.NewRat(rng.Int64N(20), 100), MaxIncrease: big.NewRat(rng.Int64N(20), 100)}}
		if rng.IntN(2) == 0 {
			p.TransitionStart = p.Start.Add(-rng.IntN(3))
		}
		if rng.IntN(2) == 0 {
			for range in.Units {
				p.Previous = append(p.Previous, allocate.Cents(1+rng.Int64N(1_000_000_00)))
			}
		}
		long, err := Run(p, in)
		if err != nil {
			continue // an infeasible corridor; the one-by-one runs meet it too
		}
		previous := p.Previous
		for i, want := range long.Quarters {
			one := p
			one.Start, one.Quarters, one.TransitionStart, one.Previous = p.Start.Add(i), 1, p.FirstTransitionQuarter(), previous
			res, err := Run(one, in)
			if err != nil {
				t.Fatalf("%s alone: %v", one.Start, err)
			}
			got := res.Quarters[0]
			if got.IndicatorShare.Cmp(want.IndicatorShare) != 0 {
				t.Fatalf("%s: α %s alone, %s in the plan", got.Period, got.IndicatorShare.RatString(), want.IndicatorShare.RatString())
			}
			for u := range got.Units {
				if got.Units[u].Amount != want.Units[u].Amount || got.Units[u].Held != want.Units[u].Held {
					t.Fatalf("%s unit %d: %d alone, %d in the plan", got.Period, u, got.Units[u].Amount, want.Units[u].Amount)
				}
			}
			previous = got.amounts()
		}
	}
}

// A plan of many units computes its shares on every processor; they are
// each unit's own, in lowest terms, in every quarter.
func TestManyUnitsSharesInParallel(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	in := allocate.Input{Indicators: []allocate.Indicator{{Key: "youth", Weight: rat("1/2")}, {Key: "sgb", Weight: rat("1/2")}}}
	for u := range 3 * parallelUnits {
		in.Units = append(in.Units, allocate.Unit{Name: fmt.Sprint("U", u),
			Values:   []*big.Rat{big.NewRat(rng.Int64N(5000)+1, 1), big.NewRat(rng.Int64N(90000)+1, 10)},
			Spending: big.NewRat(rng.Int64N(1_000_000), 100)})
	}
	res, err := Run(essenPlan(3), in)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range res.Quarters {
		for u := 0; u < len(q.Units); u += 7 {
			s := q.Result.Shares(u)
			unit := q.Units[u]
			if unit.Name != in.Units[u].Name || unit.Composite.RatString() != s.Composite.RatString() ||
				unit.Target.RatString() != s.Target.RatString() || unit.Share != unit.Target {
				t.Fatalf("%s unit %d: %s %s %s, want %s %s %s", q.Period, u, unit.Name, unit.Composite.RatString(),
					unit.Target.RatString(), in.Units[u].Name, s.Composite.RatString(), s.Target.RatString())
			}
		}
	}
}
