package indicators

import (
	"bytes"
	"errors"
	"math/big"
	"strings"
	"testing"
)

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.234.567,89", "1,5", "1.5", "-0,00", "1 234,5 €", "EUR 5", "1.2345E+5", "2345.6799999999998", "1e999", "\u00a0", "1\u202f000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range []Dialect{German, English, Machine} {
			r, err := ParseNumber(s, d)
			if err != nil {
				if strings.ContainsAny(err.Error(), "\n\r") && !strings.ContainsAny(s, "\n\r") {
					t.Errorf("multi-line error %q", err)
				}
				continue
			}
			switch d {
			case German:
				roundTrip(t, s, r, formatGerman(r), German)
			case Machine:
				roundTrip(t, s, r, decimalString(r), Machine)
			}
		}
	})
}

func roundTrip(t *testing.T, in string, r *big.Rat, out string, d Dialect) {
	back, err := ParseNumber(out, d)
	if err != nil || back.Cmp(r) != 0 {
		t.Errorf("dialect %d: %q -> %s -> %q -> %v, %v", d, in, r.RatString(), out, back, err)
	}
}

// decimalString writes r, a finite decimal, with just the decimals it needs.
func decimalString(r *big.Rat) string {
	k := 0
	for x := new(big.Rat).Set(r); !x.IsInt(); k++ {
		x.Mul(x, big.NewRat(10, 1))
	}
	return r.FloatString(k)
}

// formatGerman writes r with thousands points and a decimal comma.
func formatGerman(r *big.Rat) string {
	s := decimalString(r)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString("," + frac)
	}
	return b.String()
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"Bezirksstelle;Stadtteil;Einwohner 0-18;SGB II/XII;Mittelabfluss Vorjahr\nA;a;1.234;0,5;1 €\nA;b;1;2;3\n",
		"Bezirksstelle,youth_0_18,sgb_recipients\r\nA,\"1,234.5\",2\r\n,,\r\n",
		"Bezirksstelle\tyouth_0_18\tsgb_recipients\nA\t\"1\n2\"\t-3\n",
		"\xef\xbb\xbfBezirksstelle;youth_0_18;sgb_recipients\nSumme;1;2\n",
		"\xff\xfeB\x00;\x00",
		"Bezirksstelle;Freifl\xe4che m\xb2\nA;1\n",
		"Bezirksstelle;youth_0_18;youth 0 18\n",
		"\"",
	} {
		f.Add([]byte(s))
	}
	schema := Schema{Indicators: []string{"youth_0_18", "sgb_recipients"}, AllowSpending: true}
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := Read(bytes.NewReader(data), "f.csv", schema, Options{})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("error %q (%T) is not a one-line *Error", err, err)
			}
			return
		}
		checkTable(t, tb)
	})
}

func checkTable(t *testing.T, tb *Table) {
	for _, u := range tb.Units {
		if len(u.Values) != len(tb.Indicators) || u.Name == "" || u.Rows < 1 {
			t.Fatalf("bad unit %+v", u)
		}
		for _, v := range u.Values {
			if v.Sign() < 0 {
				t.Fatalf("negative value in %+v", u)
			}
		}
		if (u.Spending != nil) != tb.HasSpending || u.Spending != nil && u.Spending.Sign() < 0 {
			t.Fatalf("bad spending in %+v", u)
		}
	}
}

// TestFormatGerman checks the fuzz helper itself.
func TestFormatGerman(t *testing.T) {
	for in, want := range map[string]string{"1234567.5": "1.234.567,5", "-12": "-12", "0.001": "0,001", "123": "123"} {
		r, _ := new(big.Rat).SetString(in)
		if got := formatGerman(r); got != want {
			t.Errorf("formatGerman(%s) = %q, want %q", in, got, want)
		}
	}
}

func FuzzReadXLSX(f *testing.F) {
	f.Add(workbook(f, sheetData{"Daten", [][]any{xlsxHeader, {"A", "a", 1.5, "1.234"}, {"B", "b", "x", -1}}}))
	f.Add(workbook(f, sheetData{"Daten", [][]any{{"Bezirksstelle", "youth_0_18", "sgb_recipients"}, {"A", 1, 2}}}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := Read(bytes.NewReader(data), "f.xlsx", two, Options{})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("error %q (%T) is not a one-line *Error", err, err)
			}
			return
		}
		checkTable(t, tb)
	})
}
