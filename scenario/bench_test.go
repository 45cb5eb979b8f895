package scenario

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/internal/gen"
)

// generatedInput is rbgen's table of rows rows in units units, summed per
// unit as the readers do: open space in tenths of m², spending in cents.
func generatedInput(rows, units int) allocate.Input {
	var in allocate.Input
	for _, key := range []string{"youth", "sgb", "migrants", "open_space"} {
		in.Indicators = append(in.Indicators, allocate.Indicator{Key: key, Weight: big.NewRat(1, 4)})
	}
	sums := make([][5]int64, units)
	for i, r := range gen.Rows(rows, units, 1) {
		s := &sums[i%units]
		s[0], s[1], s[2], s[3], s[4] = s[0]+r.Youth, s[1]+r.SGB, s[2]+r.Migrants, s[3]+r.OpenSpace, s[4]+r.Spending
	}
	for u, s := range sums {
		in.Units = append(in.Units, allocate.Unit{Name: fmt.Sprint("Bezirksstelle ", u+1),
			Values:   []*big.Rat{big.NewRat(s[0], 1), big.NewRat(s[1], 1), big.NewRat(s[2], 1), big.NewRat(s[3], 10)},
			Spending: big.NewRat(s[4], 100)})
	}
	return in
}

// BenchmarkPlanManyUnits: the four quarters of a plan of 100,000 units
// (a unit a row), amounts and exact shares.
func BenchmarkPlanManyUnits(b *testing.B) {
	in := generatedInput(100_000, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(essenPlan(4), in); err != nil {
			b.Fatal(err)
		}
	}
}

// A plan of 100,000 units (a unit a row, as rbgen writes them) gives in
// every quarter the amounts of the exact path — B · p(u) from Shares'
// fractions, apportioned by largest remainder, no float64 anywhere — and
// every unit's target and composite share in Shares' lowest terms.
func TestManyUnitsPlanEqualsExact(t *testing.T) {
	in := generatedInput(100_000, 100_000)
	res, err := Run(essenPlan(4), in)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range res.Quarters {
		exact := make([]*big.Rat, len(q.Units))
		for u, unit := range q.Units {
			s := q.Result.Shares(u)
			if !sameTerms(unit.Target, s.Target) || !sameTerms(unit.Composite, s.Composite) || unit.Share != unit.Target {
				t.Fatalf("%s unit %d: target %s composite %s, Shares %s %s", q.Period, u,
					unit.Target.RatString(), unit.Composite.RatString(), s.Target.RatString(), s.Composite.RatString())
			}
			exact[u] = new(big.Rat).Mul(s.Target, q.Budget.Rat())
		}
		for u, want := range allocate.Apportion(q.Budget, exact) {
			if q.Units[u].Amount != want {
				t.Fatalf("%s unit %d: %d, the exact path %d", q.Period, u, q.Units[u].Amount, want)
			}
		}
	}
}

// sameTerms says whether x and y are the same fraction written the same
// way (as a ledger or a report prints it), not only the same value.
func sameTerms(x, y *big.Rat) bool {
	return x.Num().Cmp(y.Num()) == 0 && x.Denom().Cmp(y.Denom()) == 0
}
