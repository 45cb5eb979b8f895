package report

import (
	"encoding/json"
	"io"
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
)

// comparisonJSON is the JSON contract of scenario compare (see README).
type comparisonJSON struct {
	Baseline  scenarioJSON   `json:"baseline"`
	Scenarios []scenarioJSON `json:"scenarios"`
}

type scenarioJSON struct {
	Name    string       `json:"name"`
	Periods []periodJSON `json:"periods"`
}

func (c *Comparison) writeJSON(w io.Writer) error {
	out := comparisonJSON{Baseline: c.scenarioOut(0), Scenarios: []scenarioJSON{}}
	for i := range c.Names[1:] {
		out.Scenarios = append(out.Scenarios, c.scenarioOut(i+1))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// scenarioOut has the shape of plan's periods; a scenario's units carry
// their difference to the baseline's amount in the same quarter.
func (c *Comparison) scenarioOut(i int) scenarioJSON {
	s := scenarioJSON{Name: c.Names[i]}
	base := c.baselineAmounts()
	for _, q := range c.Results[i].Quarters {
		if !c.shows(q.Period) {
			continue
		}
		p := periodOut(q)
		for j, u := range q.Units {
			if b, ok := base[q.Period.String()+"\x00"+u.Name]; ok && i > 0 {
				d := (u.Amount - b).String()
				p.Units[j].Difference = &d
			}
		}
		s.Periods = append(s.Periods, p)
	}
	return s
}

// baselineAmounts by quarter and unit name.
func (c *Comparison) baselineAmounts() map[string]allocate.Cents {
	out := map[string]allocate.Cents{}
	for _, q := range c.Results[0].Quarters {
		for _, u := range q.Units {
			out[q.Period.String()+"\x00"+u.Name] = u.Amount
		}
	}
	return out
}

// writeCSV writes one row per scenario, quarter and unit.
func (c *Comparison) writeCSV(w io.Writer, lang *Lang) error {
	cw, err := newCSVWriter(w, lang)
	if err != nil {
		return err
	}
	_ = cw.Write(csvHeader(lang, []string{"scenario", "period", "unit", "amount", "difference", "difference_percent"}))
	base := c.baselineAmounts()
	for i, name := range c.Names {
		for _, q := range c.Results[i].Quarters {
			if !c.shows(q.Period) {
				continue
			}
			for _, u := range q.Units {
				d, p := "", ""
				if b, ok := base[q.Period.String()+"\x00"+u.Name]; ok && i > 0 {
					d = lang.PlainEuros(u.Amount - b)
					if b != 0 {
						p = lang.Decimal(big.NewRat(int64(u.Amount-b)*100, int64(b)), 2)
					}
				}
				_ = cw.Write([]string{SafeText(name), q.Period.String(), SafeText(u.Name), lang.PlainEuros(u.Amount), d, p})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
