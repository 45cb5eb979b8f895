package report

import (
	"math/big"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
)

func TestEuros(t *testing.T) {
	tests := []struct {
		cents  allocate.Cents
		de, en string
	}{
		{0, "0,00", "0.00"},
		{5, "0,05", "0.05"},
		{99999, "999,99", "999.99"},
		{100000, "1.000,00", "1,000.00"},
		{1_200_000_000, "12.000.000,00", "12,000,000.00"},
		{-123456789, "-1.234.567,89", "-1,234,567.89"},
	}
	for _, tt := range tests {
		if got := German.Euros(tt.cents); got != tt.de {
			t.Errorf("German.Euros(%d) = %q, want %q", tt.cents, got, tt.de)
		}
		if got := English.Euros(tt.cents); got != tt.en {
			t.Errorf("English.Euros(%d) = %q, want %q", tt.cents, got, tt.en)
		}
	}
	if got := German.PlainEuros(123456789); got != "1234567,89" {
		t.Errorf("PlainEuros = %q", got)
	}
}

func TestPercentAndShare(t *testing.T) {
	third := big.NewRat(1, 3)
	if got := German.Percent(third); got != "33,33 %" {
		t.Errorf("German.Percent(1/3) = %q", got)
	}
	if got := English.Percent(big.NewRat(1, 8)); got != "12.50%" {
		t.Errorf("English.Percent(1/8) = %q", got)
	}
	// Half a hundredth of a percent rounds away from zero.
	if got := English.Percent(big.NewRat(1, 20000)); got != "0.01%" {
		t.Errorf("English.Percent(1/20000) = %q", got)
	}
	for x, want := range map[string]string{"3/5": "60 %", "1/8": "12,5 %", "1/3": "33,3333 %", "1": "100 %", "0": "0 %"} {
		r, _ := new(big.Rat).SetString(x)
		if got := German.Share(r); got != want {
			t.Errorf("German.Share(%s) = %q, want %q", x, got, want)
		}
	}
}

func TestSafeText(t *testing.T) {
	for in, want := range map[string]string{
		"=SUM(A1)": "'=SUM(A1)", "+49": "'+49", "-1": "'-1", "@x": "'@x", "\tx": "'\tx",
		"Bezirksstelle I": "Bezirksstelle I", "": "", "a=b": "a=b",
	} {
		if got := SafeText(in); got != want {
			t.Errorf("SafeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLangFor(t *testing.T) {
	for code, want := range map[string]*Lang{"de": German, "DE": German, "": German, "en": English} {
		if got, err := LangFor(code); err != nil || got != want {
			t.Errorf("LangFor(%q) = %v, %v", code, got, err)
		}
	}
	if _, err := LangFor("fr"); err == nil {
		t.Error("LangFor(fr): want an error")
	}
}
