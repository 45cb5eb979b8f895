package allocate

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
)

// exactOnly rounds with the exact path alone, the reference of the fast one.
func exactOnly(t *testing.T, in Input) []Cents {
	t.Helper()
	cols, err := newColumns(&in)
	if err != nil {
		t.Fatal(err)
	}
	return apportion(in.Budget, computeExact(cols, in.Budget, len(in.Units)).totals)
}

func fastOnly(t *testing.T, in Input) []Cents {
	t.Helper()
	cols, err := newColumns(&in)
	if err != nil {
		t.Fatal(err)
	}
	amounts, ok := fastAmounts(cols, in.Budget, len(in.Units))
	if !ok {
		t.Fatal("the fast path did not apply")
	}
	return amounts
}

func direct(in Input) Input {
	for k := range in.Indicators {
		in.Indicators[k].Inverse = false
	}
	return in
}

func TestPropertyFastPathEqualsExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for range 2000 {
		in := direct(randomInput(rng))
		if rng.IntN(3) == 0 {
			in.Budget = Cents(rng.Int64N(100)) // few cents: many ties and zeros
		}
		if got, want := fastOnly(t, in), exactOnly(t, in); !slices.Equal(got, want) {
			t.Fatalf("fast %v, exact %v (budget %d)", got, want, in.Budget)
		}
	}
}

// Inputs where the estimates cannot decide: equal units (every remainder
// the same, ties to the first), and amounts that are whole cents.
func TestFastPathUndecidableCases(t *testing.T) {
	equal := single(10, 7, 7, 7, 7, 7, 7)
	whole := single(1000, 1, 2, 3, 4)
	nearlyEqual := single(1_000_000_007, 1_000_000, 1_000_001, 1_000_000, 999_999)
	half := single(3, 1, 1) // remainders of exactly one half
	for name, in := range map[string]Input{"equal": equal, "whole": whole, "nearly equal": nearlyEqual, "half": half} {
		if got, want := fastOnly(t, in), exactOnly(t, in); !slices.Equal(got, want) {
			t.Errorf("%s: fast %v, exact %v", name, got, want)
		}
	}
}

// Many units with values that differ by one: remainders a hair apart.
func TestFastPathCloseRemainders(t *testing.T) {
	in := Input{Budget: 99_999_999, IndicatorShare: big.NewRat(1, 1), Indicators: []Indicator{{Key: "k", Weight: big.NewRat(1, 1)}}}
	for u := range 3000 {
		in.Units = append(in.Units, Unit{Values: []*big.Rat{big.NewRat(int64(1_000_000_000_000+u%7), 1)}})
	}
	if got, want := fastOnly(t, in), exactOnly(t, in); !slices.Equal(got, want) {
		t.Error("fast and exact differ")
	}
}

func TestFastPathStepsAside(t *testing.T) {
	in := essenLike() // has an inverse indicator
	cols, _ := newColumns(&in)
	if _, ok := fastAmounts(cols, in.Budget, len(in.Units)); ok {
		t.Error("inverse indicators must take the exact path")
	}
	huge := single(1<<62, 1, 2)
	cols, _ = newColumns(&huge)
	if _, ok := fastAmounts(cols, huge.Budget, len(huge.Units)); ok {
		t.Error("a budget of 2^62 cents must take the exact path")
	}
	wide := single(100, 1, 2)
	wide.Units[0].Values[0] = new(big.Rat).SetInt(new(big.Int).Lsh(big.NewInt(3), 70))
	cols, _ = newColumns(&wide)
	if _, ok := fastAmounts(cols, wide.Budget, len(wide.Units)); ok {
		t.Error("values over 63 bits must take the exact path")
	}
	if got, want := amounts(t, wide), exactOnly(t, wide); !slices.Equal(got, want) {
		t.Errorf("Run %v, exact %v", got, want)
	}
}

// Targets equals Shares exactly, in lowest terms (as a ledger or a
// report prints the fraction), with and without inverse indicators.
func TestPropertyTargetsEqualShares(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	for i := range 1000 {
		in := randomInput(rng)
		if i%2 == 0 {
			in = direct(in)
		}
		res, err := Run(in)
		if err != nil {
			continue // inputs the model refuses
		}
		checkTargets(t, res)
	}
}

// checkTargets compares Targets, TargetShare and TargetsFrom (from the
// second unit on) with Shares for every unit.
func checkTargets(t *testing.T, res *Result) {
	t.Helper()
	n := len(res.Units)
	composites, targets := make([]*big.Rat, n-1), make([]*big.Rat, n-1)
	res.TargetsFrom(1, composites, targets)
	onlyTargets := make([]*big.Rat, n-1)
	res.TargetsFrom(1, nil, onlyTargets)
	for u := range res.Units {
		s := res.Shares(u)
		composite, target := res.Targets(u)
		if !sameTerms(composite, s.Composite) || !sameTerms(target, s.Target) || !sameTerms(res.TargetShare(u), s.Target) {
			t.Fatalf("unit %d: Targets %s, %s; Shares %s, %s", u, composite, target, s.Composite, s.Target)
		}
		if u > 0 && (!sameTerms(composites[u-1], s.Composite) || !sameTerms(targets[u-1], s.Target) || !sameTerms(onlyTargets[u-1], s.Target)) {
			t.Fatalf("unit %d: TargetsFrom %s, %s; Shares %s, %s", u, composites[u-1], targets[u-1], s.Composite, s.Target)
		}
	}
}

// Values whose numerator, denominator or scaled integer do not fit in a
// word take the sums of big integers; a denominator piece beyond a word
// reduces with SetFrac: the same fractions either way.
func TestTargetsBeyondWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 37))
	huge, _ := new(big.Rat).SetString("123456789012345678901234567/7")
	for i := range 200 {
		in := direct(randomInput(rng))
		if len(in.Units) < 2 {
			continue
		}
		u, k := rng.IntN(len(in.Units)), rng.IntN(len(in.Indicators))
		switch i % 4 {
		case 0:
			in.Units[u].Values[k] = new(big.Rat).Set(huge) // beyond 63 bits
		case 1:
			in.Units[u].Values[k] = big.NewRat(1<<62, 1) // fits, its scaled integer does not
			in.Units[(u+1)%len(in.Units)].Values[k] = big.NewRat(1, 100)
		case 2:
			in.Units[u].Spending = big.NewRat(rng.Int64N(1<<40)+1, 9_999_999_967) // a large prime denominator
		case 3:
			in.Units[u].Values[k] = big.NewRat(rng.Int64N(1<<40)+1, 3_999_999_979)
			in.Units[(u+1)%len(in.Units)].Values[k] = big.NewRat(rng.Int64N(1<<40)+1, 4_000_000_007)
		}
		res, err := Run(in)
		if err != nil {
			continue
		}
		checkTargets(t, res)
	}
}

// selectFirst leaves the element of rank m at m, the ones before it in
// the order on its left and the others on its right, for orders with
// many equal keys (ties by index) and for every m.
func TestSelectFirst(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 43))
	for range 2000 {
		n := 1 + rng.IntN(60)
		keys := make([]int, n)
		for i := range keys {
			keys[i] = rng.IntN(1 + rng.IntN(n))
		}
		before := func(a, b int) bool { return keys[a] > keys[b] || keys[a] == keys[b] && a < b }
		sorted := make([]int, n)
		for i := range sorted {
			sorted[i] = i
		}
		slices.SortFunc(sorted, func(a, b int) int {
			if before(a, b) {
				return -1
			}
			return 1
		})
		m := rng.IntN(n)
		x := rng.Perm(n)
		selectFirst(x, m, before)
		if x[m] != sorted[m] {
			t.Fatalf("keys %v, m %d: %d at m, want %d", keys, m, x[m], sorted[m])
		}
		first := slices.Clone(x[:m])
		slices.Sort(first)
		want := slices.Clone(sorted[:m])
		slices.Sort(want)
		if !slices.Equal(first, want) {
			t.Fatalf("keys %v, m %d: first %v, want %v", keys, m, first, want)
		}
	}
}
