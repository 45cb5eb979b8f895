package indicators

import (
	"bytes"
	"encoding/json"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/internal/vocab"
	"github.com/raumbudget/raumbudget/internal/xlsx"
)

// ReadPrevious reads the amounts of an earlier allocation, so that a run
// can continue from what was booked: the CSV, JSON or xlsx output of
// allocate or plan (of a plan, its last quarter or opt.Period), or any
// table with a unit column and an amount column ("Betrag"). Each unit's
// amount in euros is its Values[0]. Table.Period is the quarter read when
// the file names its quarters (a plan's output), else "".
func ReadPrevious(path string, opt Options) (*Table, error) {
	data, err := readBounded(path)
	if err != nil {
		return nil, err
	}
	opt.Period = strings.ToUpper(strings.TrimSpace(opt.Period))
	if isJSON(path, data) {
		return previousJSON(path, data, opt.Period)
	}
	schema := Schema{Indicators: []string{KeyAmount}, LatestPeriod: true, Period: opt.Period}
	isXLSX, err := detectFormat(bytes.NewReader(data), path)
	if err != nil {
		return nil, err
	}
	if !isXLSX {
		t, err := readCSV(bytes.NewReader(data), path, schema)
		if err != nil {
			return nil, err
		}
		return t, unquoteNames(t)
	}
	// The workbook is opened, and its parts proved sound, once: for the
	// look for a report's sheet and for the read.
	w, err := openXLSX(bytes.NewReader(data), path)
	if err != nil {
		return nil, err
	}
	var period string
	if sheet, header := reportSheet(w); sheet != "" && opt.Sheet == "" {
		column, err := reportColumn(path, sheet, header, opt.Period)
		if err != nil {
			w.Close()
			return nil, err
		}
		schema.Headings, schema.EndAtTotal, opt.Sheet = map[string]string{column: KeyAmount}, true, sheet
		if isQuarter(column) {
			period = strings.ToUpper(column)
		}
	}
	t, err := w.Read(schema, Options{Sheet: opt.Sheet})
	if err != nil {
		return nil, err
	}
	if period != "" {
		t.Period = period
	}
	return t, nil
}

// reportColumn is the column of a report's allocation sheet to read: the
// quarter asked for, else the last.
func reportColumn(path, sheet string, header []string, period string) (string, error) {
	if period == "" {
		return header[len(header)-1], nil
	}
	var quarters []string
	for _, h := range header[1:] {
		if strings.EqualFold(strings.TrimSpace(h), period) {
			return h, nil
		}
		if isQuarter(h) {
			quarters = append(quarters, h)
		}
	}
	if len(quarters) == 0 {
		return "", &Error{File: path, Sheet: sheet, Msg: msg.New("no quarters to pick %s from", period)}
	}
	return "", &Error{File: path, Sheet: sheet, Msg: msg.New("no quarter %s (its quarters: %s)", period, strings.Join(quarters, ", "))}
}

// isQuarter says whether s is written like a quarter, 2026-Q1.
func isQuarter(s string) bool {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 7 || s[4:6] != "-Q" || s[6] < '1' || s[6] > '4' {
		return false
	}
	for _, r := range s[:4] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// unquoteNames undoes the ' the tool's CSV output puts before a name that
// starts with =, +, -, @, a tab or a carriage return (so that a
// spreadsheet does not run it as a formula): that CSV reads back as the
// names it was made from. Two names that become one are an error.
func unquoteNames(t *Table) error {
	seen := make(map[string]int, len(t.Units))
	for i := range t.Units {
		name := t.Units[i].Name
		if len(name) > 1 && name[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(name[1])) {
			t.Units[i].Name = name[1:]
		}
		if j, dup := seen[t.Units[i].Name]; dup {
			return t.ErrorAt(i, keyUnit, msg.New("unit %s is also in line %d", cellText(t.Units[i].Name), t.Units[j].Line))
		}
		seen[t.Units[i].Name] = i
	}
	return nil
}

// reportSheets are the allocation sheets of the tool's xlsx reports: a row
// per unit, a column per quarter, then the total row.
var reportSheets = vocab.AllocationSheets

// reportSheet finds the allocation sheet of one of the tool's reports and
// its header row; "" if w is not such a workbook, or not a sound one,
// which its read then reports.
func reportSheet(w *Workbook) (sheet string, header []string) {
	defer func() {
		if recover() != nil {
			sheet, header = "", nil
		}
	}()
	for i, s := range w.book.Sheets() {
		if !slices.Contains(reportSheets, s.Name) {
			continue
		}
		header := firstRow(w.book, i)
		if len(header) < 2 || w.book.Sound() != nil {
			return "", nil
		}
		return s.Name, header
	}
	return "", nil
}

// firstRow returns the cells of row 1 of sheet i, if its part is sound;
// nil if not, or if the row has no cells.
func firstRow(w *xlsx.Workbook, i int) []string {
	rows, err := w.Rows(i)
	if err != nil {
		return nil
	}
	defer rows.Close()
	if rows.Next() != nil || rows.Row() != 1 {
		return nil
	}
	header := slices.Clone(rows.Cells())
	if rows.Finish() != nil {
		return nil
	}
	return header
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

func previousJSON(path string, data []byte, period string) (*Table, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if err := oneDocument(path, data); err != nil {
		return nil, err
	}
	var out outputJSON
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, &Error{File: path, Msg: msg.New("not the JSON output of allocate or plan: %v", err)}
	}
	t := newTable(path, "", Schema{Indicators: []string{KeyAmount}})
	t.Headings[keyUnit], t.Headings[KeyAmount] = "unit", "amount"
	units, err := jsonPeriod(t, out, period)
	if err != nil {
		return nil, err
	}
	if len(units) == 0 {
		return nil, &Error{File: path, Msg: msg.New("no units: not the JSON output of allocate or plan")}
	}
	seen := make(map[string]int, len(units))
	t.Units = make([]Unit, 0, len(units))
	for i, u := range units {
		if err := t.addJSONUnit(i, u, seen); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// jsonPeriod picks the units of a plan's quarter (the last, or period);
// allocate's output has no quarters.
func jsonPeriod(t *Table, out outputJSON, period string) ([]amountJSON, error) {
	n := len(out.Periods)
	if n == 0 {
		return out.Units, nil
	}
	if period == "" {
		t.Period = strings.ToUpper(out.Periods[n-1].Period)
		return out.Periods[n-1].Units, nil
	}
	var quarters []string
	for _, p := range out.Periods {
		if strings.EqualFold(p.Period, period) {
			t.Period = period
			return p.Units, nil
		}
		quarters = append(quarters, p.Period)
	}
	return nil, &Error{File: t.File, Msg: msg.New("no quarter %s (its quarters: %s)", period, strings.Join(quarters, ", "))}
}

// oneDocument checks that data is a single JSON value in which no object
// has a key twice: encoding/json would silently keep the last "amount" of
// a unit, and read only the first of two documents appended to one file.
func oneDocument(path string, data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	fail := func(offset int64, m msg.Text) error {
		return &Error{File: path, Line: lineAt(data, offset), Msg: m}
	}
	var open []jsonFrame
	for first := true; first || len(open) > 0; first = false {
		tok, err := dec.Token()
		if err == io.EOF {
			return fail(dec.InputOffset(), msg.New("not the JSON output of allocate or plan: it ends too early"))
		}
		if err != nil {
			return fail(dec.InputOffset(), msg.New("not the JSON output of allocate or plan: %v", err))
		}
		if key, ok := tok.(string); ok && len(open) > 0 && open[len(open)-1].wantKey {
			n := len(open)
			if open[n-1].keys[key] {
				return fail(dec.InputOffset(), msg.New("the key %s appears twice in one object", named(key)))
			}
			open[n-1].keys[key], open[n-1].wantKey = true, false
			continue
		}
		switch tok {
		case json.Delim('{'):
			open = append(open, jsonFrame{keys: map[string]bool{}, wantKey: true})
			continue
		case json.Delim('['):
			open = append(open, jsonFrame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			open = open[:len(open)-1]
		}
		// A value is complete: the object around it expects a key next.
		if n := len(open); n > 0 && open[n-1].keys != nil {
			open[n-1].wantKey = true
		}
	}
	end := dec.InputOffset()
	rest := data[end:]
	if trimmed := bytes.TrimLeft(rest, " \t\r\n"); len(trimmed) > 0 {
		return fail(end+int64(len(rest)-len(trimmed)), msg.New("a second JSON document follows the first; the file must hold one"))
	}
	return nil
}

// jsonFrame is an open object (keys not nil) or array while checking.
type jsonFrame struct {
	keys    map[string]bool
	wantKey bool // the next token is a key; '}' ends the object instead
}

// lineAt is the line (from 1) of byte offset in data.
func lineAt(data []byte, offset int64) int {
	offset = min(max(offset, 0), int64(len(data)))
	return 1 + bytes.Count(data[:offset], []byte("\n"))
}

func (t *Table) addJSONUnit(i int, u amountJSON, seen map[string]int) error {
	unit := cellText(u.Unit)
	amount, err := ParseNumber(u.Amount, English)
	name := strings.TrimSpace(u.Unit)
	switch {
	case name == "":
		return &Error{File: t.File, Msg: msg.New("unit %d has no name", i+1)}
	case err != nil:
		return &Error{File: t.File, Msg: msg.New("unit %d (%s): amount %v", i+1, unit, err)}
	case amount.Sign() < 0:
		return &Error{File: t.File, Msg: msg.New("unit %d (%s): negative amount %s", i+1, unit, u.Amount)}
	}
	if j, dup := seen[name]; dup {
		return &Error{File: t.File, Msg: msg.New("unit %d (%s): appears twice (also unit %d)", i+1, unit, j+1)}
	}
	seen[name] = i
	t.Units = append(t.Units, Unit{Name: name, Values: []*big.Rat{amount}, Rows: 1})
	return nil
}

// readBounded reads a whole file of at most maxCSV bytes; a device or a
// pipe (/dev/zero) is held to the same bound as a regular file.
func readBounded(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, OpenError(path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCSV+1))
	if err != nil {
		return nil, &Error{File: path, Msg: msg.New("cannot read: %s", pathMessage(err)), err: err}
	}
	if int64(len(data)) > maxCSV {
		return nil, tooLarge(path)
	}
	return data, nil
}
