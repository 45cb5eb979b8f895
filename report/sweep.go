package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strconv"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/scenario"
)

// Sweep presents a weight sweep of one quarter.
type Sweep struct {
	Result         *scenario.SweepResult
	Quarter        scenario.Quarter
	Reference      []allocate.Cents // what the crossings compare with
	ReferenceLabel string           // a quarter, or "previous"
	// Steps, if set, hands out the steps one by one, and Result holds
	// none: CSV and JSON are written as the steps come, so that memory does
	// not grow with their number (the table needs all rows for its widths).
	Steps func(each func(scenario.SweepStep) error) error
}

// eachStep hands the steps to each, in order.
func (s *Sweep) eachStep(each func(scenario.SweepStep) error) error {
	if s.Steps != nil {
		return s.Steps(each)
	}
	for _, step := range s.Result.Steps {
		if err := each(step); err != nil {
			return err
		}
	}
	return nil
}

// Write renders the sweep as a table, Markdown, CSV or JSON.
func (s *Sweep) Write(w io.Writer, format string, lang *Lang) error {
	return write(s, w, format, lang)
}

func (s *Sweep) names() []string {
	out := make([]string, len(s.Quarter.Units))
	for u, unit := range s.Quarter.Units {
		out[u] = unit.Name
	}
	return out
}

// writeTable shows a row per step, a column per unit, the reference as the
// last row, then each unit's crossing.
func (s *Sweep) writeTable(w io.Writer, lang *Lang, markdown bool) error {
	a := Allocation{}
	title := fmt.Sprintf("%s · %s %s · %s %s", s.Quarter.Period, lang.Word("indicator_share"), lang.Share(s.Quarter.IndicatorShare),
		lang.Word("budget"), lang.Euros(s.Quarter.Budget)+" €")
	if _, err := fmt.Fprintf(w, "%s\n\n", title); err != nil {
		return err
	}
	header := append([]string{lang.Word("weight_of") + " " + a.label(lang, s.Result.Key)}, s.names()...)
	var rows [][]string
	err := s.eachStep(func(step scenario.SweepStep) error {
		row := []string{lang.Share(step.Weight)}
		for _, c := range step.Amounts {
			row = append(row, lang.Euros(c))
		}
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		return err
	}
	footer := []string{lang.Word("reference") + " " + s.ReferenceLabel}
	for _, c := range s.Reference {
		footer = append(footer, lang.Euros(c))
	}
	if err := renderTable(w, markdown, header, rows, footer); err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "\n%s", textLine(markdown, s.crossingText(lang)))
	return err
}

func (s *Sweep) crossingText(lang *Lang) string {
	text := ""
	found := map[int]scenario.Crossing{}
	for _, c := range s.Result.Crossings {
		found[c.Unit] = c
	}
	for u, name := range s.names() {
		c, ok := found[u]
		switch {
		case !ok:
			text += fmt.Sprintf("%s %s\n", name, lang.Word("no_crossing"))
		case c.Rising:
			text += fmt.Sprintf("%s %s %s\n", name, lang.Word("crosses_up"), lang.Share(c.Weight))
		default:
			text += fmt.Sprintf("%s %s %s\n", name, lang.Word("crosses_down"), lang.Share(c.Weight))
		}
	}
	return text
}

func (s *Sweep) writeCSV(w io.Writer, lang *Lang) error {
	cw, err := newCSVWriter(w, lang)
	if err != nil {
		return err
	}
	_ = cw.Write(csvHeader(lang, []string{"weight", "unit", "share", "amount"}))
	names := s.names()
	err = s.eachStep(func(step scenario.SweepStep) error {
		weight := lang.Decimal(step.Weight, sharePlaces)
		for u, c := range step.Amounts {
			_ = cw.Write([]string{weight, SafeText(names[u]), lang.Decimal(s.share(c), sharePlaces), lang.PlainEuros(c)})
		}
		return cw.Error() // a closed pipe stops the sweep
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// share is an amount's share of the quarter's budget.
func (s *Sweep) share(c allocate.Cents) *big.Rat {
	if s.Quarter.Budget == 0 {
		return new(big.Rat)
	}
	return big.NewRat(int64(c), int64(s.Quarter.Budget))
}

type sweepJSON struct {
	Indicator string              `json:"indicator"`
	Period    string              `json:"period"`
	Budget    string              `json:"budget"`
	Reference sweepReferenceJSON  `json:"reference"`
	Steps     []sweepStepJSON     `json:"steps"`
	Crossings []sweepCrossingJSON `json:"crossings"`
}

type sweepReferenceJSON struct {
	Source string        `json:"source"`
	Units  []amountsJSON `json:"units"`
}

type amountsJSON struct {
	Unit   string  `json:"unit"`
	Share  float64 `json:"share,omitempty"`
	Amount string  `json:"amount"`
}

type sweepStepJSON struct {
	Weight  float64            `json:"weight"`
	Weights map[string]float64 `json:"weights"`
	Units   []amountsJSON      `json:"units"`
}

type sweepCrossingJSON struct {
	Unit      string  `json:"unit"`
	Weight    float64 `json:"weight"`
	Direction string  `json:"direction"`
}

// writeJSON writes what json.Encoder with an indent of two spaces would
// write for sweepJSON, but the steps one by one as they come.
func (s *Sweep) writeJSON(w io.Writer) error {
	names := s.names()
	head := sweepJSON{Indicator: s.Result.Key, Period: s.Quarter.Period.String(), Budget: s.Quarter.Budget.String(),
		Reference: sweepReferenceJSON{Source: s.ReferenceLabel}}
	for u, c := range s.Reference {
		head.Reference.Units = append(head.Reference.Units, amountsJSON{Unit: names[u], Amount: c.String()})
	}
	jw := &jsonFields{w: w}
	jw.raw("{\n")
	jw.field("indicator", head.Indicator, ",")
	jw.field("period", head.Period, ",")
	jw.field("budget", head.Budget, ",")
	jw.field("reference", head.Reference, ",")
	jw.raw(`  "steps": [`)
	keys := s.Quarter.Result.Indicators
	count := 0
	err := s.eachStep(func(step scenario.SweepStep) error {
		js := sweepStepJSON{Weight: number(step.Weight), Weights: map[string]float64{}}
		for k, wk := range step.Weights {
			js.Weights[keys[k].Key] = number(wk)
		}
		for u, c := range step.Amounts {
			js.Units = append(js.Units, amountsJSON{Unit: names[u], Share: number(s.share(c)), Amount: c.String()})
		}
		if count > 0 {
			jw.raw(",")
		}
		count++
		jw.raw("\n    ")
		jw.value(js, "    ")
		return jw.err
	})
	if err != nil {
		return err
	}
	if count > 0 {
		jw.raw("\n  ")
	}
	jw.raw("],\n")
	crossings := []sweepCrossingJSON{}
	for _, c := range s.Result.Crossings {
		dir := "falling"
		if c.Rising {
			dir = "rising"
		}
		crossings = append(crossings, sweepCrossingJSON{Unit: names[c.Unit], Weight: number(c.Weight), Direction: dir})
	}
	jw.field("crossings", crossings, "")
	jw.raw("}\n")
	return jw.err
}

// jsonFields writes an indented JSON object a field at a time, keeping
// the first error.
type jsonFields struct {
	w   io.Writer
	err error
}

func (j *jsonFields) raw(text string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, text)
	}
}

// field writes `  "key": value` and the separator, then a new line.
func (j *jsonFields) field(key string, v any, sep string) {
	j.raw("  " + strconv.Quote(key) + ": ")
	j.value(v, "  ")
	j.raw(sep + "\n")
}

// value writes v indented as a member at indent.
func (j *jsonFields) value(v any, indent string) {
	if j.err != nil {
		return
	}
	var data []byte
	data, j.err = json.MarshalIndent(v, indent, "  ")
	if j.err == nil {
		_, j.err = j.w.Write(data)
	}
}
