package allocate

import (
	"math/big"
	"slices"
	"testing"

	"github.com/raumbudget/raumbudget/internal/gen"
)

// generatedInput is rbgen's table of rows rows in units units, summed per
// unit as the readers do: open space in tenths of m², spending in cents.
func generatedInput(rows, units int, alpha *big.Rat) Input {
	in := Input{Budget: 12_000_000_00, IndicatorShare: alpha}
	for _, key := range []string{"youth", "sgb", "migrants", "open_space"} {
		in.Indicators = append(in.Indicators, Indicator{Key: key, Weight: big.NewRat(1, 4)})
	}
	sums := make([][5]int64, units)
	for i, r := range gen.Rows(rows, units, 1) {
		s := &sums[i%units]
		s[0], s[1], s[2], s[3], s[4] = s[0]+r.Youth, s[1]+r.SGB, s[2]+r.Migrants, s[3]+r.OpenSpace, s[4]+r.Spending
	}
	for u, s := range sums {
		in.Units = append(in.Units, Unit{Name: "Bezirksstelle " + string(rune('A'+u%26)),
			Values:   []*big.Rat{big.NewRat(s[0], 1), big.NewRat(s[1], 1), big.NewRat(s[2], 1), big.NewRat(s[3], 10)},
			Spending: big.NewRat(s[4], 100)})
	}
	return in
}

// The 100,000-unit plan (α 0.6 → 0.9) through Run, fast path and
// Targets, equals the exact path cent for cent and fraction for fraction.
func TestManyUnitsEqualExact(t *testing.T) {
	for _, alpha := range []*big.Rat{big.NewRat(6, 10), big.NewRat(9, 10)} {
		in := generatedInput(100_000, 100_000, alpha)
		res, err := Run(in)
		if err != nil {
			t.Fatal(err)
		}
		want := exactOnly(t, in)
		if !slices.Equal(fastOnly(t, in), want) || !slices.Equal(amountsOf(res), want) {
			t.Fatalf("α %s: the fast path or Run and the exact path differ", alpha.RatString())
		}
		for u := 0; u < len(res.Units); u += 997 {
			s := res.Shares(u)
			if _, target := res.Targets(u); !sameTerms(target, s.Target) {
				t.Fatalf("α %s, unit %d: Targets %s, Shares %s", alpha.RatString(), u, target, s.Target)
			}
		}
	}
}
