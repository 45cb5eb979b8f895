package actuals_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/actuals"
	"github.com/raumbudget/raumbudget/cmd"
)

// Every output of plan gives the same Soll.
func TestReadSollFromPlanOutputs(t *testing.T) {
	dir := t.TempDir()
	var want *actuals.Soll
	for _, out := range []struct{ name, format, lang string }{
		{"plan.json", "json", "de"}, {"plan.csv", "csv", "de"}, {"plan-en.csv", "csv", "en"},
		{"plan.xlsx", "xlsx", "de"}, {"plan-en.xlsx", "xlsx", "en"},
	} {
		path := filepath.Join(dir, out.name)
		args := []string{"plan", "--demo", "--start", "2025-Q4", "--quarters", "6", "-o", out.format, "--lang", out.lang, "--out", path, "--report-date", "2026-01-01"}
		var stderr bytes.Buffer
		if code := cmd.Run(args, &bytes.Buffer{}, &stderr); code != 0 {
			t.Fatalf("plan: %s", stderr.String())
		}
		got, err := actuals.ReadSoll(path, 2026)
		if err != nil {
			t.Fatalf("%s: %v", out.name, err)
		}
		if len(got.Units) != 8 || got.Quarters["Bezirksstelle I"][0] == 0 {
			t.Fatalf("%s: %+v", out.name, got)
		}
		got.File = ""
		if want == nil {
			want = got
		} else if !reflect.DeepEqual(got, want) {
			t.Errorf("%s differs:\n%+v\n%+v", out.name, got, want)
		}
	}
	// 12,000,000.00 € a quarter
	var sum int64
	for _, u := range want.Units {
		sum += want.Quarters[u][2]
	}
	if sum != 1200000000 {
		t.Errorf("Q3 sums to %d cents", sum)
	}
}

func TestReadSollErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, text, want string }{
		{"short.csv", "Quartal;Bezirksstelle;Betrag\n2026-Q1;A;1\n2026-Q2;A;1\n2026-Q3;A;1\n",
			`short.csv: no amount of "A" for 2026-Q4; give the output of a plan that covers 2026`},
		{"twice.csv", "Quartal;Bezirksstelle;Betrag\n2026-Q1;A;1\n2026-Q1;A;1\n",
			`twice.csv:3: column "Betrag": "A" has a second amount for 2026-Q1`},
		{"bad.csv", "Quartal;Bezirksstelle;Betrag\n2026-Q1;A;1,2x\n", `bad.csv:2: column "Betrag": "1,2x" is not a number`},
		{"quarter.csv", "Quartal;Bezirksstelle;Betrag\n2026-Q5;A;1\n", `quarter.csv:2: column "Quartal": "2026-Q5" is not a quarter like 2026-Q1`},
		{"other.csv", "Bezirksstelle;Einwohner 0-18\nA;1\n", `other.csv:1: neither a column "Quartal" with "Betrag" nor columns headed by quarters like 2026-Q1; is it an output of plan?`},
		{"plan.json", `{"units": [{"unit": "A", "amount": "1.00"}]}`, `plan.json: no amounts for 2026; give the output of a plan that covers the year`},
	} {
		path := filepath.Join(dir, tc.name)
		if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := actuals.ReadSoll(path, 2026)
		if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "")) || strings.TrimPrefix(err.Error(), dir+"/") != tc.want {
			t.Errorf("%s: got %v\nwant %s", tc.name, err, tc.want)
		}
	}
}
