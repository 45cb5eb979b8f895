package main

import (
	"encoding/csv"
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/raumbudget/raumbudget/cmd"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"raumbudget": func() { os.Exit(cmd.Main()) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the commands
// as a user types them, with their stdout, stderr and exit status.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"csv2xlsx": csv2xlsx,
			"win1252":  win1252,
			"waitfile": waitFile,
		},
	})
}

// csv2xlsx IN.csv OUT.xlsx [SHEET] writes a workbook as Excel would hold
// the table: ','-separated input; numbers become number cells, a cell
// written 'text stays text, as a number stored as text in Excel.
func csv2xlsx(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: csv2xlsx in.csv out.xlsx [sheet]")
	}
	records, err := csv.NewReader(strings.NewReader(ts.ReadFile(args[0]))).ReadAll()
	ts.Check(err)
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Tabelle1"
	if len(args) > 2 {
		sheet = args[2]
	}
	ts.Check(f.SetSheetName("Sheet1", sheet))
	for r, record := range records {
		for c, text := range record {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			ts.Check(setCell(f, sheet, cell, text))
		}
	}
	ts.Check(f.SaveAs(ts.MkAbs(args[1])))
}

func setCell(f *excelize.File, sheet, cell, text string) error {
	if strings.HasPrefix(text, "'") {
		return f.SetCellStr(sheet, cell, text[1:])
	}
	if x, err := strconv.ParseFloat(text, 64); err == nil {
		return f.SetCellFloat(sheet, cell, x, -1, 64)
	}
	return f.SetCellStr(sheet, cell, text)
}

// win1252 IN OUT re-encodes a UTF-8 file as Windows-1252 with CRLF line
// ends, as German Excel saves "CSV (Trennzeichen-getrennt)".
func win1252(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: win1252 in out")
	}
	out, err := charmap.Windows1252.NewEncoder().String(strings.ReplaceAll(ts.ReadFile(args[0]), "\n", "\r\n"))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(out), 0o644))
}
