package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/scenario"
)

// Sweep presents a weight sweep of one quarter.
type Sweep struct {
	Result         *scenario.SweepResult
	Quarter        scenario.Quarter
	Reference      []allocate.Cents // what the crossings compare with
	ReferenceLabel string           // a quarter, or "previous"
}

// Write renders the sweep as a table, Markdown, CSV or JSON.
func (s *Sweep) Write(w io.Writer, format string, lang *Lang) error {
	switch format {
	case "table":
		return s.writeTable(w, lang, false)
	case "markdown":
		return s.writeTable(w, lang, true)
	case "csv":
		return s.writeCSV(w, lang)
	case "json":
		return s.writeJSON(w)
	}
	return fmt.Errorf("unknown output format %q", format)
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
	rows := make([][]string, len(s.Result.Steps))
	for i, step := range s.Result.Steps {
		rows[i] = []string{lang.Share(step.Weight)}
		for _, c := range step.Amounts {
			rows[i] = append(rows[i], lang.Euros(c))
		}
	}
	footer := []string{lang.Word("reference") + " " + s.ReferenceLabel}
	for _, c := range s.Reference {
		footer = append(footer, lang.Euros(c))
	}
	if err := renderTable(w, markdown, header, rows, footer); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s", textLine(markdown, s.crossingText(lang)))
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
	for _, step := range s.Result.Steps {
		weight := lang.Decimal(step.Weight, sharePlaces)
		for u, c := range step.Amounts {
			_ = cw.Write([]string{weight, SafeText(names[u]), lang.Decimal(s.share(c), sharePlaces), lang.PlainEuros(c)})
		}
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

func (s *Sweep) writeJSON(w io.Writer) error {
	names := s.names()
	out := sweepJSON{Indicator: s.Result.Key, Period: s.Quarter.Period.String(), Budget: s.Quarter.Budget.String(),
		Reference: sweepReferenceJSON{Source: s.ReferenceLabel}, Steps: []sweepStepJSON{}, Crossings: []sweepCrossingJSON{}}
	for u, c := range s.Reference {
		out.Reference.Units = append(out.Reference.Units, amountsJSON{Unit: names[u], Amount: c.String()})
	}
	keys := s.Quarter.Result.Indicators
	for _, step := range s.Result.Steps {
		js := sweepStepJSON{Weight: number(step.Weight), Weights: map[string]float64{}}
		for k, wk := range step.Weights {
			js.Weights[keys[k].Key] = number(wk)
		}
		for u, c := range step.Amounts {
			js.Units = append(js.Units, amountsJSON{Unit: names[u], Share: number(s.share(c)), Amount: c.String()})
		}
		out.Steps = append(out.Steps, js)
	}
	for _, c := range s.Result.Crossings {
		dir := "falling"
		if c.Rising {
			dir = "rising"
		}
		out.Crossings = append(out.Crossings, sweepCrossingJSON{Unit: names[c.Unit], Weight: number(c.Weight), Direction: dir})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
