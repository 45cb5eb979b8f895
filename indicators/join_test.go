package indicators

import (
	"fmt"
	"testing"
)

var spendingOnly = Schema{NeedSpending: true}

func TestJoinSpending(t *testing.T) {
	data := mustRead(t)(readString("data.csv", "Bezirksstelle;youth_0_18;sgb_recipients\nB;1;2\nA;3;4\n", two))
	sp := mustRead(t)(readString("spending.csv", "Bezirksstelle;Stadtteil;Mittelabfluss Vorjahr\nA;x;1.000\n A ;y;0,5\nB;z;2\n", spendingOnly))
	if err := JoinSpending(data, sp); err != nil {
		t.Fatal(err)
	}
	if got, want := dump(data), "B@2×1: 1 2 S=2\nA@3×1: 3 4 S=2001/2\n"; got != want || !data.HasSpending {
		t.Errorf("got\n%swant\n%s", got, want)
	}
	if h := data.Headings["spending_prior_year"]; h != "Mittelabfluss Vorjahr" {
		t.Errorf("heading %q", h)
	}
	// Errors about spending point into the file it came from.
	if got, want := data.ErrorAt(1, "spending_prior_year", "is 0").Error(), `spending.csv:2: column "Mittelabfluss Vorjahr" is 0`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got, want := data.ColumnError("spending_prior_year", "total is 0").Error(), `spending.csv: column "Mittelabfluss Vorjahr": total is 0`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	// The copy is data's own.
	sp.Units[0].Spending.SetInt64(7)
	if data.Units[1].Spending.RatString() != "2001/2" {
		t.Error("spending shared with the spending table")
	}
}

func TestJoinSpendingErrors(t *testing.T) {
	const h = "Bezirksstelle;Einwohner 0-18;SGB II/XII\n"
	data := mustRead(t)(readString("data.csv", h+"Bezirksstelle I;1;2\nBezirksstelle II;3;4\n", two))
	tests := []struct{ name, sp, want string }{
		{"missing in spending", "Bezirksstelle;Mittelabfluss Vorjahr\nBezirksstelle I;1\n", `data.csv:3: column "Bezirksstelle": unit "Bezirksstelle II" has no row in spending.csv`},
		{"extra in spending", "Bezirksstelle;Mittelabfluss Vorjahr\nBezirksstelle I;1\nBezirksstelle II;1\n\n\n\nBezirksstelle IX;1\n", `spending.csv:7: column "Bezirksstelle": unit "Bezirksstelle IX" is not in data.csv`},
		{"case matters", "Bezirksstelle;Mittelabfluss Vorjahr\nBezirksstelle I;1\nbezirksstelle ii;1\n", `data.csv:3: column "Bezirksstelle": unit "Bezirksstelle II" has no row in spending.csv`},
	}
	for _, tt := range tests {
		sp := mustRead(t)(readString("spending.csv", tt.sp, spendingOnly))
		wantError(t, JoinSpending(data, sp), tt.want)
		if data.HasSpending || data.Units[0].Spending != nil {
			t.Fatalf("%s: data changed by a failed join", tt.name)
		}
	}
	withSp := mustRead(t)(readString("data.csv", h[:len(h)-1]+";Mittelabfluss Vorjahr\nA;1;2;3\n", two))
	sp := mustRead(t)(readString("spending.csv", "Bezirksstelle;Mittelabfluss Vorjahr\nA;1\n", spendingOnly))
	wantError(t, JoinSpending(withSp, sp), `data.csv: column "Mittelabfluss Vorjahr": data.csv has a spending column and spending.csv is given too; use one of them`)
	noSp := mustRead(t)(readString("other.csv", h+"A;1;2\n", two))
	wantError(t, JoinSpending(data, noSp), `other.csv: column "spending_prior_year" is missing (expected a heading like "Mittelabfluss Vorjahr")`)
	wantError(t, JoinSpending(nil, sp), `JoinSpending: missing table`)
}

func TestJoinSpendingXLSX(t *testing.T) {
	data := mustRead(t)(readString("data.csv", "Bezirksstelle;youth_0_18;sgb_recipients\nA;1;2\n", two))
	b := workbook(t, sheetData{"Abfluss", [][]any{{"Bezirksstelle", "Mittelabfluss Vorjahr"}, {"A", 5}, {"Z", 1}}})
	sp := mustRead(t)(readXLSXBytes(b, "spending.xlsx", spendingOnly, ""))
	wantError(t, JoinSpending(data, sp), `spending.xlsx: Abfluss!A3: column "Bezirksstelle": unit "Z" is not in data.csv`)
}

// With a unit missing, MatchUnits still lines up every unit (-1 where the
// other table lacks it) and its error is the first unit data lacks a row
// for, else the first the other table has alone.
func TestMatchUnitsWhole(t *testing.T) {
	const h = "Bezirksstelle;Einwohner 0-18;SGB II/XII\n"
	data := mustRead(t)(readString("data.csv", h+"A;1;2\nB;1;2\nC;1;2\n", two))
	for _, tt := range []struct {
		name, other string
		want        []int
		err         string
	}{
		{"the same units", h + "C;1;2\nA;1;2\nB;1;2\n", []int{1, 2, 0}, ""},
		{"two missing", h + "B;1;2\n", []int{-1, 0, -1}, `data.csv:2: column "Bezirksstelle": unit "A" has no row in other.csv`},
		{"one more", h + "A;1;2\nB;1;2\nC;1;2\nD;1;2\n", []int{0, 1, 2}, `other.csv:5: column "Bezirksstelle": unit "D" is not in data.csv`},
	} {
		other := mustRead(t)(readString("other.csv", tt.other, two))
		idx, err := MatchUnits(data, other)
		if fmt.Sprint(idx) != fmt.Sprint(tt.want) {
			t.Errorf("%s: idx %v, want %v", tt.name, idx, tt.want)
		}
		if tt.err == "" && err != nil {
			t.Errorf("%s: %v", tt.name, err)
		} else if tt.err != "" {
			wantError(t, err, tt.err)
		}
	}
}
