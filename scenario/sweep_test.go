package scenario

import (
	"math/big"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
)

// twoIndicators is a city where youth and SGB recipients point in
// different directions.
func twoIndicators() allocate.Input {
	in := allocate.Input{Budget: 1_000_000_00, IndicatorShare: rat("1"),
		Indicators: []allocate.Indicator{{Key: "youth", Weight: rat("0.5")}, {Key: "sgb", Weight: rat("0.3")}, {Key: "space", Weight: rat("0.2")}}}
	for i, v := range [][3]string{{"100", "900", "5"}, {"300", "300", "5"}, {"600", "100", "5"}} {
		in.Units = append(in.Units, allocate.Unit{Name: string(rune('A' + i)), Values: []*big.Rat{rat(v[0]), rat(v[1]), rat(v[2])}})
	}
	return in
}

func TestSweepEndpointsEqualPlainRuns(t *testing.T) {
	in := twoIndicators()
	res, err := RunSweep(in, Vary{Key: "sgb", From: rat("0"), To: rat("0.6"), Step: rat("0.25")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range res.Steps {
		got = append(got, s.Weight.RatString())
	}
	if want := []string{"0", "1/4", "1/2", "3/5"}; !slices.Equal(got, want) {
		t.Fatalf("steps %v, want %v (the end is included)", got, want)
	}
	for _, s := range []SweepStep{res.Steps[0], res.Steps[3]} {
		plain := twoIndicators()
		sum := new(big.Rat)
		for k := range plain.Indicators {
			plain.Indicators[k].Weight = s.Weights[k]
			sum.Add(sum, s.Weights[k])
		}
		if sum.Cmp(big.NewRat(1, 1)) != 0 {
			t.Errorf("weights at %s sum to %s", s.Weight.RatString(), sum.RatString())
		}
		// The others keep their proportion 0.5 : 0.2.
		ratio := new(big.Rat).Quo(s.Weights[0], s.Weights[2])
		if ratio.Cmp(rat("5/2")) != 0 {
			t.Errorf("youth : space = %s at %s", ratio.RatString(), s.Weight.RatString())
		}
		r, err := allocate.Run(plain)
		if err != nil {
			t.Fatal(err)
		}
		for u, unit := range r.Units {
			if unit.Amount != s.Amounts[u] {
				t.Errorf("at %s unit %d: sweep %d, run %d", s.Weight.RatString(), u, s.Amounts[u], unit.Amount)
			}
		}
	}
}

func TestSweepCrossingsAreExact(t *testing.T) {
	in := twoIndicators()
	reference := []allocate.Cents{300_000_00, 300_000_00, 400_000_00}
	res, err := RunSweep(in, Vary{Key: "sgb", From: rat("0"), To: rat("1"), Step: rat("0.1")}, reference)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Crossings) == 0 {
		t.Fatal("no crossings")
	}
	for _, c := range res.Crossings {
		s, _ := allocate.NewSweep(in)
		p, err := s.At(weightsAt(in, 1, c.Weight))
		if err != nil {
			t.Fatal(err)
		}
		if p.Exact(c.Unit).Cmp(reference[c.Unit].Rat()) != 0 {
			t.Errorf("unit %d at %s: exact %s, reference %d", c.Unit, c.Weight.FloatString(4), p.Exact(c.Unit).FloatString(2), reference[c.Unit])
		}
	}
	// A has the most SGB recipients: more weight on them lifts it.
	if res.Crossings[0].Unit != 0 || !res.Crossings[0].Rising {
		t.Errorf("first crossing %+v, want A rising", res.Crossings[0])
	}
}

func TestSweepErrors(t *testing.T) {
	in := twoIndicators()
	for name, v := range map[string]Vary{
		"unknown":   {Key: "nope", From: rat("0"), To: rat("1"), Step: rat("0.1")},
		"backwards": {Key: "sgb", From: rat("0.5"), To: rat("0.1"), Step: rat("0.1")},
		"above 1":   {Key: "sgb", From: rat("0"), To: rat("1.5"), Step: rat("0.1")},
		"no step":   {Key: "sgb", From: rat("0"), To: rat("1"), Step: rat("0")},
		"too many":  {Key: "sgb", From: rat("0"), To: rat("1"), Step: rat("1/10000000")},
	} {
		if _, err := RunSweep(in, v, nil); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
	all := twoIndicators()
	all.Indicators[0].Weight, all.Indicators[1].Weight, all.Indicators[2].Weight = rat("0"), rat("1"), rat("0")
	if _, err := RunSweep(all, Vary{Key: "sgb", From: rat("0"), To: rat("1"), Step: rat("0.5")}, nil); err == nil {
		t.Error("all weight on the varied indicator: want an error")
	}
}

// BenchmarkRunSweep is the planner's sweep: 10,000 weights over 50 units.
func BenchmarkRunSweep(b *testing.B) {
	in := allocate.Input{Budget: 12_000_000_00, IndicatorShare: rat("1")}
	for _, key := range []string{"youth", "sgb", "migrants", "space"} {
		in.Indicators = append(in.Indicators, allocate.Indicator{Key: key, Weight: rat("1/4")})
	}
	for u := range 50 {
		v := func(k int) *big.Rat { return big.NewRat(int64(1000+(u*7919+k*104729)%20000), 1) }
		in.Units = append(in.Units, allocate.Unit{Name: string(rune('A' + u)), Values: []*big.Rat{v(1), v(2), v(3), v(4)}})
	}
	v := Vary{Key: "sgb", From: rat("0"), To: rat("1"), Step: rat("1/9999")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := RunSweep(in, v, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func TestSweepReportsEachStep(t *testing.T) {
	var calls atomic.Int64
	v := Vary{Key: "sgb", From: rat("0"), To: rat("1"), Step: rat("0.01"), OnStep: func() { calls.Add(1) }}
	res, err := RunSweep(twoIndicators(), v, nil)
	if err != nil {
		t.Fatal(err)
	}
	if int(calls.Load()) != len(res.Steps) || len(res.Steps) != 101 {
		t.Errorf("%d calls for %d steps", calls.Load(), len(res.Steps))
	}
}

// The steps are From, From+Step, … and To itself, computed one by one.
func TestSweepStepsOneByOne(t *testing.T) {
	for text, want := range map[string][]string{
		"0:1:3/10":   {"0", "3/10", "3/5", "9/10", "1"},
		"0:1:1/4":    {"0", "1/4", "1/2", "3/4", "1"},
		"1/2:1/2:1":  {"1/2"},
		"1/10:1/5:1": {"1/10", "1/5"},
	} {
		var parts [3]*big.Rat
		for i, p := range strings.Split(text, ":") {
			parts[i], _ = new(big.Rat).SetString(p)
		}
		v := Vary{From: parts[0], To: parts[1], Step: parts[2]}
		n, err := v.stepCount()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for i := range n {
			got = append(got, v.stepAt(i, n).RatString())
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: steps %v, want %v", text, got, want)
		}
	}
}
