package check

import (
	"errors"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/indicators"
)

const (
	dataCSV     = "Bezirksstelle;Einwohner 0-18;SGB II/XII;Migranten 0-18;Freifläche m²\nNord;100;50;20;1000\nSüd;200;60;30;2000\n"
	spendingCSV = "Bezirksstelle;Mittelabfluss Vorjahr\nNord;100\nSüd;200\n"
)

// runIn writes files into a folder and checks those named, from there.
func runIn(t *testing.T, files map[string]string, opts Options) (*Result, error) {
	t.Helper()
	t.Chdir(t.TempDir())
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if opts.Keys == nil {
		opts.Keys = allKeys
	}
	if opts.Share == nil {
		opts.Share = big.NewRat(3, 5)
	}
	if opts.Threshold == nil {
		opts.Threshold = big.NewRat(1, 5)
	}
	return Run(opts)
}

// findings lists a result's errors (E), warnings (W) and notes (N), one
// line each, in order.
func findings(r *Result) []string {
	var out []string
	for _, f := range r.Files {
		for _, g := range []struct {
			mark string
			errs []*indicators.Error
		}{{"E", f.Errors}, {"W", f.Warnings}, {"N", f.Notes}} {
			for _, e := range g.errs {
				out = append(out, g.mark+" "+e.Error())
			}
		}
	}
	return out
}

func TestRun(t *testing.T) {
	refuse := func(t *indicators.Table) error { return t.ColumnError("sgb_recipients", "refused by the model") }
	for _, tt := range []struct {
		name  string
		files map[string]string
		opts  Options
		want  []string
	}{
		{"clean", map[string]string{"d.csv": dataCSV, "s.csv": spendingCSV},
			Options{Files: []string{"d.csv", "s.csv"}}, nil},
		{"every unit in one table and not the other", map[string]string{"d.csv": dataCSV,
			"s.csv": "Bezirksstelle;Mittelabfluss Vorjahr\nOst;1\nWest;2\n"},
			Options{Files: []string{"d.csv", "s.csv"}}, []string{
				`E d.csv:2: column "Bezirksstelle": unit "Nord" is not in s.csv`,
				`E d.csv:3: column "Bezirksstelle": unit "Süd" is not in s.csv`,
				`E s.csv:2: column "Bezirksstelle": unit "Ost" is not in d.csv`,
				`E s.csv:3: column "Bezirksstelle": unit "West" is not in d.csv`}},
		{"no spending below an indicator share of 1", map[string]string{"d.csv": dataCSV},
			Options{Files: []string{"d.csv"}}, []string{
				`E d.csv: column "spending_prior_year" is missing (expected a heading like "Mittelabfluss Vorjahr"); headings found: "Bezirksstelle", "Einwohner 0-18", "SGB II/XII", "Migranten 0-18", "Freifläche m²"; give the spending table too, or an indicator share of 1`}},
		{"no spending at an indicator share of 1", map[string]string{"d.csv": dataCSV},
			Options{Files: []string{"d.csv"}, Share: big.NewRat(1, 1)}, nil},
		{"a spending table alone", map[string]string{"s.csv": spendingCSV},
			Options{Files: []string{"s.csv"}}, []string{
				`E s.csv: column "youth_0_18" is missing (expected a heading like "Einwohner 0-18"); headings found: "Bezirksstelle", "Mittelabfluss Vorjahr"; no indicator table is checked with it`}},
		{"the model's refusal of clean tables", map[string]string{"d.csv": dataCSV, "s.csv": spendingCSV},
			Options{Files: []string{"d.csv", "s.csv"}, Model: refuse}, []string{
				`E d.csv: column "SGB II/XII": refused by the model`}},
		{"no model run on tables with errors", map[string]string{"d.csv": strings.Replace(dataCSV, "50", "viele", 1), "s.csv": spendingCSV},
			Options{Files: []string{"d.csv", "s.csv"}, Model: refuse}, []string{
				`E d.csv:2: column "SGB II/XII": "viele" is not a number`,
				`E s.csv:2: column "Bezirksstelle": unit "Nord" is not in d.csv`}},
		{"an unweighted column may be missing", map[string]string{"d.csv": "Bezirksstelle;Einwohner 0-18;Mittelabfluss Vorjahr\nNord;1;1\n"},
			Options{Files: []string{"d.csv"}, Keys: []string{"youth_0_18"}}, nil},
		{"a total row is noted", map[string]string{"d.csv": dataCSV + "Summe;300;110;50;3000\n", "s.csv": spendingCSV},
			Options{Files: []string{"d.csv", "s.csv"}}, []string{
				`N d.csv:4: a total row: its values are the sums of the rows above, so it is left out of the data`}},
		{"against an older table", map[string]string{"d.csv": dataCSV, "s.csv": spendingCSV,
			"alt.csv": strings.Replace(dataCSV, "Süd;200", "Süd;100", 1)},
			Options{Files: []string{"d.csv", "s.csv"}, Against: "alt.csv"}, []string{
				`W d.csv:3: column "Einwohner 0-18": unit "Süd": 100 → 200 (+100.0 %) against alt.csv`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := runIn(t, tt.files, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := findings(res); !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// Findings keep their place as fields, not only in their text.
func TestRunTypedFindings(t *testing.T) {
	res, err := runIn(t, map[string]string{"d.csv": strings.Replace(dataCSV, "50", "viele", 1), "s.csv": spendingCSV},
		Options{Files: []string{"d.csv", "s.csv"}})
	if err != nil {
		t.Fatal(err)
	}
	e := res.Files[0].Errors[0]
	if e.File != "d.csv" || e.Line != 2 || e.Column != "SGB II/XII" || e.Msg != `"viele" is not a number` {
		t.Errorf("got %+v", e)
	}
	if errs, warns := res.Counts(); errs != 2 || warns != 0 {
		t.Errorf("counts %d, %d; want 2, 0", errs, warns)
	}
}

// A file that cannot be read at all ends the check with its error, which
// names the file and unwraps to the *fs.PathError.
func TestRunUnreadable(t *testing.T) {
	for _, opts := range []Options{
		{Files: []string{"nowhere.csv"}},
		{Files: []string{"d.csv"}, Against: "nowhere.csv"},
	} {
		_, err := runIn(t, map[string]string{"d.csv": dataCSV}, opts)
		var pathErr *fs.PathError
		if !errors.As(err, &pathErr) || !strings.HasPrefix(err.Error(), "nowhere.csv: ") {
			t.Errorf("%+v: got %v, want the missing file's error", opts, err)
		}
	}
}

// The caller's reader reads every table (a command shows progress with it).
func TestRunReadsWithCallersReader(t *testing.T) {
	var read []string
	opts := Options{Files: []string{"d.csv"}, Share: big.NewRat(1, 1),
		ReadFile: func(path string, s indicators.Schema, o indicators.Options) (*indicators.Table, error) {
			read = append(read, filepath.Base(path))
			return indicators.ReadFile(path, s, o)
		}}
	if _, err := runIn(t, map[string]string{"d.csv": dataCSV}, opts); err != nil {
		t.Fatal(err)
	}
	if len(read) == 0 || slices.ContainsFunc(read, func(p string) bool { return p != "d.csv" }) {
		t.Errorf("read %q, want d.csv through the caller's reader", read)
	}
}
