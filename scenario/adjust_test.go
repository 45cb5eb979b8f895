package scenario

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/indicators"
)

func TestParseAdjustment(t *testing.T) {
	for text, want := range map[string]string{"+10%": "110", "-5%": "95", "+2,5%": "205/2", "+500": "600", "-20.5": "159/2", "=1234": "1234"} {
		a, err := ParseAdjustment(text)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		if got := a.apply(big.NewRat(100, 1)).RatString(); got != want {
			t.Errorf("100 %s = %s, want %s", text, got, want)
		}
	}
	for _, bad := range []string{"10", "x%", "=", "+"} {
		if _, err := ParseAdjustment(bad); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

func adjustTable() *indicators.Table {
	return &indicators.Table{File: "d.csv", Indicators: []string{"youth_0_18"}, Units: []indicators.Unit{
		{Name: "Nord", Values: []*big.Rat{big.NewRat(100, 1)}, Spending: big.NewRat(50, 1)},
		{Name: "Süd", Values: []*big.Rat{big.NewRat(30, 1)}},
	}}
}

func TestAdjustChangesTheNamedValue(t *testing.T) {
	tab := adjustTable()
	adjust := []Adjustment{
		{Key: "youth_0_18", Unit: "Süd", Op: '%', Value: big.NewRat(10, 1)},
		{Key: "spending_prior_year", Unit: "Nord", Op: '=', Value: big.NewRat(7, 1)},
	}
	if err := Adjust(tab, adjust); err != nil {
		t.Fatal(err)
	}
	if got := tab.Units[1].Values[0].RatString(); got != "33" {
		t.Errorf("Süd youth = %s, want 33", got)
	}
	if got := tab.Units[0].Spending.RatString(); got != "7" {
		t.Errorf("Nord spending = %s, want 7", got)
	}
	if got := tab.Units[0].Values[0].RatString(); got != "100" {
		t.Errorf("Nord youth = %s, want it unchanged", got)
	}
}

func TestAdjustRefusesWhatDoesNotFit(t *testing.T) {
	for want, a := range map[string]Adjustment{
		`cfg:3: adjust: youth_0_18: unit "West" is not in d.csv`:                   {Key: "youth_0_18", Unit: "West", Op: '+', Value: big.NewRat(1, 1)},
		`cfg:3: adjust: youth_0_18: Süd: the value would fall below 0`:             {Key: "youth_0_18", Unit: "Süd", Op: '+', Value: big.NewRat(-31, 1)},
		`cfg:3: adjust: "area" is not a weighted indicator or spending_prior_year`: {Key: "area", Unit: "Süd", Op: '+', Value: big.NewRat(1, 1)},
	} {
		a.Place = "cfg:3: adjust"
		err := Adjust(adjustTable(), []Adjustment{a})
		var bad *AdjustError
		if !errors.As(err, &bad) || err.Error() != want {
			t.Errorf("error %v, want *AdjustError %q", err, want)
		}
	}
}

func FuzzParseAdjustment(f *testing.F) {
	for _, seed := range []string{"+10%", "-5%", "+500", "-200", "=1234", "+1e9", "%", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if _, err := ParseAdjustment(text); err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("%q: a message of more than one line: %q", text, err)
		}
	})
}
