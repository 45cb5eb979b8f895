package indicators

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
		{"twice.json", `{"units": [{"unit": "A", "amount": "1"}, {"unit": "A", "amount": "1"}]}`, `twice.json: unit 2 ("A"): appears twice (also unit 1)`},
		{"broken.json", `{"units": [`, "broken.json:1: not the JSON output of allocate or plan: it ends too early"},
		// Issue 11, item 5: what encoding/json would silently take.
		{"appended.json", "{\"units\": [{\"unit\": \"A\", \"amount\": \"1\"}]}\n{\"units\": [{\"unit\": \"A\", \"amount\": \"2\"}]}\n",
			"appended.json:2: a second JSON document follows the first; the file must hold one"},
		{"amount-twice.json", "{\"units\": [\n {\"unit\": \"A\", \"amount\": \"1\",\n  \"amount\": \"2\"}]}",
			`amount-twice.json:3: the key "amount" appears twice in one object`},
		{"period-missing.json", `{"periods": [{"period": "2026-Q1", "units": [{"unit": "A", "amount": "1"}]}]}`,
			"period-missing.json: no quarter 2026-Q3 (its quarters: 2026-Q1)"},
		{"period-missing.csv", "Quartal;Bezirksstelle;Betrag\n2026-Q1;A;1\n", `period-missing.csv:1: column "Quartal": no rows of the quarter 2026-Q3`},
		{"quoted-twice.csv", "Bezirksstelle;Betrag\n'=A;1\n=A;2\n", `quoted-twice.csv:3: column "Bezirksstelle": unit "=A" is also in line 2`},
		{"noamount.csv", "Bezirksstelle;Wert\nA;1\n", `noamount.csv: column "amount" is missing (expected a heading like "Betrag")`},
		{"noperiod.csv", "Quartal;Bezirksstelle;Betrag\n2026-Q1;A;1\n;B;2\n", `noperiod.csv:3: column "Quartal": empty period`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeTemp(t, tt.name, tt.content)
			_, err := ReadPrevious(path, Options{Period: periodOf(tt.name)})
			wantError(t, err, filepath.Join(filepath.Dir(path), tt.want))
		})
	}
}

// periodOf is the quarter a test asks for: 2026-Q3 for files named
// period-*, else none.
func periodOf(name string) string {
	if strings.HasPrefix(name, "period-") {
		return "2026-Q3"
	}
	return ""
}

// A plan's output names its quarter: the last, or the one asked for; a
// plain table names none.
func TestReadPreviousPeriod(t *testing.T) {
	plan := `{"periods": [{"period": "2026-Q1", "units": [{"unit": "A", "amount": "9.00"}]},
		{"period": "2026-Q2", "units": [{"unit": "A", "amount": "2.50"}]}]}`
	planCSV := "Quartal;Bezirksstelle;Betrag\n2026-Q1;A;1,00\n2026-Q2;A;2,00\n2026-Q2;B;3,00\n2026-Q1;B;4,00\n"
	tests := []struct{ name, content, period, want, wantPeriod string }{
		{"plan.json", plan, "", "A@0×1: 5/2\n", "2026-Q2"},
		{"plan.json", plan, "2026-q1", "A@0×1: 9\n", "2026-Q1"},
		{"plan.csv", planCSV, "", "A@3×1: 2\nB@4×1: 3\n", "2026-Q2"},
		{"plan.csv", planCSV, "2026-Q1", "A@2×1: 1\nB@5×1: 4\n", "2026-Q1"},
		{"booked.csv", "Bezirksstelle;Betrag\nA;10\n", "", "A@2×1: 10\n", ""},
		{"allocate.json", `{"units": [{"unit": "A", "amount": "1.25"}]}`, "", "A@0×1: 5/4\n", ""},
		// The tool's CSV puts ' before =, +, -, @: it reads back as the name.
		{"quoted.csv", "\uFEFFBezirksstelle;Betrag\r\n'=Nord;1,00\r\n'-Süd;2,00\r\n'@Ost;3,00\r\nO'Neil;4\r\n", "",
			"=Nord@2×1: 1\n-Süd@3×1: 2\n@Ost@4×1: 3\nO'Neil@5×1: 4\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name+tt.period, func(t *testing.T) {
			tb := mustRead(t)(ReadPrevious(writeTemp(t, tt.name, tt.content), Options{Period: tt.period}))
			if got := dump(tb); got != tt.want || tb.Period != tt.wantPeriod {
				t.Errorf("got\n%s(period %q) want\n%s(period %q)", got, tb.Period, tt.want, tt.wantPeriod)
			}
		})
	}
}

// Issue 11, item 15: the duplicate check of a --previous JSON is not
// quadratic; 200,000 units took over two minutes, now about a second. The
// bound is generous, for a machine under load: it still catches the
// quadratic check.
func TestReadPreviousManyUnits(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"units": [`)
	const n = 200_000
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"unit": "U%d", "amount": "1.00"}`, i)
	}
	b.WriteString("]}")
	path := writeTemp(t, "many.json", b.String())
	tb, err := ReadPrevious(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Units) != n {
		t.Fatalf("%d units, want %d", len(tb.Units), n)
	}
}

// FuzzReadPrevious feeds any bytes, as JSON and as CSV, to the reader of
// --previous: it never panics; what it refuses is an *Error of one line;
// what it reads has units, each named once.
func FuzzReadPrevious(f *testing.F) {
	for _, seed := range []string{
		`{"units": [{"unit": "A", "amount": "1.25"}]}`,
		`{"periods": [{"period": "2026-Q1", "units": [{"unit": "A", "amount": "9.00"}]}]}`,
		"{\"units\": []}\n{\"units\": []}", `{"units": [{"unit": "A", "amount": "1", "amount": "2"}]}`,
		`[1, {"a": [{}]}]`, `{"a": {"b": {"c": 1, "c": 2}}}`,
		"Quartal;Bezirksstelle;Betrag\n2026-Q1;A;1,00\n2026-Q2;A;2,00\n",
		"Bezirksstelle;Betrag\n'=A;1\n'-B;2\n", "Bezirksstelle;Betrag\n'=A;1\n=A;2\n",
	} {
		f.Add([]byte(seed), "")
		f.Add([]byte(seed), "2026-Q1")
	}
	f.Fuzz(func(t *testing.T, data []byte, period string) {
		dir := t.TempDir()
		for _, name := range []string{"p.json", "p.csv"} {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			tb, err := ReadPrevious(path, Options{Period: period})
			if err != nil {
				var e *Error
				if !errors.As(err, &e) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("%s: %T %q", name, err, err)
				}
				continue
			}
			seen := map[string]bool{}
			for _, u := range tb.Units {
				if seen[u.Name] {
					t.Fatalf("%s: %q twice", name, u.Name)
				}
				seen[u.Name] = true
			}
			if len(tb.Units) == 0 {
				t.Fatalf("%s: no units and no error", name)
			}
		}
	})
}
