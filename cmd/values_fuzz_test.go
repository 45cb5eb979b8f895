package cmd

import (
	"strings"
	"testing"
)

// The command line's value parsers take any text: they return a value or
// an error of one line, never panic, and a value read back from its own
// canonical form is the same.

func FuzzParseEuros(f *testing.F) {
	for _, seed := range []string{"12000000", "12.000.000,00", "1,234.56", "12.000", "0,5", "-3", "1e9", "€ 1.000", "∞", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		c, err := parseEuros(text)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("%q: a message of more than one line: %q", text, err)
			}
			return
		}
		again, err := parseEuros(c.String())
		if err != nil || again != c {
			t.Fatalf("%q read as %s, which reads back as %s (%v)", text, c, again, err)
		}
	})
}

func FuzzParseShare(f *testing.F) {
	for _, seed := range []string{"0.6", "0,6", "60%", "60 %", "3/5", "1e999999999", "1/0", "", "-1"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		x, err := parseShare(text)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("%q: a message of more than one line: %q", text, err)
			}
			return
		}
		again, err := parseShare(x.RatString())
		if err != nil || again.Cmp(x) != 0 {
			t.Fatalf("%q read as %s, which reads back as %v (%v)", text, x.RatString(), again, err)
		}
	})
}

func FuzzParseWeights(f *testing.F) {
	for _, seed := range []string{"youth_0_18=0.4,sgb_recipients=0.6", "SGB II/XII=0.5,Einwohner 0-18=0.5", "a=1,a=0", "=", ",,"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if _, err := parseWeights(text); err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("%q: a message of more than one line: %q", text, err)
		}
	})
}
