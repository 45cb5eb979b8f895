package monitor

import (
	"math/big"
	"math/rand/v2"
	"testing"
)

// The oracle computes every figure of the model from its definitions in
// euros as exact fractions, independent of the package's cents and
// weights; roundCents rounds half away from zero.

func euro(cents int64) *big.Rat { return big.NewRat(cents, 100) }

func roundCents(x *big.Rat) int64 {
	c := new(big.Rat).Mul(x, big.NewRat(100, 1))
	f, _ := new(big.Float).SetPrec(200).SetRat(c).Int(nil) // truncates toward zero
	frac := new(big.Rat).Sub(c, new(big.Rat).SetInt(f))
	half := big.NewRat(1, 2)
	if frac.Cmp(half) >= 0 {
		f.Add(f, big.NewInt(1))
	} else if frac.Cmp(new(big.Rat).Neg(half)) <= 0 {
		f.Sub(f, big.NewInt(1))
	}
	return f.Int64()
}

type oracleRow struct {
	sollYear, sollToDate, istToDate, projection, deviation int64
	status                                                 Status
}

func oracle(in Input, method Method) []oracleRow {
	m := in.AsOf
	var f *big.Rat
	if method == Seasonal {
		num, den := new(big.Rat), new(big.Rat)
		for _, y := range in.Earlier {
			for k := 1; k <= 12; k++ {
				den.Add(den, euro(y.Months[k-1]))
				if k <= m {
					num.Add(num, euro(y.Months[k-1]))
				}
			}
		}
		f = new(big.Rat).Quo(num, den)
	}
	var rows []oracleRow
	for _, u := range in.Units {
		var r oracleRow
		soll := new(big.Rat)
		for q := 0; q < 4; q++ {
			r.sollYear += u.Quarters[q]
			k := 0
			for month := 3*q + 1; month <= 3*q+3; month++ {
				if month <= m {
					k++
				}
			}
			soll.Add(soll, new(big.Rat).Mul(euro(u.Quarters[q]), big.NewRat(int64(k), 3)))
		}
		r.sollToDate = roundCents(soll)
		ist := new(big.Rat)
		for k := 0; k < m; k++ {
			ist.Add(ist, euro(u.Ist[k]))
		}
		r.istToDate = roundCents(ist)
		proj := new(big.Rat).Mul(ist, big.NewRat(12, int64(m)))
		if f != nil {
			proj = new(big.Rat).Quo(ist, f)
		}
		r.projection = roundCents(proj)
		r.deviation = r.projection - r.sollYear
		r.status = Red
		pct := new(big.Rat)
		if r.sollYear != 0 {
			pct = big.NewRat(r.deviation, r.sollYear)
		}
		if r.deviation <= 0 {
			r.status = Green
		} else if r.sollYear != 0 && pct.Cmp(in.Tolerance) <= 0 {
			r.status = Yellow
		}
		rows = append(rows, r)
	}
	return rows
}

func randomInput(rng *rand.Rand) Input {
	in := Input{Year: 2026, AsOf: 1 + rng.IntN(12), Tolerance: big.NewRat(int64(rng.IntN(20)), 100)}
	n := 1 + rng.IntN(9)
	for i := 0; i < n; i++ {
		u := Unit{Name: string(rune('A' + i))}
		base := rng.Int64N(5e8)
		for q := range 4 {
			u.Quarters[q] = base + rng.Int64N(1e7)
			u.Planned[q] = q >= 2
		}
		cases, casesBefore := new([12]int64), new([12]int64)
		before := &Prior{Cases: casesBefore}
		for k := range 12 {
			u.Ist[k] = u.Quarters[k/3]/3 + rng.Int64N(2e7) - 1e7
			before.Ist[k] = u.Quarters[k/3]/3 + rng.Int64N(2e7) - 1e7
			cases[k] = 100 * (50 + rng.Int64N(200))
			casesBefore[k] = 100*(50+rng.Int64N(200)) + rng.Int64N(100)
		}
		u.Cases, u.Before = cases, before
		in.Units = append(in.Units, u)
	}
	for y := range 1 + rng.IntN(3) {
		e := YearIst{Year: 2025 - y}
		for k := range 12 {
			e.Months[k] = 1e8 + rng.Int64N(1e8)
		}
		in.Earlier = append(in.Earlier, e)
	}
	return in
}

func TestOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		in := randomInput(rng)
		for _, method := range []Method{Linear, Seasonal} {
			in.Method = method
			res, err := Run(in)
			if err != nil {
				t.Fatal(err)
			}
			for u, want := range oracle(in, method) {
				r := res.Units[u]
				got := oracleRow{r.SollYear, r.SollToDate, r.IstToDate, r.Projection, r.Deviation, r.Status}
				if got != want {
					t.Fatalf("case %d %v unit %d as of %d:\n got %+v\nwant %+v", i, method, u, in.AsOf, got, want)
				}
			}
		}
	}
}

// Totals are sums of the rounded unit figures; their ratios come from the
// sums; the path of the projection meets Ist at m and the projection at 12.
func TestTotalsAreSums(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 300; i++ {
		in := randomInput(rng)
		res, err := Run(in)
		if err != nil {
			t.Fatal(err)
		}
		var want Row
		for _, u := range res.Units {
			want.SollYear += u.SollYear
			want.SollToDate += u.SollToDate
			want.IstToDate += u.IstToDate
			want.Projection += u.Projection
			want.Deviation += u.Deviation
			if u.ProjCum[in.AsOf-1] != u.IstToDate || u.ProjCum[11] != u.Projection || u.SollCum[11] != u.SollYear {
				t.Fatalf("path of %s does not meet its figures: %+v", u.Unit, u)
			}
		}
		tot := res.Total
		if tot.SollYear != want.SollYear || tot.SollToDate != want.SollToDate || tot.IstToDate != want.IstToDate ||
			tot.Projection != want.Projection || tot.Deviation != want.Deviation {
			t.Fatalf("total %+v, sums %+v", tot, want)
		}
		if tot.Utilisation.Cmp(big.NewRat(want.IstToDate, want.SollToDate)) != 0 ||
			tot.DeviationPct.Cmp(big.NewRat(want.Deviation, want.SollYear)) != 0 {
			t.Fatalf("total ratios %v %v", tot.Utilisation, tot.DeviationPct)
		}
		if res.Method != Seasonal {
			t.Fatalf("auto chose %v with earlier years", res.Method)
		}
	}
}

// Case effect + cost effect = change, for every unit and the total; the
// case effect is the exact one rounded, the cost effect within a cent.
func TestCaseEffectsAddUp(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 300; i++ {
		in := randomInput(rng)
		res, err := Run(in)
		if err != nil {
			t.Fatal(err)
		}
		if !res.HasCases || res.Total.Cases == nil {
			t.Fatal("cases missing")
		}
		for u, r := range append(res.Units, res.Total) {
			c := r.Cases
			if c.CaseEffect == nil || *c.CaseEffect+*c.CostEffect != c.Change || c.Change != r.IstToDate-c.IstBefore {
				t.Fatalf("unit %d: %+v", u, c)
			}
			if u == len(res.Units) {
				continue
			}
			ist := euro(r.IstToDate)
			istBefore := euro(c.IstBefore)
			C, C0 := big.NewRat(c.CaseMonths, 100), big.NewRat(c.CaseMonthsBefore, 100)
			k, k0 := new(big.Rat).Quo(ist, C), new(big.Rat).Quo(istBefore, C0)
			caseEffect := new(big.Rat).Mul(new(big.Rat).Sub(C, C0), k0)
			costEffect := new(big.Rat).Mul(C, new(big.Rat).Sub(k, k0))
			if roundCents(caseEffect) != *c.CaseEffect {
				t.Fatalf("case effect %d, exact %s", *c.CaseEffect, caseEffect.FloatString(4))
			}
			diff := new(big.Rat).Sub(euro(*c.CostEffect), costEffect)
			if diff.Abs(diff).Cmp(big.NewRat(1, 100)) > 0 {
				t.Fatalf("cost effect %d, exact %s", *c.CostEffect, costEffect.FloatString(4))
			}
			if roundCents(k) != *c.CostPerCase {
				t.Fatalf("cost per case %d, exact %s", *c.CostPerCase, k.FloatString(4))
			}
		}
	}
}

func TestStatusAndUndefinedRatios(t *testing.T) {
	tol := big.NewRat(5, 100)
	for _, tc := range []struct {
		soll, proj int64
		want       Status
	}{
		{100000, 100000, Green}, {100000, 90000, Green}, {100000, 105000, Yellow}, {100000, 105001, Red}, {0, 1, Red}, {0, 0, Green},
	} {
		r := Row{SollYear: tc.soll, Projection: tc.proj}
		r.settle(tol)
		if r.Status != tc.want {
			t.Errorf("Soll %d, projection %d: %v, want %v", tc.soll, tc.proj, r.Status, tc.want)
		}
		if (tc.soll == 0) != (r.DeviationPct == nil) || r.Utilisation != nil {
			t.Errorf("Soll %d: ratios %v %v", tc.soll, r.DeviationPct, r.Utilisation)
		}
	}
}

func TestRound(t *testing.T) {
	for _, tc := range []struct {
		n, d, want int64
	}{{1, 2, 1}, {-1, 2, -1}, {3, 2, 2}, {-3, 2, -2}, {49, 100, 0}, {-51, 100, -1}, {7, 3, 2}, {-7, 3, -2}, {0, 5, 0}} {
		if got := Round(big.NewRat(tc.n, tc.d)); got != tc.want {
			t.Errorf("Round(%d/%d) = %d, want %d", tc.n, tc.d, got, tc.want)
		}
	}
}

func TestSeasonalNeedsEarlierYear(t *testing.T) {
	_, err := Run(Input{Year: 2026, AsOf: 4, Method: Seasonal, Tolerance: new(big.Rat), Units: []Unit{{Name: "A"}}})
	if _, ok := err.(*InputError); !ok {
		t.Fatalf("got %v", err)
	}
	res, err := Run(Input{Year: 2026, AsOf: 4, Tolerance: new(big.Rat), Units: []Unit{{Name: "A"}}})
	if err != nil || res.Method != Linear {
		t.Fatalf("auto without earlier years: %v %v", res, err)
	}
}
