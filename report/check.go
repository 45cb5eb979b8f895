package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/raumbudget/raumbudget/check"
	"github.com/raumbudget/raumbudget/indicators"
)

// Check shows what raumbudget check found in its files.
type Check struct {
	Result *check.Result
}

// Write renders the check as a table, Markdown or JSON.
func (c *Check) Write(w io.Writer, format string, lang *Lang) error {
	if format == "json" {
		return c.writeJSON(w)
	}
	for _, f := range c.Result.Files {
		if err := writeCheckedFile(w, &f, lang, format == "markdown"); err != nil {
			return err
		}
	}
	errs, warns := c.Result.Counts()
	_, err := fmt.Fprintf(w, "%s: %d, %s: %d\n", lang.Word("errors"), errs, lang.Word("warnings"), warns)
	return err
}

// writeCheckedFile renders one file's units, then what was recognised
// about its layout, its errors and its warnings, one line each.
func writeCheckedFile(w io.Writer, f *check.File, lang *Lang, markdown bool) error {
	title := f.File
	if f.Sheet != "" {
		title += " (" + f.Sheet + ")"
	}
	if _, err := fmt.Fprintf(w, "%s\n\n", textLine(markdown, title)); err != nil {
		return err
	}
	if len(f.Keys) > 0 || len(f.Units) > 0 {
		if err := writeCheckedUnits(w, f, lang, markdown); err != nil {
			return err
		}
	}
	var b strings.Builder
	for _, group := range []struct {
		word     string
		findings []*indicators.Error
	}{{"note", f.Notes}, {"error", f.Errors}, {"warning", f.Warnings}} {
		for _, e := range group.findings {
			b.WriteString(lang.Word(group.word) + ": " + textLine(markdown, e.Error()) + "\n")
		}
	}
	_, err := fmt.Fprintf(w, "%s\n", b.String())
	return err
}

// writeCheckedUnits renders the units with their rows and values, and the
// totals; a file that could not be read as a table has none.
func writeCheckedUnits(w io.Writer, f *check.File, lang *Lang, markdown bool) error {
	header := []string{lang.Word("unit"), lang.Word("rows")}
	for _, k := range f.Keys {
		header = append(header, lang.Label(k, f.Headings))
	}
	var rows [][]string
	for _, u := range f.Units {
		row := []string{u.Name, fmt.Sprint(u.Rows)}
		for _, v := range u.Values {
			if v == nil {
				row = append(row, "") // a value with a problem, listed below
				continue
			}
			row = append(row, lang.Number(v))
		}
		rows = append(rows, row)
	}
	footer := []string{lang.Word("total"), ""}
	for _, t := range f.Totals {
		footer = append(footer, lang.Number(t))
	}
	if err := renderTable(w, markdown, header, rows, footer); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w)
	return err
}

type checkJSON struct {
	Files    []checkFileJSON `json:"files"`
	Errors   int             `json:"errors"`
	Warnings int             `json:"warnings"`
}

type checkFileJSON struct {
	File     string             `json:"file"`
	Sheet    string             `json:"sheet,omitempty"`
	TotalRow int                `json:"total_row"`
	Units    []checkUnitJSON    `json:"units"`
	Totals   map[string]float64 `json:"totals"`
	Errors   []findingJSON      `json:"errors"`
	Warnings []findingJSON      `json:"warnings"`
	Notes    []findingJSON      `json:"notes"`
}

type checkUnitJSON struct {
	Unit   string             `json:"unit"`
	Rows   int                `json:"rows"`
	Values map[string]float64 `json:"values"`
}

// findingJSON is an error, warning or note of check with its place. Every
// key is always there, "" or 0 where it does not apply (a CSV file has
// lines, a workbook sheets and cells), so that a script reads them
// without testing for them.
type findingJSON struct {
	File    string `json:"file"`
	Sheet   string `json:"sheet"`
	Line    int    `json:"line"`
	Cell    string `json:"cell"`
	Column  string `json:"column"`
	Message string `json:"message"`
}

func findingsJSON(errs []*indicators.Error) []findingJSON {
	out := make([]findingJSON, len(errs))
	for i, e := range errs {
		out[i] = findingJSON{File: e.File, Sheet: e.Sheet, Line: e.Line, Cell: e.Cell, Column: e.Column, Message: e.Msg}
	}
	return out
}

func (c *Check) writeJSON(w io.Writer) error {
	out := checkJSON{Files: []checkFileJSON{}}
	out.Errors, out.Warnings = c.Result.Counts()
	for _, f := range c.Result.Files {
		jf := checkFileJSON{File: f.File, Sheet: f.Sheet, TotalRow: f.TotalRow, Units: []checkUnitJSON{}, Totals: map[string]float64{},
			Errors: findingsJSON(f.Errors), Warnings: findingsJSON(f.Warnings), Notes: findingsJSON(f.Notes)}
		for i, k := range f.Keys {
			jf.Totals[k] = number(f.Totals[i])
		}
		for _, u := range f.Units {
			ju := checkUnitJSON{Unit: u.Name, Rows: u.Rows, Values: map[string]float64{}}
			for i, k := range f.Keys {
				if u.Values[i] != nil {
					ju.Values[k] = number(u.Values[i])
				}
			}
			jf.Units = append(jf.Units, ju)
		}
		out.Files = append(out.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
