package scenario

import (
	"math/big"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
)

func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic(s)
	}
	return r
}

func TestPeriod(t *testing.T) {
	p, err := ParsePeriod(" 2026-q4 ")
	if err != nil || p != (Period{2026, 4}) || p.String() != "2026-Q4" {
		t.Fatalf("ParsePeriod = %v, %v", p, err)
	}
	if got := p.Add(1); got != (Period{2027, 1}) {
		t.Errorf("2026-Q4 + 1 = %s", got)
	}
	if got := p.Add(-4); got != (Period{2025, 4}) {
		t.Errorf("2026-Q4 - 4 = %s", got)
	}
	if !p.Before(Period{2027, 1}) || p.Before(p) {
		t.Error("Before")
	}
	for _, bad := range []string{"2026", "2026-Q5", "2026-Q0", "26-Q1", "Q1-2026", "2026-Qx"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q): want an error", bad)
		}
	}
}

func TestRule(t *testing.T) {
	tests := []struct {
		name string
		rule Rule
		want string // α of periods 0, 1, ...
	}{
		{"essen", EssenRule(), "3/5 7/10 4/5 9/10 1 1 1"},
		{"every 2", Rule{rat("0.6"), rat("1"), rat("0.1"), 2}, "3/5 3/5 7/10 7/10 4/5 4/5 9/10 9/10 1"},
		{"uneven step", Rule{rat("0.6"), rat("1"), rat("0.15"), 1}, "3/5 3/4 9/10 1 1"},
		{"at target", Rule{rat("1"), rat("1"), rat("0.1"), 1}, "1 1 1"},
		{"no step", Rule{rat("0.6"), rat("1"), rat("0"), 1}, "3/5 3/5"},
	}
	for _, tt := range tests {
		s := Schedule{Rule: tt.rule}
		if err := s.Validate(); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []string
		for i := range len(strings.Fields(tt.want)) {
			a, _ := s.At(i, Period{2026, 1}.Add(i))
			got = append(got, a.RatString())
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: %v, want %s", tt.name, got, tt.want)
		}
	}
}

func TestScheduleList(t *testing.T) {
	s := Schedule{List: []Step{{Period{2026, 2}, rat("0.6")}, {Period{2026, 4}, rat("0.8")}}}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	want := map[Period]string{{2026, 2}: "3/5", {2026, 3}: "3/5", {2026, 4}: "4/5", {2027, 3}: "4/5"}
	for p, w := range want {
		if a, err := s.At(0, p); err != nil || a.RatString() != w {
			t.Errorf("At(%s) = %v, %v; want %s", p, a, err, w)
		}
	}
	if _, err := s.At(0, Period{2026, 1}); err == nil {
		t.Error("a period before the list: want an error")
	}
}

func TestScheduleInvalid(t *testing.T) {
	for name, s := range map[string]Schedule{
		"from above to":     {Rule: Rule{rat("0.8"), rat("0.6"), rat("0.1"), 1}},
		"to above 1":        {Rule: Rule{rat("0.6"), rat("1.1"), rat("0.1"), 1}},
		"negative step":     {Rule: Rule{rat("0.6"), rat("1"), rat("-0.1"), 1}},
		"every 0":           {Rule: Rule{rat("0.6"), rat("1"), rat("0.1"), 0}},
		"list out of order": {List: []Step{{Period{2026, 2}, rat("0.6")}, {Period{2026, 1}, rat("0.7")}}},
		"list share":        {List: []Step{{Period{2026, 2}, rat("1.5")}}},
	} {
		if err := s.Validate(); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

func TestQuarterBudgets(t *testing.T) {
	def := allocate.Cents(48_000_000_03)
	b := Budgets{Default: &def, ByYear: map[int]allocate.Cents{2027: 49_500_000_00}}
	want := map[Period]allocate.Cents{
		{2026, 1}: 12_000_000_01, {2026, 2}: 12_000_000_01, {2026, 3}: 12_000_000_01, {2026, 4}: 12_000_000_00,
		{2027, 1}: 12_375_000_00, {2027, 4}: 12_375_000_00,
	}
	for p, w := range want {
		if got, err := b.Quarter(p); err != nil || got != w {
			t.Errorf("Quarter(%s) = %d, %v; want %d", p, got, err, w)
		}
	}
	var sum allocate.Cents
	for q := 1; q <= 4; q++ {
		c, _ := b.Quarter(Period{2026, q})
		sum += c
	}
	if sum != def {
		t.Errorf("quarters of 2026 add to %d, not %d", sum, def)
	}
	if _, err := (Budgets{ByYear: map[int]allocate.Cents{2026: 1}}).Quarter(Period{2028, 1}); err == nil {
		t.Error("a year without budget: want an error")
	}
}
