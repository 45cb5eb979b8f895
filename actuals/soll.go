package actuals

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/internal/vocab"
	"github.com/raumbudget/raumbudget/scenario"
)

// Soll is the planned amount of each unit in each quarter of one year, in
// cents, read from an output of plan.
type Soll struct {
	File     string
	Year     int
	Units    []string // in the file's order
	Quarters map[string]*[4]int64
	// Planned marks the quarters whose amounts are planned, not booked:
	// all of a plan's output.
	Planned [4]bool

	seen map[string][4]bool
}

// ReadSoll reads the quarters of year from plan's output at path: its
// JSON, its CSV (German or English), or its xlsx report (the allocation
// sheet, a column per quarter) or any table with a unit, a quarter and an
// amount column. Every quarter of the year must be there for every unit.
func ReadSoll(path string, year int) (*Soll, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, indicators.OpenError(path, err)
	}
	s := &Soll{File: path, Year: year, Quarters: map[string]*[4]int64{}, Planned: [4]bool{true, true, true, true}, seen: map[string][4]bool{}}
	if isJSON(path, data) {
		err = s.readJSON(data)
	} else {
		err = s.readTable(data)
	}
	if err != nil {
		return nil, err
	}
	return s, s.complete()
}

func isJSON(path string, data []byte) bool {
	return strings.EqualFold(filepath.Ext(path), ".json") || bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n\uFEFF"), []byte("{"))
}

// complete checks that every unit has every quarter of the year.
func (s *Soll) complete() error {
	if len(s.Units) == 0 {
		return &indicators.Error{File: s.File, Msg: msg.New("no amounts for %d; give the output of a plan that covers the year", s.Year)}
	}
	for _, u := range s.Units {
		for q, ok := range s.seen[u] {
			if !ok {
				p := scenario.Period{Year: s.Year, Quarter: q + 1}
				return &indicators.Error{File: s.File, Msg: msg.New("no amount of %q for %s; give the output of a plan that covers %d", u, p, s.Year)}
			}
		}
	}
	return nil
}

// add sets unit's amount in quarter p, ignoring other years; err places
// a message.
func (s *Soll) add(unit string, p scenario.Period, cents int64, err func(msg.Text) error) error {
	if p.Year != s.Year {
		return nil
	}
	seen, ok := s.seen[unit]
	if !ok {
		s.Units = append(s.Units, unit)
		s.Quarters[unit] = new([4]int64)
	}
	if seen[p.Quarter-1] {
		return err(msg.New("%q has a second amount for %s", unit, p))
	}
	seen[p.Quarter-1] = true
	s.seen[unit] = seen
	s.Quarters[unit][p.Quarter-1] = cents
	return nil
}

// planJSON is what ReadSoll needs of plan's JSON.
type planJSON struct {
	Periods []struct {
		Period string `json:"period"`
		Units  []struct {
			Unit   string `json:"unit"`
			Amount string `json:"amount"`
		} `json:"units"`
	} `json:"periods"`
}

func (s *Soll) readJSON(data []byte) error {
	var out planJSON
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&out); err != nil && err != io.EOF {
		return &indicators.Error{File: s.File, Msg: msg.New("not the JSON output of plan: %v", err)}
	}
	var num indicators.NumberParser
	for i, period := range out.Periods {
		place := func(m msg.Text) error {
			return &indicators.Error{File: s.File, Msg: msg.New("period %d: %s", i+1, m)}
		}
		p, err := scenario.ParsePeriod(period.Period)
		if err != nil {
			return place(textOf(err))
		}
		for _, u := range period.Units {
			cents, err := jsonCents(&num, u.Amount)
			if err != nil || strings.TrimSpace(u.Unit) == "" {
				return place(msg.New("unit %q: amount %q is not an amount in euros", u.Unit, u.Amount))
			}
			if err := s.add(strings.TrimSpace(u.Unit), p, cents, place); err != nil {
				return err
			}
		}
	}
	return nil
}

func jsonCents(num *indicators.NumberParser, text string) (int64, error) {
	n, scale, neg, err := num.Decimal(text, indicators.English)
	if err != nil {
		return 0, err
	}
	v, ok := scaled(n, scale)
	if !ok || neg {
		return 0, msg.Errorf("not whole cents")
	}
	return v, nil
}

// reportSheets are the allocation sheets of the tool's xlsx reports.
var reportSheets = vocab.AllocationSheets

func (s *Soll) readTable(data []byte) error {
	opt := indicators.Options{}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		opt.Sheet = allocationSheet(s.File)
	}
	rows, err := indicators.OpenRows(bytes.NewReader(data), s.File, opt)
	if err != nil {
		return err
	}
	err = s.readRows(rows)
	if cerr := rows.Close(); cerr != nil {
		return cerr
	}
	return err
}

// allocationSheet is the allocation sheet of a report, "" for the first
// sheet; a workbook that cannot be read is reported by the read.
func allocationSheet(path string) string {
	sheets, _ := indicators.SheetNames(path)
	for _, sh := range sheets {
		if slices.Contains(reportSheets, sh) {
			return sh
		}
	}
	return ""
}
