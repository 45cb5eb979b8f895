package allocate

import (
	"errors"
	"math/big"
	"slices"
	"testing"
)

func r(s string) *big.Rat {
	v, ok := new(big.Rat).SetString(s)
	if !ok {
		panic("bad rational " + s)
	}
	return v
}

// single builds an input with one indicator of weight 1 and α = 1: the
// classic apportionment of seats (here cents) by population.
func single(budget Cents, values ...int64) Input {
	in := Input{Budget: budget, IndicatorShare: r("1"),
		Indicators: []Indicator{{Key: "pop", Weight: r("1")}}}
	for _, v := range values {
		in.Units = append(in.Units, Unit{Name: "u", Values: []*big.Rat{big.NewRat(v, 1)}})
	}
	return in
}

func amounts(t *testing.T, in Input) []Cents {
	t.Helper()
	res, err := Run(in)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	out := make([]Cents, len(res.Units))
	for i, u := range res.Units {
		out[i] = u.Amount
	}
	return out
}

func TestPublishedApportionments(t *testing.T) {
	tests := []struct {
		name   string
		in     Input
		amount []Cents
	}{
		// Alabama paradox: one more seat to share, and the third state loses one.
		{"alabama 44", single(44, 21878, 9713, 4167, 3252, 1065), []Cents{24, 11, 5, 3, 1}},
		{"alabama 43", single(43, 21878, 9713, 4167, 3252, 1065), []Cents{24, 10, 4, 4, 1}},
		// Equal remainders go to the unit that comes first.
		{"ties first", single(2, 2, 1, 1, 2, 2), []Cents{1, 0, 0, 1, 0}},
		{"all equal", single(10, 1, 1, 1), []Cents{4, 3, 3}},
		{"zero budget", single(0, 5, 7), []Cents{0, 0}},
		{"one unit", single(12345, 9), []Cents{12345}},
		{"unit with nothing", single(100, 0, 3), []Cents{0, 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := amounts(t, tt.in); !slices.Equal(got, tt.amount) {
				t.Errorf("amounts = %v, want %v", got, tt.amount)
			}
		})
	}
}

// essenLike is a small worked example with every part of the formula:
// two direct indicators, one inverse, and 40 % history.
func essenLike() Input {
	return Input{
		Budget:         1_000_00,
		IndicatorShare: r("0.6"),
		Indicators: []Indicator{
			{Key: "youth", Weight: r("0.5")},
			{Key: "sgb", Weight: r("0.25")},
			{Key: "green", Weight: r("0.25"), Inverse: true},
		},
		Units: []Unit{
			{Name: "A", Values: []*big.Rat{r("100"), r("10"), r("1")}, Spending: r("300")},
			{Name: "B", Values: []*big.Rat{r("300"), r("30"), r("2")}, Spending: r("100")},
			{Name: "C", Values: []*big.Rat{r("100"), r("60"), r("4")}, Spending: r("0")},
		},
	}
}

func TestWorkedExample(t *testing.T) {
	res, err := Run(essenLike())
	if err != nil {
		t.Fatal(err)
	}
	// youth shares 1/5, 3/5, 1/5; sgb 1/10, 3/10, 6/10;
	// green 1/1, 1/2, 1/4 of 7/4 → 4/7, 2/7, 1/7; history 3/4, 1/4, 0.
	// c(A) = 1/10 + 1/40 + 1/7 = 75/280; p(A) = 3/5·75/280 + 2/5·3/4 = 129/280;
	// E(A) = 100000 · 129/280 cents. The floors leave 2 cents, which go to
	// B (remainder 5/7) and C (6/7), not A (3/7).
	want := []struct {
		composite, target, exact string
		amount                   Cents
		parts                    []Cents
	}{
		{"75/280", "129/280", "322500/7", 46071, []Cents{6000, 1500, 8571, 30000}},
		{"125/280", "103/280", "257500/7", 36786, []Cents{18000, 4500, 4286, 10000}},
		{"80/280", "48/280", "120000/7", 17143, []Cents{6000, 9000, 2143, 0}},
	}
	for i, u := range res.Units {
		sh, exact, parts := res.Shares(i), res.Exact(i), res.Contributions(i)
		if sh.Composite.Cmp(r(want[i].composite)) != 0 || sh.Target.Cmp(r(want[i].target)) != 0 || exact.Cmp(r(want[i].exact)) != 0 {
			t.Errorf("%s: composite %s target %s exact %s, want %s %s %s", u.Name,
				sh.Composite.RatString(), sh.Target.RatString(), exact.RatString(),
				want[i].composite, want[i].target, want[i].exact)
		}
		if u.Amount != want[i].amount {
			t.Errorf("%s: amount %d, want %d", u.Name, u.Amount, want[i].amount)
		}
		if !slices.Equal(parts, want[i].parts) {
			t.Errorf("%s: contributions %v, want %v", u.Name, parts, want[i].parts)
		}
	}
}

func TestInputErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Input)
		unit   int
		key    string
	}{
		{"budget below 0", func(in *Input) { in.Budget = -1 }, -1, ""},
		{"alpha above 1", func(in *Input) { in.IndicatorShare = r("1.1") }, -1, ""},
		{"alpha below 0", func(in *Input) { in.IndicatorShare = r("-0.1") }, -1, ""},
		{"weights sum below 1", func(in *Input) { in.Indicators[0].Weight = r("0.4") }, -1, ""},
		{"negative weight", func(in *Input) { in.Indicators[0].Weight = r("-0.5") }, -1, "youth"},
		{"negative value", func(in *Input) { in.Units[1].Values[1] = r("-1") }, 1, "sgb"},
		{"missing value", func(in *Input) { in.Units[2].Values[0] = nil }, 2, "youth"},
		{"negative spending", func(in *Input) { in.Units[0].Spending = r("-3") }, 0, SpendingKey},
		{"inverse zero", func(in *Input) { in.Units[2].Values[2] = r("0") }, 2, "green"},
		{"zero total with weight", func(in *Input) {
			for _, u := range in.Units {
				u.Values[1].SetInt64(0)
			}
		}, -1, "sgb"},
		{"no spending below α 1", func(in *Input) {
			for i := range in.Units {
				in.Units[i].Spending = nil
			}
		}, -1, SpendingKey},
		{"no units", func(in *Input) { in.Units = nil }, -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := essenLike()
			tt.change(&in)
			_, err := Run(in)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want *InputError", err)
			}
			if ie.Unit != tt.unit || ie.Key != tt.key {
				t.Errorf("error at unit %d key %q, want unit %d key %q (%s)", ie.Unit, ie.Key, tt.unit, tt.key, ie.Msg)
			}
		})
	}
}

func TestZeroWeightZeroTotalIsAllowed(t *testing.T) {
	in := essenLike()
	in.Indicators[0].Weight = r("0")
	in.Indicators[1].Weight = r("0.75")
	for _, u := range in.Units {
		u.Values[0].SetInt64(0)
	}
	if _, err := Run(in); err != nil {
		t.Fatalf("Run: %v", err)
	}
}

func TestNoSpendingAtFullIndicatorShare(t *testing.T) {
	in := essenLike()
	in.IndicatorShare = r("1")
	for i := range in.Units {
		in.Units[i].Spending = nil
	}
	res, err := Run(in)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if h := res.Shares(0).History; h.Sign() != 0 {
		t.Errorf("history share %s, want 0", h.RatString())
	}
}

func TestCentsString(t *testing.T) {
	for c, want := range map[Cents]string{0: "0.00", 5: "0.05", -7: "-0.07", 123456: "1234.56", -100: "-1.00"} {
		if got := c.String(); got != want {
			t.Errorf("Cents(%d) = %q, want %q", c, got, want)
		}
	}
}
