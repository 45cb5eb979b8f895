package indicators

import (
	"bytes"
	"errors"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.234.567,89", "1,5", "1.5", "-0,00", "1 234,5 €", "EUR 5", "1.2345E+5", "2345.6799999999998", "1e999", "\u00a0", "1\u202f000",
		"1234567890123456789012345678901", "0,0000000000000000000000000000001", "1." + strings.Repeat("0", 801),
		"1.234,56 €", "1,234.56", "999.999.999.999.999.999", "123456789012345678", "1234567890123456789", "12345678901234,5", "123456789012345", "1.2345", "1234.567,8", "0,5€", "5 € €", "18446744073709551615", "\ufeff5\u200b", " 5\u00a0", "\xff5", "5\xe2\x82", "a\u0085b", "a\x7fb", "ä\tb", "a\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpace(s), strings.TrimFunc(s, isSpace); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
		if got, want := indexBreak(s), strings.IndexFunc(s, isBreak); got != want {
			t.Errorf("indexBreak(%q) = %d, want %d", s, got, want)
		}
		for _, d := range []Dialect{German, English, Machine} {
			r, err := ParseNumber(s, d)
			fastAgrees(t, s, d, r, err)
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

// fastAgrees checks that what fastNumber reads, ParseNumber reads as the
// same number.
func fastAgrees(t *testing.T, s string, d Dialect, r *big.Rat, err error) {
	n, scale, ok := fastNumber(trimSpace(s), d)
	if !ok {
		return
	}
	want := new(big.Rat).SetFrac(new(big.Int).SetUint64(n), pow10(scale))
	if err != nil || r.Cmp(want) != 0 {
		t.Errorf("dialect %d: %q: fastNumber reads %s, ParseNumber %v, %v", d, s, want.RatString(), r, err)
	}
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
		// Broken encodings, bounds and total rows (issue 11).
		"Bezirksstelle;youth_0_18;sgb_recipients\nS\xfcd;1;2\nN\xc3\xb6rd;3;4\n",
		"\xef\xbb\xbfBezirksstelle;youth_0_18;sgb_recipients\nS\xfcd;1;2\n",
		"\xff\xfeB\x00;\x00\x00\xd8\n\x00",
		"Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2\n" + strings.Repeat(";", 20000) + "\n",
		"Bezirksstelle;youth_0_18;sgb_recipients\nA;\"" + strings.Repeat("x\n", 70000) + "\";2\n",
		"Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2\nB;3;4\nC;5;6\nGesamtergebnis;9;12\n",
		"Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2\nSumme;1;3\n",
		// Bad rows between good ones, for AllProblems.
		"Bezirksstelle;Stadtteil;youth_0_18;sgb_recipients\nA;a;x;-1\n;b;1;2\nA;c;1;2\nB;a;1;2\nC;d;1;2;3\n",
		// Titles, notes and total rows (issue 13).
		"Titel\nStand, 2025;;\n\nBezirksstelle;youth_0_18;sgb_recipients\nA;1;2\nB;3;4\nC;5;6\n;9;12\n\nQuelle: X\n* vorl\n",
		"A;1;2\nBezirksstelle;youth_0_18;sgb_recipients\nB;1;2\n",
		"Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2\n\nQuelle\nB;3;4\n\nStand\n",
		"Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2\nB;1;2\nC;1;2\nStadt X;3;7\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readBoth(t, func(s Schema) (*Table, error) {
			return Read(bytes.NewReader(data), "f.csv", s, Options{})
		})
	})
}

// readBoth reads a table with and without AllProblems and checks that the
// two agree: the first read's error, if it has one, is among the second's
// problems, unless the second ends at a problem that leaves nothing to
// check; a table read without error has no problems the other way.
func readBoth(t *testing.T, read func(Schema) (*Table, error)) {
	s := Schema{Indicators: []string{"youth_0_18", "sgb_recipients"}, AllowSpending: true}
	tb, err := read(s)
	checkResult(t, tb, err)
	s.AllProblems = true
	all, errAll := read(s)
	checkResult(t, all, errAll)
	switch {
	case errAll != nil:
		if err == nil {
			t.Fatalf("AllProblems: %v, without: no error", errAll)
		}
	case err == nil:
		if len(all.Problems) > 0 || dump(all) != dump(tb) || !slices.Equal(all.HiddenRows, tb.HiddenRows) {
			t.Fatalf("AllProblems: problems %v, hidden %v, units\n%swithout: hidden %v, units\n%s", all.Problems, all.HiddenRows, dump(all), tb.HiddenRows, dump(tb))
		}
	default:
		if !slices.ContainsFunc(all.Problems, func(p *Error) bool { return p.Error() == err.Error() }) {
			t.Fatalf("%v is not among the problems %v", err, all.Problems)
		}
	}
}

func checkResult(t *testing.T, tb *Table, err error) {
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || strings.ContainsAny(err.Error(), "\n\r") {
			t.Fatalf("error %q (%T) is not a one-line *Error", err, err)
		}
		return
	}
	checkTable(t, tb)
}

func checkTable(t *testing.T, tb *Table) {
	if len(tb.Problems) > maxProblems+1 {
		t.Fatalf("%d problems", len(tb.Problems))
	}
	for _, p := range tb.Problems {
		if strings.ContainsAny(p.Error(), "\n\r") {
			t.Fatalf("problem %q is not one line", p)
		}
	}
	if len(tb.Units) == 0 && len(tb.Problems) == 0 {
		t.Fatal("no units and no problems")
	}
	if !slices.IsSorted(tb.HiddenRows) {
		t.Fatalf("hidden rows %v", tb.HiddenRows)
	}
	for _, notes := range [][]Note{tb.Titles, tb.Notes} {
		for i, n := range notes {
			if n.Text == "" || strings.ContainsAny(n.Text, "\n\r") || i > 0 && n.Line <= notes[i-1].Line {
				t.Fatalf("notes %+v", notes)
			}
		}
	}
	if len(tb.Titles) > 0 && tb.Titles[len(tb.Titles)-1].Line >= tb.HeadingRow || tb.HeadingRow < 1 || tb.HeadingRow > headingRows {
		t.Fatalf("heading row %d, titles %+v", tb.HeadingRow, tb.Titles)
	}
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
	for _, tt := range unsureSheets {
		f.Add(unsureWorkbook(f, tt.rows))
	}
	// Bad rows, a hidden row, merged names and a formula never calculated.
	f.Add(editedWorkbook(f, func(x *excelize.File) {
		must(f, x.SetRowVisible("Daten", 3, false))
		must(f, x.MergeCell("Daten", "A2", "A4"))
		must(f, x.MergeCell("Daten", "D5", "D6"))
		must(f, x.SetCellFormula("Daten", "C7", "C2*2"))
	}, sheetData{"Daten", [][]any{
		xlsxHeader,
		{"A", "a", 1, 2},
		{nil, "b", 3, "x"},
		{nil, "c", 5, 6},
		{"B", "d", 1, 2},
		{"C", "e", 1, nil},
		{"D", "f", nil, 1},
	}}))
	f.Fuzz(func(t *testing.T, data []byte) {
		readBoth(t, func(s Schema) (*Table, error) {
			return Read(bytes.NewReader(data), "f.xlsx", s, Options{})
		})
	})
}

// FuzzXLSXCells fuzzes the cells of a workbook rather than its bytes, in
// which nearly every change breaks the zip's checksums: four cells of
// text, and bits that hide a row, merge the unit cells, merge two values
// and write a formula that no program calculated.
func FuzzXLSXCells(f *testing.F) {
	f.Add("A", "a", "1.234", "x", byte(0))
	f.Add("", "", "1.5", "", byte(15))
	f.Add("Summe", "b\nc", "-0", "1,5", byte(5))
	f.Fuzz(func(t *testing.T, unit, area, v1, v2 string, bits byte) {
		if len(unit)+len(area)+len(v1)+len(v2) > 1000 {
			t.Skip() // excelize refuses cells over 32767 characters
		}
		b := editedWorkbook(t, func(x *excelize.File) {
			if bits&1 != 0 {
				must(t, x.SetRowVisible("Daten", 3, false))
			}
			if bits&2 != 0 {
				must(t, x.MergeCell("Daten", "A2", "A3"))
			}
			if bits&4 != 0 {
				must(t, x.MergeCell("Daten", "D3", "D4"))
			}
			if bits&8 != 0 {
				must(t, x.SetCellFormula("Daten", "C4", "C2*2"))
			}
		}, sheetData{"Daten", [][]any{
			xlsxHeader,
			{"A", "a", 1, 2},
			{unit, area, v1, v2},
			{"B", v2, v1, nil},
		}})
		readBoth(t, func(s Schema) (*Table, error) {
			return Read(bytes.NewReader(b), "f.xlsx", s, Options{})
		})
		sheetAgrees(t, b)
	})
}
