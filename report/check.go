package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strings"
)

// Check is what raumbudget check found in its files.
type Check struct {
	Files []CheckedFile
}

// CheckedFile is one file's units, totals, errors and warnings.
type CheckedFile struct {
	File     string
	Sheet    string
	Keys     []string // the columns read, indicators then spending
	Units    []CheckedUnit
	Totals   []*big.Rat // one per key
	Errors   []string
	Warnings []string
	Headings map[string]string
}

// CheckedUnit is a unit and how many rows (quarters) were summed into it.
type CheckedUnit struct {
	Name   string
	Rows   int
	Values []*big.Rat // one per key; nil where it could not be read
}

// Counts are the errors and warnings over all files.
func (c *Check) Counts() (errors, warnings int) {
	for _, f := range c.Files {
		errors += len(f.Errors)
		warnings += len(f.Warnings)
	}
	return errors, warnings
}

// Write renders the check as a table, Markdown or JSON.
func (c *Check) Write(w io.Writer, format string, lang *Lang) error {
	if format == "json" {
		return c.writeJSON(w)
	}
	for _, f := range c.Files {
		if err := f.writeTable(w, lang, format == "markdown"); err != nil {
			return err
		}
	}
	errs, warns := c.Counts()
	_, err := fmt.Fprintf(w, "%s: %d, %s: %d\n", lang.Word("errors"), errs, lang.Word("warnings"), warns)
	return err
}

func (f *CheckedFile) writeTable(w io.Writer, lang *Lang, markdown bool) error {
	title := f.File
	if f.Sheet != "" {
		title += " (" + f.Sheet + ")"
	}
	if _, err := fmt.Fprintf(w, "%s\n\n", textLine(markdown, title)); err != nil {
		return err
	}
	if len(f.Keys) > 0 || len(f.Units) > 0 {
		if err := f.writeUnits(w, lang, markdown); err != nil {
			return err
		}
	}
	var b strings.Builder
	for _, e := range f.Errors {
		b.WriteString(lang.Word("error") + ": " + textLine(markdown, e) + "\n")
	}
	for _, wn := range f.Warnings {
		b.WriteString(lang.Word("warning") + ": " + textLine(markdown, wn) + "\n")
	}
	_, err := fmt.Fprintf(w, "%s\n", b.String())
	return err
}

// writeUnits renders the units with their rows and values, and the
// totals; a file that could not be read as a table has none.
func (f *CheckedFile) writeUnits(w io.Writer, lang *Lang, markdown bool) error {
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
	Units    []checkUnitJSON    `json:"units"`
	Totals   map[string]float64 `json:"totals"`
	Errors   []string           `json:"errors"`
	Warnings []string           `json:"warnings"`
}

type checkUnitJSON struct {
	Unit   string             `json:"unit"`
	Rows   int                `json:"rows"`
	Values map[string]float64 `json:"values"`
}

func (c *Check) writeJSON(w io.Writer) error {
	out := checkJSON{Files: []checkFileJSON{}}
	out.Errors, out.Warnings = c.Counts()
	for _, f := range c.Files {
		jf := checkFileJSON{File: f.File, Sheet: f.Sheet, Units: []checkUnitJSON{}, Totals: map[string]float64{},
			Errors: append([]string{}, f.Errors...), Warnings: append([]string{}, f.Warnings...)}
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
