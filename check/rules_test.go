package check

import (
	"github.com/raumbudget/raumbudget/internal/msg"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/indicators"
)

// header is an indicator table's heading line with residents and spending.
const header = "Bezirksstelle;Einwohner;Einwohner 0-18;SGB II/XII;Migranten 0-18;Freifläche m²;Mittelabfluss Vorjahr\n"

var allKeys = []string{"youth_0_18", "sgb_recipients", "migrant_youth_0_18", "open_space_m2"}

// readTable reads CSV text as check reads a table: every problem kept.
func readTable(t *testing.T, name, text string, keys ...string) *indicators.Table {
	t.Helper()
	schema := indicators.Schema{Indicators: keys, AllowSpending: true, AllProblems: true, Headings: residentHeadings}
	tb, err := indicators.Read(strings.NewReader(text), name, schema, indicators.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// withResidents is the table of text with its column of residents.
func withResidents(t *testing.T, name, text string) *table {
	t.Helper()
	return newTable(readTable(t, name, text, allKeys...), readTable(t, name, text, residentsKey))
}

func messages(errs []*indicators.Error) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}

func TestMoved(t *testing.T) {
	fifth := big.NewRat(1, 5)
	for _, tt := range []struct {
		now, before int64
		en, de      string
	}{
		{120, 100, "", ""}, // exactly the threshold: not beyond it
		{121, 100, "100 → 121 (+21.0 %)", "100 → 121 (+21,0 %)"},
		{79, 100, "100 → 79 (-21.0 %)", "100 → 79 (−21,0 %)"},
		{6463, 5000, "5,000 → 6,463 (+29.3 %)", "5.000 → 6.463 (+29,3 %)"},
		{80, 100, "", ""},
		{5, 0, "", ""}, // from nothing: no share to tell
	} {
		text, ok := moved(big.NewRat(tt.now, 1), big.NewRat(tt.before, 1), fifth)
		if ok != (tt.en != "") || ok && (text.In(msg.EN) != tt.en || text.In(msg.DE) != tt.de) {
			t.Errorf("moved(%d, %d) = %q / %q, %v; want %q / %q", tt.now, tt.before, text.In(msg.EN), text.In(msg.DE), ok, tt.en, tt.de)
		}
	}
	if _, ok := moved(nil, big.NewRat(1, 1), fifth); ok {
		t.Error("a value that could not be read moved")
	}
}

func TestPartAboveWhole(t *testing.T) {
	for _, tt := range []struct {
		name, rows string
		want       []string
	}{
		{"clean", "Nord;1000;500;100;200;1;1\n", nil},
		{"equal is fine", "Nord;500;500;500;500;1;1\n", nil},
		{"migrant youth above youth", "Nord;1000;500;100;501;1;1\n",
			[]string{`t.csv:2: column "Migranten 0-18": unit "Nord": "Migranten 0-18" 501 is above "Einwohner 0-18" 500`}},
		{"youth and SGB above residents, second unit", "Nord;1000;500;100;200;1;1\nSüd;90;100;91,5;1;1;1\n",
			[]string{`t.csv:3: column "Einwohner 0-18": unit "Süd": "Einwohner 0-18" 100 is above "Einwohner" 90`,
				`t.csv:3: column "SGB II/XII": unit "Süd": "SGB II/XII" 91.5 is above "Einwohner" 90`}},
		{"residents that cannot be read compare with nothing", "Nord;k.A.;500;100;200;1;1\n", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := messages(partAboveWhole(withResidents(t, "t.csv", header+tt.rows)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// Without a column of residents, only migrant youth and youth compare.
func TestPartAboveWholeWithoutResidents(t *testing.T) {
	text := "Bezirksstelle;Einwohner 0-18;SGB II/XII;Migranten 0-18;Freifläche m²\nNord;10;900;11;1\n"
	tb := readTable(t, "t.csv", text, allKeys...)
	got := messages(partAboveWhole(newTable(tb, nil)))
	want := []string{`t.csv:2: column "Migranten 0-18": unit "Nord": "Migranten 0-18" 11 is above "Einwohner 0-18" 10`}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Every unit one table lacks is listed, not only the first, in the order
// of the table that has it, with the value moves of the units in both.
func TestMovedAgainst(t *testing.T) {
	now := readTable(t, "neu.csv", header+"Nord;1;100;1;1;1;1\nOst;1;1;1;1;1;1\nMitte;1;50;1;1;1;1\nWest;1;1;1;1;1;1\n", allKeys...)
	old := readTable(t, "alt.csv", header+"Nord;1;100;1;1;1;1\nSüd;1;1;1;1;1;1\nMitte;1;100;1;1;1;2\nZentrum;1;1;1;1;1;1\n", allKeys...)
	got := messages(movedAgainst(now, old, big.NewRat(1, 5)))
	want := []string{
		`neu.csv:3: column "Bezirksstelle": unit "Ost" is not in alt.csv`,
		`neu.csv:4: column "Einwohner 0-18": unit "Mitte": 100 → 50 (-50.0 %) against alt.csv`,
		`neu.csv:4: column "Mittelabfluss Vorjahr": unit "Mitte": 2 → 1 (-50.0 %) against alt.csv`,
		`neu.csv:5: column "Bezirksstelle": unit "West" is not in alt.csv`,
		`alt.csv:3: column "Bezirksstelle": unit "Süd" is not in neu.csv`,
		`alt.csv:5: column "Bezirksstelle": unit "Zentrum" is not in neu.csv`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestUnitsAcross(t *testing.T) {
	a := readTable(t, "a.csv", header+"Nord;1;1;1;1;1;1\nOst;1;1;1;1;1;1\nWest;1;1;1;1;1;1\n", allKeys...)
	b := readTable(t, "b.csv", header+"Nord;1;1;1;1;1;1\n", allKeys...)
	c := readTable(t, "c.csv", header+"Nord;1;1;1;1;1;1\nOst;1;1;1;1;1;1\nWest;1;1;1;1;1;1\n", allKeys...)
	for _, tt := range []struct {
		name   string
		others []*indicators.Table
		want   []string
	}{
		{"no other table", nil, nil},
		{"the same units", []*indicators.Table{c}, nil},
		{"two units missing", []*indicators.Table{b, c}, []string{
			`a.csv:3: column "Bezirksstelle": unit "Ost" is not in b.csv`,
			`a.csv:4: column "Bezirksstelle": unit "West" is not in b.csv`}},
	} {
		if got := messages(unitsAcross(a, tt.others)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestLookalikeNames(t *testing.T) {
	for _, tt := range []struct {
		name, units string
		want        []string
	}{
		{"apart", "Bezirksstelle I\nBezirksstelle II\n", nil},
		{"lower-case L", "Bezirksstelle I\nBezirksstelle II\nBezirksstelle l\n",
			[]string{`t.csv:4: column "Bezirksstelle": unit "Bezirksstelle l" looks like "Bezirksstelle I": the same office typed twice?`}},
		{"case and spaces", "Nord\nN ORD\n",
			[]string{`t.csv:3: column "Bezirksstelle": unit "N ORD" looks like "Nord": the same office typed twice?`}},
	} {
		var b strings.Builder
		b.WriteString("Bezirksstelle;Einwohner 0-18\n")
		for _, name := range strings.Split(strings.TrimSuffix(tt.units, "\n"), "\n") {
			b.WriteString(name + ";1\n")
		}
		got := messages(LookalikeNames(readTable(t, "t.csv", b.String(), "youth_0_18")))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestRecognise(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		row        int
		notes      []string
	}{
		{"no total row", header + "Nord;1;1;1;1;1;1\nSüd;1;2;1;1;1;1\n", 0, nil},
		{"a total row", header + "Nord;1;1;1;1;1;1\nSüd;1;2;1;1;1;1\nSumme;2;3;2;2;2;2\n", 4,
			[]string{"t.csv:4: a total row: its values are the sums of the rows above, so it is left out of the data"}},
	} {
		var f File
		tb := readTable(t, "t.csv", tt.text, allKeys...)
		recognise(&f, tb)
		if f.TotalRow != tt.row || !slices.Equal(messages(f.Notes), tt.notes) {
			t.Errorf("%s: total row %d, notes %q; want %d, %q", tt.name, f.TotalRow, messages(f.Notes), tt.row, tt.notes)
		}
		if tt.row > 0 && (f.Notes[0].Line != tt.row || f.Notes[0].File != "t.csv") {
			t.Errorf("%s: the note is not placed at its line: %+v", tt.name, f.Notes[0])
		}
	}
}
