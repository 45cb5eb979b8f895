package cmd

import (
	"math/big"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
)

func TestParseEuros(t *testing.T) {
	good := map[string]allocate.Cents{
		"12000000":       12_000_000_00,
		"12000000.50":    12_000_000_50,
		"12000000,5":     12_000_000_50,
		"12.000.000,50":  12_000_000_50,
		"12.000.000":     12_000_000_00,
		" 1234.5 ":       1234_50,
		"0":              0,
		"1.234.567,89 €": 1_234_567_89,
		// A dot or comma before three digits separates thousands: an
		// amount has at most two decimals (issue 13).
		"12.000":    12_000_00,
		"100.005":   100_005_00,
		"1,005":     1_005_00,
		"1.000 €":   1_000_00,
		"1.234,5":   1_234_50,
		"1,234.5":   1_234_50,
		"1,234,567": 1_234_567_00,
		"12.50":     12_50,
	}
	for in, want := range good {
		if got, err := parseEuros(in); err != nil || got != want {
			t.Errorf("parseEuros(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "abc", "-5", "0.500", "0,500", "100.0055", "1.234,567", "1,234.567", "12.5.0", "1e3", "99999999999999999999", "12.000,001"} {
		if got, err := parseEuros(in); err == nil {
			t.Errorf("parseEuros(%q) = %d, want an error", in, got)
		}
	}
}

func TestParseShare(t *testing.T) {
	good := map[string]string{"0.6": "3/5", "0,6": "3/5", "60%": "3/5", "60 %": "3/5", "3/5": "3/5", "1": "1", "0": "0", "12,5 %": "1/8"}
	for in, want := range good {
		got, err := parseShare(in)
		if err != nil || got.RatString() != want {
			t.Errorf("parseShare(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"", "x", "0x1p-2", "1/0", "5_0"} {
		if got, err := parseShare(in); err == nil {
			t.Errorf("parseShare(%q) = %s, want an error", in, got.RatString())
		}
	}
}

func TestParseWeights(t *testing.T) {
	w, err := parseWeights("youth_0_18=0.1, sgb_recipients = 0.9,")
	if err != nil || w["youth_0_18"].Cmp(big.NewRat(1, 10)) != 0 || w["sgb_recipients"].Cmp(big.NewRat(9, 10)) != 0 {
		t.Errorf("parseWeights = %v, %v", w, err)
	}
	w, err = parseWeights(map[string]any{"a": "1/3", "b": "2/3"})
	if err != nil || w["a"].Cmp(big.NewRat(1, 3)) != 0 {
		t.Errorf("parseWeights(map) = %v, %v", w, err)
	}
	for _, bad := range []any{"youth_0_18", "a=x", 5} {
		if _, err := parseWeights(bad); err == nil {
			t.Errorf("parseWeights(%v): want an error", bad)
		}
	}
}

func TestIndicatorOrder(t *testing.T) {
	w := map[string]*big.Rat{"zeta": nil, "open_space_m2": nil, "alpha": nil, "youth_0_18": nil}
	got := indicatorOrder(w)
	want := []string{"youth_0_18", "open_space_m2", "alpha", "zeta"}
	if len(got) != len(want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}

func TestPercentHint(t *testing.T) {
	for text, want := range map[string]string{"70": "; did you mean 70%?", "1.5": "", "2": "; did you mean 2%?", "62,5": "; did you mean 62,5%?", "100": "; did you mean 100%?",
		"101": "", "0.7": "", "1": "", "170%": ""} {
		x, err := parseShare(text)
		if err != nil {
			t.Fatal(err)
		}
		if got := percentHint(text, x); got != want {
			t.Errorf("percentHint(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestWeightKey(t *testing.T) {
	known := []string{"youth_0_18", "sgb_recipients", "migrant_youth_0_18", "open_space_m2", "kita"}
	headings := map[string]string{"Kinder in Kitas": "kita"}
	for name, want := range map[string]string{"SGB II/XII": "sgb_recipients", "einwohner 0–18": "youth_0_18", "Freifläche m2": "open_space_m2",
		"Kinder in Kitas": "kita", "kita": "kita", "Bezirksstelle": "Bezirksstelle", "nothing": "nothing", "youth_018": "youth_018", "Youth_0_18": "Youth_0_18"} {
		if got := weightKey(name, headings, known); got != want {
			t.Errorf("weightKey(%q) = %q, want %q", name, got, want)
		}
	}
}
