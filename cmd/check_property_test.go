package cmd

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Property: for any input, check exits 2 exactly when allocate exits 2,
// given the same files and the same settings. The inputs are good tables
// damaged at random, as a user's tables are: misspelt headings, offices
// missing from one table, negative, empty and non-numeric cells, columns
// of zeros, spending in both tables or in neither, missing sheets, notes
// before the table, settings that weight or invert other columns. The
// files are named on the command line or, as allocate --config reads
// them, in a config file, or given to check with --data and --spending.
// A residents column ("Einwohner"), which allocate does not read, may
// hold anything: check only warns about it.
//
// check reads more than allocate in one place, which the generator leaves
// out: a workbook with more than one table, all of which check checks
// while allocate reads one.
func TestCheckExitsTwoExactlyWhenAllocateDoes(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 60
	}
	refused := 0
	for seed := range n {
		c := genCheckCase(rand.New(rand.NewPCG(uint64(seed), 10)))
		dir := t.TempDir()
		allocateArgs, checkArgs := c.write(t, dir)
		var aOut, aErr, cOut, cErr bytes.Buffer
		a := Run(allocateArgs, &aOut, &aErr)
		k := Run(checkArgs, &cOut, &cErr)
		if a != exitOK && a != exitUsage || k == exitError {
			t.Fatalf("seed %d (%s): allocate exits %d, check %d\nallocate: %s\ncheck: %s%s", seed, c, a, k, aErr.String(), cOut.String(), cErr.String())
		}
		if (a == exitUsage) != (k == exitUsage) {
			t.Fatalf("seed %d (%s): allocate exits %d, check %d\nallocate %q: %s\ncheck %q: %s%s\n%s",
				seed, c, a, k, allocateArgs, aErr.String(), checkArgs, cOut.String(), cErr.String(), c.files())
		}
		if a == exitUsage {
			refused++
		}
	}
	t.Logf("%d of %d inputs refused", refused, n)
	// The generator must try both sides: mostly broken, sometimes clean.
	if refused < n/3 || refused > n-n/10 {
		t.Errorf("%d of %d inputs refused: the generator is off balance", refused, n)
	}
}

// checkCase is one generated input: the tables, how they are given, the
// settings, and what was damaged (for the failure message).
type checkCase struct {
	data, spending [][]string // rows, the header first; spending nil: no spending file
	workbook       bool       // data as a workbook, its table on sheet "Daten"
	notesFirst     bool       // a sheet of notes before "Daten"
	hidden         bool       // "Daten" hidden in Excel
	sheet          string     // --sheet, for both
	settings       []string   // flags for both
	config         string     // a config file's text, "" for none
	viaConfig      bool       // the files named in the config, not on the command line
	viaFlags       bool       // the files named with --data and --spending for check too
	damage         []string
}

func (c *checkCase) String() string { return strings.Join(c.damage, ", ") }

var checkUnits = []string{"Nord", "Mitte", "Süd", "Ost", "West", "Bezirksstelle VI"}

// genCheckCase makes good tables, then damages them zero to three times.
func genCheckCase(r *rand.Rand) *checkCase {
	c := &checkCase{}
	units := checkUnits[:3+r.IntN(len(checkUnits)-2)]
	withArea := r.IntN(2) == 0
	spendingInData := r.IntN(4) == 0
	header := []string{"Bezirksstelle", "Einwohner 0-18", "SGB II/XII", "Migranten 0-18", "Freifläche m²"}
	if withArea {
		header = slices.Insert(header, 1, "Stadtteil")
	}
	if r.IntN(3) == 0 {
		header = append(header, "Einwohner") // not allocate's: check's warnings only
	}
	if spendingInData {
		header = append(header, "Mittelabfluss Vorjahr")
	}
	c.data = [][]string{header}
	c.spending = [][]string{{"Bezirksstelle", "Mittelabfluss Vorjahr"}}
	for _, u := range units {
		rows := 1
		if withArea {
			rows += r.IntN(2)
		}
		for i := range rows {
			row := []string{u}
			if withArea {
				row = append(row, fmt.Sprintf("%s %d", u, i+1))
			}
			for range len(header) - len(row) {
				row = append(row, fmt.Sprint(1+r.IntN(5000)))
			}
			c.data = append(c.data, row)
		}
		c.spending = append(c.spending, []string{u, fmt.Sprintf("%d,%02d", 1+r.IntN(900000), r.IntN(100))})
	}
	if spendingInData {
		c.spending = nil
	}
	c.workbook = r.IntN(4) == 0
	c.viaConfig = r.IntN(4) == 0
	c.viaFlags = !c.viaConfig && r.IntN(3) == 0
	c.genSettings(r)
	for range r.IntN(4) {
		c.damageOnce(r)
	}
	if len(c.damage) == 0 {
		c.damage = []string{"none"}
	}
	return c
}

// genSettings picks the settings, given to both commands alike.
func (c *checkCase) genSettings(r *rand.Rand) {
	switch r.IntN(6) {
	case 0:
		c.settings = []string{"--weights", "youth_0_18=0.5,sgb_recipients=0.5"}
		c.damage = append(c.damage, "two weights")
	case 1:
		c.settings = []string{"--inverse", "open_space_m2"}
		c.damage = append(c.damage, "inverse open space")
	case 2:
		c.settings = []string{"--indicator-share", "1"}
		c.damage = append(c.damage, "indicator share 1")
	case 3:
		// The config maps a heading of its own, as a user's does.
		c.config = "columns:\n  Kinder unter 18 Jahren: youth_0_18\nweights:\n  youth_0_18: 0.6\n  sgb_recipients: 0.4\n"
		c.data[0][slices.Index(c.data[0], "Einwohner 0-18")] = "Kinder unter 18 Jahren"
		c.damage = append(c.damage, "config columns")
	}
}

// numericCell picks a cell of a number column in a table's data rows, or
// ok = false when the table has none.
func numericCell(r *rand.Rand, table [][]string) (row, col int, ok bool) {
	if len(table) < 2 {
		return 0, 0, false
	}
	var cols []int
	for i, h := range table[0] {
		if h != "Bezirksstelle" && h != "Stadtteil" {
			cols = append(cols, i)
		}
	}
	if len(cols) == 0 {
		return 0, 0, false
	}
	return 1 + r.IntN(len(table)-1), cols[r.IntN(len(cols))], true
}

// damageOnce breaks the input in one of the ways users do.
func (c *checkCase) damageOnce(r *rand.Rand) {
	table, name := &c.data, "data"
	if c.spending != nil && r.IntN(3) == 0 {
		table, name = &c.spending, "spending"
	}
	t := *table
	say := func(format string, args ...any) {
		c.damage = append(c.damage, name+": "+fmt.Sprintf(format, args...))
	}
	switch r.IntN(17) {
	case 0: // a heading typed wrong, or another heading
		col := r.IntN(len(t[0]))
		t[0][col] = misspell(r, t[0][col])
		say("heading %d is %q", col, t[0][col])
	case 1: // an office missing: all its rows
		if len(t) > 1 {
			unit := t[1+r.IntN(len(t)-1)][0]
			*table = slices.DeleteFunc(t, func(row []string) bool { return row[0] == unit })
			say("no %s", unit)
		}
	case 2: // an office too many
		row := slices.Clone(t[0])
		row[0] = "Nordost"
		for i := 1; i < len(row); i++ {
			row[i] = "7"
		}
		if t[0][1] == "Stadtteil" {
			row[1] = "Karnap"
		}
		*table = append(t, row)
		say("extra office")
	case 3, 4, 5: // a negative, empty, non-numeric or zero cell
		if row, col, ok := numericCell(r, t); ok {
			t[row][col] = []string{"-3", "", "viele", "0"}[r.IntN(4)]
			say("cell %d/%d is %q", row, col, t[row][col])
		}
	case 6: // an empty unit name
		if len(t) > 1 {
			t[1+r.IntN(len(t)-1)][0] = ""
			say("empty unit name")
		}
	case 7: // a column of zeros
		if _, col, ok := numericCell(r, t); ok {
			for _, row := range t[1:] {
				row[col] = "0"
			}
			say("column %d all 0", col)
		}
	case 8: // a row copied: the office twice (an error without Stadtteil)
		if len(t) > 1 {
			*table = append(t, slices.Clone(t[1]))
			say("row 1 twice")
		}
	case 9: // no spending file
		c.spending = nil
		c.damage = append(c.damage, "no spending file")
	case 10: // spending in the data too
		if !slices.Contains(c.data[0], "Mittelabfluss Vorjahr") {
			c.data[0] = append(c.data[0], "Mittelabfluss Vorjahr")
			for i := 1; i < len(c.data); i++ {
				c.data[i] = append(c.data[i], "100")
			}
			c.damage = append(c.damage, "spending in the data")
		}
	case 11: // no rows
		*table = t[:1]
		say("no rows")
	case 12: // a sheet named that is not there, or notes before the table
		c.workbook = true
		if r.IntN(2) == 0 {
			c.sheet = "Tabelle1"
			c.damage = append(c.damage, "--sheet Tabelle1")
		} else {
			c.notesFirst = true
			c.damage = append(c.damage, "notes first")
		}
	case 14: // an office's name typed otherwise in one table
		if len(t) > 1 {
			row := t[1+r.IntN(len(t)-1)]
			row[0] = strings.ToUpper(row[0])
			say("%s in capitals", row[0])
		}
	case 15: // the table's sheet hidden, perhaps named
		c.workbook, c.hidden = true, true
		c.notesFirst = r.IntN(2) == 0
		if r.IntN(2) == 0 {
			c.sheet = "Daten"
		}
		c.damage = append(c.damage, fmt.Sprintf("Daten hidden, notes %v, --sheet %q", c.notesFirst, c.sheet))
	case 16: // a total row, as Excel writes it, perhaps not adding up
		if len(t) > 1 && !slices.Contains(t[0], "Stadtteil") {
			*table = append(t, totalRow(r, t))
			say("total row %q", (*table)[len(t)][0])
		}
	case 13: // the right sheet named, notes first
		c.workbook, c.notesFirst, c.sheet = true, true, "Daten"
		c.damage = append(c.damage, "notes first, --sheet Daten")
	}
}

// totalRow sums the number columns of t under a label that says so or
// not; in some cases one sum is off by one.
func totalRow(r *rand.Rand, t [][]string) []string {
	row := []string{[]string{"Summe", "Gesamtergebnis", "Stadt gesamt", "Alle"}[r.IntN(4)]}
	off := -1
	if r.IntN(3) == 0 {
		off = 1 + r.IntN(len(t[0])-1)
	}
	for col := 1; col < len(t[0]); col++ {
		cents, decimal := 0, false // the sum in hundredths: spending has cents
		for _, data := range t[1:] {
			var whole, frac int
			if _, err := fmt.Sscanf(data[col], "%d,%d", &whole, &frac); err == nil {
				decimal = true
			}
			cents += 100*whole + frac
		}
		if col == off {
			cents += 100
		}
		if decimal {
			row = append(row, fmt.Sprintf("%d,%02d", cents/100, cents%100))
		} else {
			row = append(row, fmt.Sprint(cents/100))
		}
	}
	return row
}

// misspell types a heading wrong: two letters swapped, one left out, or a
// heading nobody knows.
func misspell(r *rand.Rand, h string) string {
	runes := []rune(h)
	switch i := r.IntN(len(runes) - 1); r.IntN(3) {
	case 0:
		runes[i], runes[i+1] = runes[i+1], runes[i]
	case 1:
		runes = slices.Delete(runes, i, i+1)
	default:
		return "Spalte " + fmt.Sprint(r.IntN(9))
	}
	return string(runes)
}

// write saves the case's files in dir and returns the two command lines.
func (c *checkCase) write(t *testing.T, dir string) (allocateArgs, checkArgs []string) {
	t.Helper()
	data := filepath.Join(dir, "daten.csv")
	if c.workbook {
		data = filepath.Join(dir, "daten.xlsx")
		c.writeWorkbook(t, data)
	} else {
		writeCSV(t, data, c.data)
	}
	files := []string{data}
	if c.spending != nil {
		sp := filepath.Join(dir, "mittelabfluss.csv")
		writeCSV(t, sp, c.spending)
		files = append(files, sp)
	}
	config := c.config
	allocateArgs = []string{"allocate", "--budget", "1000000", "--data", data}
	checkArgs = append([]string{"check"}, files...)
	switch {
	case c.viaConfig:
		config += "data: daten" + filepath.Ext(data) + "\n"
		if c.spending != nil {
			config += "spending: mittelabfluss.csv\n"
		}
		allocateArgs, checkArgs = allocateArgs[:3], []string{"check"}
	case c.spending != nil:
		allocateArgs = append(allocateArgs, "--spending", files[1])
	}
	if c.viaFlags {
		checkArgs = append([]string{"check"}, allocateArgs[3:]...) // --data and --spending
	}
	common := slices.Clone(c.settings)
	if c.sheet != "" {
		common = append(common, "--sheet", c.sheet)
	}
	if config != "" {
		cfg := filepath.Join(dir, "raumbudget.yaml")
		if err := os.WriteFile(cfg, []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
		common = append(common, "--config", cfg)
	}
	return append(allocateArgs, common...), append(checkArgs, common...)
}

func writeCSV(t *testing.T, path string, rows [][]string) {
	t.Helper()
	var b strings.Builder
	for _, row := range rows {
		b.WriteString(strings.Join(row, ";") + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeWorkbook saves the data on sheet "Daten", numbers as number cells,
// after a sheet of notes if notesFirst.
func (c *checkCase) writeWorkbook(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheets := []string{"Daten"}
	if c.notesFirst {
		sheets = []string{"Hinweise", "Daten"}
	}
	for i, name := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else {
			f.NewSheet(name)
		}
	}
	if c.notesFirst {
		f.SetSheetRow("Hinweise", "A1", &[]any{"Spalte", "Inhalt"})
		f.SetSheetRow("Hinweise", "A2", &[]any{"Einwohner 0-18", "Statistikstelle"})
	}
	for r, row := range c.data {
		cells := make([]any, len(row))
		for i, text := range row {
			cells[i] = text
			if n, err := parseNumberCell(text); err == nil && r > 0 {
				cells[i] = n
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Daten", cell, &cells); err != nil {
			t.Fatal(err)
		}
	}
	if !c.hidden {
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return
	}
	// Hidden by hand in workbook.xml: excelize keeps the last visible
	// sheet visible, and Excel does too, but a script need not.
	visible := path + ".visible.xlsx"
	if err := f.SaveAs(visible); err != nil {
		t.Fatal(err)
	}
	rewriteWorkbookXML(t, visible, path, func(data []byte) []byte {
		return bytes.Replace(data, []byte(`<sheet name="Daten"`), []byte(`<sheet state="hidden" name="Daten"`), 1)
	})
}

// parseNumberCell reads a generated whole number for a number cell.
func parseNumberCell(text string) (int, error) {
	var n int
	_, err := fmt.Sscanf(text, "%d", &n)
	if err != nil || fmt.Sprint(n) != text {
		return 0, fmt.Errorf("not a whole number")
	}
	return n, nil
}

// files shows the case's tables for a failure message.
func (c *checkCase) files() string {
	var b strings.Builder
	for _, table := range [][][]string{c.data, c.spending} {
		for _, row := range table {
			b.WriteString(strings.Join(row, ";") + "\n")
		}
		b.WriteString("--\n")
	}
	return b.String() + c.config
}
