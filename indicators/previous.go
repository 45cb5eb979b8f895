package indicators

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ReadPrevious reads the amounts of an earlier allocation, so that a run
// can continue from what was booked: the CSV, JSON or xlsx output of
// allocate or plan (of a plan, its last quarter), or any table with a unit
// column and an amount column ("Betrag"). Each unit's amount in euros is
// its Values[0].
func ReadPrevious(path string, opt Options) (*Table, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot open: " + pathMessage(err), err: err}
	}
	if isJSON(path, data) {
		return previousJSON(path, data)
	}
	schema := Schema{Indicators: []string{KeyAmount}, LatestPeriod: true}
	if sheet, last := reportSheet(data); sheet != "" && opt.Sheet == "" {
		schema.Headings, schema.EndAtTotal, opt.Sheet = map[string]string{last: KeyAmount}, true, sheet
	}
	return Read(bytes.NewReader(data), path, schema, opt)
}

// reportSheets are the allocation sheets of the tool's xlsx reports: a row
// per unit, a column per quarter, then the total row.
var reportSheets = []string{"Zuteilung", "Allocation"}

// reportSheet finds the allocation sheet of one of the tool's reports and
// the heading of its last column, the latest quarter; "" if data is not
// such a workbook, or not a sound one, which Read then reports (also when
// it makes excelize panic).
func reportSheet(data []byte) (sheet, last string) {
	defer func() {
		if recover() != nil {
			sheet, last = "", ""
		}
	}()
	if !bytes.HasPrefix(data, zipMagic) {
		return "", ""
	}
	f, err := openWorkbook(bytes.NewReader(data), "")
	if err != nil {
		return "", ""
	}
	defer f.Close()
	for _, name := range f.GetSheetList() {
		if !slices.Contains(reportSheets, name) {
			continue
		}
		rows, err := f.Rows(name)
		if err != nil || !rows.Next() {
			return "", ""
		}
		defer rows.Close()
		header, _ := rows.Columns()
		if len(header) < 2 {
			return "", ""
		}
		return name, header[len(header)-1]
	}
	return "", ""
}

func isJSON(path string, data []byte) bool {
	if strings.EqualFold(filepath.Ext(path), ".json") {
		return true
	}
	return bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n\uFEFF"), []byte("{"))
}

// outputJSON is what previousJSON needs of allocate's and plan's JSON.
type outputJSON struct {
	Units   []amountJSON `json:"units"`
	Periods []struct {
		Period string       `json:"period"`
		Units  []amountJSON `json:"units"`
	} `json:"periods"`
}

type amountJSON struct {
	Unit   string `json:"unit"`
	Amount string `json:"amount"`
}

func previousJSON(path string, data []byte) (*Table, error) {
	var out outputJSON
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&out); err != nil && err != io.EOF {
		return nil, &Error{File: path, Msg: "not the JSON output of allocate or plan: " + err.Error()}
	}
	t := newTable(path, "", Schema{Indicators: []string{KeyAmount}})
	t.Headings[keyUnit], t.Headings[KeyAmount] = "unit", "amount"
	units := out.Units
	if n := len(out.Periods); n > 0 {
		units, t.Period = out.Periods[n-1].Units, out.Periods[n-1].Period
	}
	if len(units) == 0 {
		return nil, &Error{File: path, Msg: "no units: not the JSON output of allocate or plan"}
	}
	for i, u := range units {
		if err := t.addJSONUnit(i, u); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func (t *Table) addJSONUnit(i int, u amountJSON) error {
	place := fmt.Sprintf("unit %d (%s): ", i+1, quote(u.Unit))
	amount, err := ParseNumber(u.Amount, English)
	switch {
	case strings.TrimSpace(u.Unit) == "":
		return &Error{File: t.File, Msg: fmt.Sprintf("unit %d has no name", i+1)}
	case err != nil:
		return &Error{File: t.File, Msg: place + "amount " + err.Error()}
	case amount.Sign() < 0:
		return &Error{File: t.File, Msg: place + "negative amount " + u.Amount}
	}
	for _, other := range t.Units {
		if other.Name == strings.TrimSpace(u.Unit) {
			return &Error{File: t.File, Msg: place + "appears twice"}
		}
	}
	t.Units = append(t.Units, Unit{Name: strings.TrimSpace(u.Unit), Values: []*big.Rat{amount}, Rows: 1})
	return nil
}
