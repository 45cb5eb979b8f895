package allocate

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

func TestPropertyPartsExplainTheAmount(t *testing.T) {
	forRandomInputs(t, func(t *testing.T, in Input, res *Result) {
		for u := range res.Units {
			sum := new(big.Rat)
			for _, p := range res.Parts(u) {
				sum.Add(sum, p.Exact)
				want := new(big.Rat).Mul(p.Share, p.Weight)
				want.Mul(want, in.Budget.Rat())
				if want.Cmp(p.Exact) != 0 {
					t.Fatalf("unit %d %s: %s ≠ share × weight × budget %s", u, p.Key, p.Exact.RatString(), want.RatString())
				}
			}
			if sum.Cmp(res.Exact(u)) != 0 {
				t.Fatalf("unit %d: parts add to %s, exact %s", u, sum.RatString(), res.Exact(u).RatString())
			}
		}
	})
}

func TestPropertyDecompositionAddsUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	forRandomInputs(t, func(t *testing.T, old Input, before *Result) {
		next := cloneInput(old)
		next.Budget = Cents(rng.Int64N(10_000_000_000))
		next.IndicatorShare = big.NewRat(rng.Int64N(11), 10)
		for _, u := range next.Units {
			for k := range u.Values {
				if !old.Indicators[k].Inverse {
					u.Values[k].Add(u.Values[k], big.NewRat(rng.Int64N(100), 1))
				}
			}
			u.Spending.Add(u.Spending, big.NewRat(rng.Int64N(100), 1))
		}
		parts, err := Decompose(old, next)
		if err != nil {
			t.Fatal(err)
		}
		after, err := Run(next)
		if err != nil {
			t.Fatal(err)
		}
		for u := range parts {
			sum := new(big.Rat)
			for _, p := range parts[u] {
				sum.Add(sum, p.Exact)
			}
			want := new(big.Rat).Sub(after.Exact(u), before.Exact(u))
			if sum.Cmp(want) != 0 || len(parts[u]) != len(old.Indicators)+3 {
				t.Fatalf("unit %d: %d parts add to %s, change %s", u, len(parts[u]), sum.RatString(), want.RatString())
			}
		}
	})
}

func TestDecomposeBudgetOnly(t *testing.T) {
	old := essenLike()
	next := essenLike()
	next.Budget = 2 * old.Budget
	parts, err := Decompose(old, next)
	if err != nil {
		t.Fatal(err)
	}
	// A's exact amount doubles from 322500/7: all of it the budget's doing.
	for _, p := range parts[0] {
		want := "0"
		if p.Key == "budget" {
			want = "322500/7"
		}
		if p.Exact.RatString() != want {
			t.Errorf("%s: %s, want %s", p.Key, p.Exact.RatString(), want)
		}
	}
}

func TestDecomposeNeedsTheSameUnits(t *testing.T) {
	old, next := essenLike(), essenLike()
	next.Units[1].Name = "X"
	if _, err := Decompose(old, next); err == nil {
		t.Error("want an error for a renamed unit")
	}
}

// Each part sits at its named step: changing one input alone moves only
// the part at that input's position, under that input's key. Callers pick
// parts by these positions (explain takes the budget's and the indicator
// share's), so a reordered step must move its position with it.
func TestDecomposeStepsAreWhereTheirNamesSay(t *testing.T) {
	for name, tc := range map[string]struct {
		change func(*Input)
		step   int
		key    string
	}{
		"budget":          {func(in *Input) { in.Budget *= 3 }, BudgetStep, BudgetKey},
		"indicator share": {func(in *Input) { in.IndicatorShare = r("0.9") }, IndicatorShareStep, IndicatorShareKey},
		"first indicator": {func(in *Input) { in.Units[0].Values[0] = r("250") }, FirstIndicatorStep, "youth"},
		"last indicator":  {func(in *Input) { in.Units[2].Values[2] = r("8") }, FirstIndicatorStep + 2, "green"},
		"spending":        {func(in *Input) { in.Units[1].Spending = r("500") }, FirstIndicatorStep + 3, SpendingKey},
	} {
		old, next := essenLike(), essenLike()
		tc.change(&next)
		parts, err := Decompose(old, next)
		if err != nil {
			t.Fatal(err)
		}
		if parts[0][tc.step].Exact.Sign() == 0 {
			t.Errorf("%s: A's part %d did not move", name, tc.step)
		}
		for u := range parts {
			if got := parts[u][tc.step].Key; got != tc.key {
				t.Errorf("%s: part %d is %q, want %q", name, tc.step, got, tc.key)
			}
			for i, p := range parts[u] {
				if i != tc.step && p.Exact.Sign() != 0 {
					t.Errorf("%s: unit %d part %d (%s) = %s, want 0", name, u, i, p.Key, p.Exact.RatString())
				}
			}
		}
	}
}
