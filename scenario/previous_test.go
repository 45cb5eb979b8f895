package scenario

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
)

// readPrevious writes content as a file of dir and reads it as --previous.
func readPrevious(t *testing.T, name, content string) *indicators.Table {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	prev, err := indicators.ReadPrevious(path, indicators.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return prev
}

func dataTable(t *testing.T, csv string) *indicators.Table {
	t.Helper()
	schema := indicators.Schema{Indicators: []string{"youth_0_18"}}
	d, err := indicators.Read(strings.NewReader(csv), "data.csv", schema, indicators.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

const threeUnits = "unit,youth_0_18\nNord,1\nMitte,2\nSüd,3\n"

func TestPreviousAmountsInTheDataOrder(t *testing.T) {
	prev := readPrevious(t, "prev.csv", "unit,amount\nSüd,3.00\nNord,1.25\nMitte,2.00\n")
	got, err := PreviousAmounts(prev, nil, Period{2026, 1}, dataTable(t, threeUnits))
	if err != nil {
		t.Fatal(err)
	}
	want := []allocate.Cents{125, 200, 300}
	if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("amounts %v, want %v (the data's order)", got, want)
	}
}

func TestPreviousAmountsRefuses(t *testing.T) {
	data := dataTable(t, threeUnits)
	start := Period{2026, 3}
	tests := []struct{ name, file, content, want string }{
		{"unit missing", "prev.csv", "unit,amount\nNord,1\nMitte,2\n", `data.csv:4: column "unit": unit "Süd" has no amount in `},
		{"extra unit", "prev.csv", "unit,amount\nNord,1\nMitte,2\nSüd,3\nOst,4\n", `prev.csv:5: column "unit": unit "Ost" is not in data.csv`},
		{"cents", "prev.csv", "unit,amount\nNord,1.001\nMitte,2\nSüd,3\n", `prev.csv:2: column "amount": an amount must be whole cents`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := PreviousAmounts(readPrevious(t, tt.file, tt.content), nil, start, data)
			var bad *indicators.Error
			if !errors.As(err, &bad) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want an *indicators.Error containing %q", err, tt.want)
			}
		})
	}
}

func TestPreviousMustBeTheQuarterBefore(t *testing.T) {
	data := dataTable(t, threeUnits)
	plan := readPrevious(t, "plan.json", `{"periods": [{"period": "2026-Q1", "units": [{"unit": "Nord", "amount": "1"}, {"unit": "Mitte", "amount": "2"}, {"unit": "Süd", "amount": "3"}]}]}`)
	if _, err := PreviousAmounts(plan, nil, Period{2026, 2}, data); err != nil {
		t.Errorf("2026-Q1 before 2026-Q2: %v", err)
	}
	_, err := PreviousAmounts(plan, nil, Period{2026, 3}, data)
	var wrong *PreviousError
	if !errors.As(err, &wrong) || wrong.Read == nil || *wrong.Read != (Period{2026, 1}) || wrong.Picked != nil {
		t.Errorf("2026-Q1 before 2026-Q3: error %#v, want a *PreviousError reading 2026-Q1", err)
	}
	picked := Period{2025, 4}
	_, err = PreviousAmounts(readPrevious(t, "plain.csv", "unit,amount\nNord,1\nMitte,2\nSüd,3\n"), &picked, Period{2026, 1}, data)
	if !errors.As(err, &wrong) || wrong.Read != nil || wrong.Picked == nil {
		t.Errorf("a quarter picked from a plain table: error %#v, want a *PreviousError that read none", err)
	}
}
