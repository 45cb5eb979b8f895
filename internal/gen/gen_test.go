package gen

import (
	"bytes"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/indicators"
)

var schema = indicators.Schema{
	Indicators:   []string{"youth_0_18", "sgb_recipients", "migrant_youth_0_18", "open_space_m2"},
	NeedSpending: true,
}

// sums are a unit's exact totals: the four indicators, then the spending.
type sums [5]*big.Rat

// wantSums adds up the rows per unit, exactly.
func wantSums(rows []Row) (map[string]sums, []string) {
	m := map[string]sums{}
	var order []string
	for _, r := range rows {
		s, ok := m[r.Unit]
		if !ok {
			for k := range s {
				s[k] = new(big.Rat)
			}
			m[r.Unit] = s
			order = append(order, r.Unit)
		}
		s[0].Add(s[0], big.NewRat(r.Youth, 1))
		s[1].Add(s[1], big.NewRat(r.SGB, 1))
		s[2].Add(s[2], big.NewRat(r.Migrants, 1))
		s[3].Add(s[3], big.NewRat(r.OpenSpace, 10))
		s[4].Add(s[4], big.NewRat(r.Spending, 100))
	}
	return m, order
}

func TestRoundTrip(t *testing.T) {
	interleaved := Rows(3000, 7, 42)
	grouped := slices.Clone(interleaved)
	Group(grouped)
	writers := map[string]func(*bytes.Buffer, []Row) error{
		"de.csv": func(b *bytes.Buffer, rows []Row) error { return WriteCSV(b, rows, true) },
		"en.csv": func(b *bytes.Buffer, rows []Row) error { return WriteCSV(b, rows, false) },
		"xlsx":   func(b *bytes.Buffer, rows []Row) error { return WriteXLSX(b, rows) },
	}
	dir := t.TempDir()
	for _, layout := range []struct {
		name string
		rows []Row
	}{{"interleaved", interleaved}, {"grouped", grouped}} {
		want, order := wantSums(layout.rows)
		for format, write := range writers {
			t.Run(layout.name+"/"+format, func(t *testing.T) {
				var b bytes.Buffer
				if err := write(&b, layout.rows); err != nil {
					t.Fatal(err)
				}
				path := filepath.Join(dir, layout.name+"."+format)
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				tb, err := indicators.ReadFile(path, schema, indicators.Options{})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, u := range tb.Units {
					got = append(got, u.Name)
					w, ok := want[u.Name]
					if !ok {
						t.Errorf("unit %q not generated", u.Name)
						continue
					}
					vals := append(slices.Clone(u.Values), u.Spending)
					for k, v := range vals {
						if v == nil || v.Cmp(w[k]) != 0 {
							t.Errorf("%s, column %d: got %v, want %s", u.Name, k, v, w[k].FloatString(2))
						}
					}
				}
				if !slices.Equal(got, order) {
					t.Errorf("units %v, want %v", got, order)
				}
			})
		}
	}
}

func TestRowsAreLikeTheData(t *testing.T) {
	rows := Rows(5000, 50, 1)
	if !slices.Equal(Rows(5000, 50, 1), rows) {
		t.Error("same seed, other rows")
	}
	if slices.Equal(Rows(5000, 50, 2), rows) {
		t.Error("other seed, same rows")
	}
	areas := map[string]bool{}
	units := map[string]bool{}
	for _, r := range rows {
		if areas[r.Area] {
			t.Fatalf("area %q twice", r.Area)
		}
		areas[r.Area] = true
		units[r.Unit] = true
		if r.Youth < 0 || r.SGB < 0 || r.Migrants < 0 || r.Migrants > r.Youth || r.OpenSpace < 0 || r.Spending < 0 {
			t.Fatalf("implausible row %+v", r)
		}
	}
	if len(units) != 50 || !units["Bezirksstelle 1"] || !units["Bezirksstelle 50"] {
		t.Errorf("%d units", len(units))
	}
	Group(rows)
	changes := 0
	for i := 1; i < len(rows); i++ {
		if rows[i].Unit != rows[i-1].Unit {
			changes++
		}
	}
	if changes != 49 || rows[0].Unit != "Bezirksstelle 1" || rows[len(rows)-1].Unit != "Bezirksstelle 50" {
		t.Errorf("grouped: %d changes of unit, from %s to %s", changes, rows[0].Unit, rows[len(rows)-1].Unit)
	}
}

func TestCSVText(t *testing.T) {
	rows := []Row{{Unit: "Bezirksstelle 1", Area: "Südstadt 1", Youth: 1500, SGB: 20, Migrants: 3,
		OpenSpace: 1234560, Spending: 123456789}}
	var de, en bytes.Buffer
	if err := WriteCSV(&de, rows, true); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&en, rows, false); err != nil {
		t.Fatal(err)
	}
	wantDE := strings.Join(Header, ";") + "\r\nBezirksstelle 1;Südstadt 1;1500;20;3;123456,0;1.234.567,89\r\n"
	wantEN := strings.Join(Header, ",") + "\r\nBezirksstelle 1,Südstadt 1,1500,20,3,123456.0,1234567.89\r\n"
	if de.String() != wantDE {
		t.Errorf("German:\n%q\nwant\n%q", de.String(), wantDE)
	}
	if en.String() != wantEN {
		t.Errorf("English:\n%q\nwant\n%q", en.String(), wantEN)
	}
	for _, c := range []struct {
		v      int64
		places int
		want   string
	}{{0, 2, "0,00"}, {5, 2, "0,05"}, {99999, 2, "999,99"}, {100000, 2, "1.000,00"}, {7, 1, "0,7"}} {
		if got := string(appendFixed(nil, c.v, c.places, ',', '.')); got != c.want {
			t.Errorf("appendFixed(%d, %d) = %q, want %q", c.v, c.places, got, c.want)
		}
	}
}
