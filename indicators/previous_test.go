package indicators

import (
	"os"
	"path/filepath"
	"testing"
)

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadPrevious(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"allocate.json", `{"budget": "3.00", "units": [{"unit": "A", "amount": "1.25"}, {"unit": "B", "amount": "1.75"}]}`,
			"A@0×1: 5/4\nB@0×1: 7/4\n"},
		{"plan.json", `{"periods": [{"period": "2026-Q1", "units": [{"unit": "A", "amount": "9.00"}]},
			{"period": "2026-Q2", "units": [{"unit": "A", "amount": "2.50"}]}]}`, "A@0×1: 5/2\n"},
		{"allocate-de.csv", "\uFEFFBezirksstelle;Anteil Indikatoren;Zielanteil;Betrag;Beitrag Einwohner 0-18\r\nA;0,5;0,5;1.234,56;1,00\r\n",
			"A@2×1: 30864/25\n"},
		{"allocate-en.csv", "unit,composite_share,amount,contribution_history\nA,0.5,1234.56,1.00\n", "A@2×1: 30864/25\n"},
		// A plan's CSV: only its last quarter counts, in whatever order the rows come.
		{"plan.csv", "Quartal;Bezirksstelle;Betrag\n2026-Q1;A;1,00\n2026-Q2;A;2,00\n2026-Q2;B;3,00\n2026-Q1;B;4,00\n",
			"A@3×1: 2\nB@4×1: 3\n"},
		{"booked.csv", "Bezirksstelle;Zuteilung\nA;10\n", "A@2×1: 10\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dump(mustRead(t)(ReadPrevious(writeTemp(t, tt.name, tt.content), Options{})))
			if got != tt.want {
				t.Errorf("got\n%swant\n%s", got, tt.want)
			}
		})
	}
}

func TestReadPreviousErrors(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"empty.json", `{}`, "empty.json: no units: not the JSON output of allocate or plan"},
		{"bad.json", `{"units": [{"unit": "A", "amount": "x"}]}`, `bad.json: unit 1 ("A"): amount "x" is not a number`},
		{"twice.json", `{"units": [{"unit": "A", "amount": "1"}, {"unit": "A", "amount": "1"}]}`, `twice.json: unit 2 ("A"): appears twice`},
		{"broken.json", `{"units": [`, "broken.json: not the JSON output of allocate or plan: unexpected EOF"},
		{"noamount.csv", "Bezirksstelle;Wert\nA;1\n", `noamount.csv: column "amount" is missing (expected a heading like "Betrag")`},
		{"noperiod.csv", "Quartal;Bezirksstelle;Betrag\n2026-Q1;A;1\n;B;2\n", `noperiod.csv:3: column "Quartal": empty period`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeTemp(t, tt.name, tt.content)
			_, err := ReadPrevious(path, Options{})
			wantError(t, err, filepath.Join(filepath.Dir(path), tt.want))
		})
	}
}
