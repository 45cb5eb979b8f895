package allocate

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
)

// reference computes E(u) straight from the model's formulas with big.Rat,
// independently of the engine's integer path.
func reference(in Input) []*big.Rat {
	alpha := in.IndicatorShare
	composite := make([]*big.Rat, len(in.Units))
	for u := range composite {
		composite[u] = new(big.Rat)
	}
	for k, ind := range in.Indicators {
		x := func(u int) *big.Rat {
			if ind.Inverse {
				return new(big.Rat).Inv(in.Units[u].Values[k])
			}
			return in.Units[u].Values[k]
		}
		total := new(big.Rat)
		for u := range in.Units {
			total.Add(total, x(u))
		}
		for u := range in.Units {
			if total.Sign() > 0 {
				s := new(big.Rat).Quo(x(u), total)
				composite[u].Add(composite[u], s.Mul(s, ind.Weight))
			}
		}
	}
	spent := new(big.Rat)
	for _, unit := range in.Units {
		if unit.Spending != nil {
			spent.Add(spent, unit.Spending)
		}
	}
	exact := make([]*big.Rat, len(in.Units))
	for u, unit := range in.Units {
		p := new(big.Rat).Mul(alpha, composite[u])
		if spent.Sign() > 0 && unit.Spending != nil {
			h := new(big.Rat).Quo(unit.Spending, spent)
			p.Add(p, h.Mul(h, new(big.Rat).Sub(ratOne, alpha)))
		}
		exact[u] = p.Mul(p, in.Budget.Rat())
	}
	return exact
}

// randomDecimal is a value with up to two decimals, sometimes 0.
func randomDecimal(rng *rand.Rand) *big.Rat {
	if rng.IntN(10) == 0 {
		return new(big.Rat)
	}
	return big.NewRat(rng.Int64N(10_000_000), []int64{1, 10, 100}[rng.IntN(3)])
}

// randomInput draws a valid input: 1–40 units, 1–5 indicators (some
// inverse), weights in hundredths summing to 1, α in tenths.
func randomInput(rng *rand.Rand) Input {
	n, k := 1+rng.IntN(40), 1+rng.IntN(5)
	in := Input{Budget: Cents(rng.Int64N(10_000_000_000)), IndicatorShare: big.NewRat(rng.Int64N(11), 10)}
	left := int64(100)
	for i := range k {
		w := left
		if i < k-1 {
			w = rng.Int64N(left + 1)
		}
		left -= w
		in.Indicators = append(in.Indicators, Indicator{Key: string(rune('a' + i)), Weight: big.NewRat(w, 100), Inverse: rng.IntN(4) == 0})
	}
	for u := range n {
		unit := Unit{Name: string(rune('A' + u)), Spending: randomDecimal(rng)}
		for i := range k {
			v := randomDecimal(rng)
			if in.Indicators[i].Inverse && v.Sign() == 0 {
				v.SetInt64(1)
			}
			unit.Values = append(unit.Values, v)
		}
		in.Units = append(in.Units, unit)
	}
	ensurePositiveTotals(&in)
	return in
}

func ensurePositiveTotals(in *Input) {
	for k := range in.Indicators {
		in.Units[0].Values[k].Add(in.Units[0].Values[k], ratOne)
	}
	in.Units[0].Spending.Add(in.Units[0].Spending, ratOne)
}

func forRandomInputs(t *testing.T, check func(t *testing.T, in Input, res *Result)) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 400 {
		in := randomInput(rng)
		res, err := Run(in)
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		check(t, in, res)
		if t.Failed() {
			t.Logf("input: budget %d α %s indicators %v", in.Budget, in.IndicatorShare.RatString(), in.Indicators)
			return
		}
	}
}

func TestPropertyExactAndWithinACent(t *testing.T) {
	forRandomInputs(t, func(t *testing.T, in Input, res *Result) {
		if res.Total() != in.Budget {
			t.Errorf("total %d, budget %d", res.Total(), in.Budget)
		}
		for u, e := range reference(in) {
			got := res.Units[u]
			if exact := res.Exact(u); exact.Cmp(e) != 0 {
				t.Errorf("unit %d: exact %s, model %s", u, exact.RatString(), e.RatString())
			}
			if withinCent(got.Amount, e) == false {
				t.Errorf("unit %d: amount %d not within a cent of %s", u, got.Amount, e.FloatString(3))
			}
			want := new(big.Rat).Quo(e, in.Budget.Rat())
			if target := res.Shares(u).Target; in.Budget > 0 && target.Cmp(want) != 0 {
				t.Errorf("unit %d: target share %s, model %s", u, target.RatString(), want.RatString())
			}
		}
	})
}

func withinCent(amount Cents, exact *big.Rat) bool {
	d := new(big.Rat).Sub(amount.Rat(), exact)
	return d.Abs(d).Cmp(ratOne) < 0
}

func TestPropertyContributionsAddUp(t *testing.T) {
	forRandomInputs(t, func(t *testing.T, in Input, res *Result) {
		for i, u := range res.Units {
			parts := res.Contributions(i)
			var sum Cents
			for _, c := range parts {
				sum += c
			}
			if sum != u.Amount || len(parts) != len(in.Indicators)+1 {
				t.Errorf("%s: contributions %v add to %d, amount %d", u.Name, parts, sum, u.Amount)
			}
		}
	})
}

func TestPropertyScalingAColumnChangesNothing(t *testing.T) {
	forRandomInputs(t, func(t *testing.T, in Input, res *Result) {
		scaled := cloneInput(in)
		factor := big.NewRat(7, 3)
		for _, u := range scaled.Units {
			u.Values[0].Mul(u.Values[0], factor)
			u.Spending.Mul(u.Spending, factor)
		}
		if got, want := amounts(t, scaled), amountsOf(res); !slices.Equal(got, want) {
			t.Errorf("scaled: %v, original %v", got, want)
		}
	})
}

func TestPropertyReorderingChangesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	forRandomInputs(t, func(t *testing.T, in Input, res *Result) {
		if hasTiedRemainders(reference(in)) {
			return // ties go to the first unit, so order may matter there
		}
		perm := rng.Perm(len(in.Units))
		shuffled := cloneInput(in)
		for i, p := range perm {
			shuffled.Units[i] = cloneInput(in).Units[p]
		}
		got := amounts(t, shuffled)
		for i, p := range perm {
			if got[i] != res.Units[p].Amount {
				t.Errorf("unit %d moved to %d: %d, was %d", p, i, got[i], res.Units[p].Amount)
			}
		}
	})
}

func hasTiedRemainders(exact []*big.Rat) bool {
	seen := map[string]bool{}
	for _, e := range exact {
		q, m := new(big.Int).QuoRem(e.Num(), e.Denom(), new(big.Int))
		_ = q
		frac := new(big.Rat).SetFrac(m, e.Denom()).RatString()
		if seen[frac] {
			return true
		}
		seen[frac] = true
	}
	return false
}

func TestPropertyAlphaZeroIsHistorySplit(t *testing.T) {
	forRandomInputs(t, func(t *testing.T, in Input, _ *Result) {
		in.IndicatorShare = new(big.Rat)
		spent := make([]*big.Rat, len(in.Units))
		total := new(big.Rat)
		for u, unit := range in.Units {
			total.Add(total, unit.Spending)
			spent[u] = unit.Spending
		}
		exact := make([]*big.Rat, len(spent))
		for u, s := range spent {
			exact[u] = new(big.Rat).Mul(s, in.Budget.Rat())
			exact[u].Quo(exact[u], total)
		}
		if got, want := amounts(t, in), Apportion(in.Budget, exact); !slices.Equal(got, want) {
			t.Errorf("α = 0: %v, history split %v", got, want)
		}
	})
}

func TestPropertyAlphaOneIgnoresSpending(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	forRandomInputs(t, func(t *testing.T, in Input, _ *Result) {
		in.IndicatorShare = big.NewRat(1, 1)
		before := amounts(t, in)
		for i := range in.Units {
			in.Units[i].Spending = randomDecimal(rng)
		}
		if after := amounts(t, in); !slices.Equal(before, after) {
			t.Errorf("α = 1 depends on spending: %v then %v", before, after)
		}
	})
}

func cloneInput(in Input) Input {
	out := in
	out.Units = make([]Unit, len(in.Units))
	for i, u := range in.Units {
		out.Units[i] = Unit{Name: u.Name, Spending: new(big.Rat).Set(u.Spending)}
		for _, v := range u.Values {
			out.Units[i].Values = append(out.Units[i].Values, new(big.Rat).Set(v))
		}
	}
	return out
}

func amountsOf(res *Result) []Cents {
	out := make([]Cents, len(res.Units))
	for i, u := range res.Units {
		out[i] = u.Amount
	}
	return out
}
