package report

import (
	"encoding/json"
	"io"
	"math/big"
)

// explainJSON is the JSON contract of explain (see README).
type explainJSON struct {
	Unit           string      `json:"unit"`
	Period         *string     `json:"period"`
	Budget         string      `json:"budget"`
	IndicatorShare float64     `json:"indicator_share"`
	Parts          []partJSON  `json:"parts"`
	Exact          string      `json:"exact"`
	Corridor       string      `json:"corridor"`
	Rounding       string      `json:"rounding"`
	Amount         string      `json:"amount"`
	Held           *string     `json:"held"`
	Change         *changeJSON `json:"change"`
}

type partJSON struct {
	Key     string  `json:"key"`
	Value   float64 `json:"value"`
	Total   float64 `json:"total"`
	Share   float64 `json:"share"`
	Weight  float64 `json:"weight"`
	Inverse bool    `json:"inverse"`
	Amount  string  `json:"amount"`
}

type changeJSON struct {
	Against string           `json:"against"`
	From    string           `json:"from"`
	Amount  string           `json:"amount"`
	Parts   []changePartJSON `json:"parts"`
}

type changePartJSON struct {
	Key    string `json:"key"`
	Amount string `json:"amount"`
}

func (e *Explanation) writeJSON(w io.Writer) error {
	wf := e.waterfall()
	out := explainJSON{Unit: e.Unit, Budget: e.Budget.String(), IndicatorShare: number(e.IndicatorShare),
		Exact:    new(big.Rat).Quo(e.Exact, big.NewRat(100, 1)).FloatString(exactPlaces),
		Corridor: wf.corridor.String(), Rounding: wf.rounding.String(), Amount: e.Amount.String()}
	if e.Period != "" {
		out.Period = &e.Period
	}
	for i, p := range e.Parts {
		out.Parts = append(out.Parts, partJSON{Key: p.Key, Value: number(p.Value), Total: number(p.Total),
			Share: number(p.Share), Weight: number(p.Weight), Inverse: p.Inverse, Amount: wf.parts[i].String()})
	}
	if e.Held != 0 {
		h := e.Held.String()
		out.Held = &h
	}
	if c := e.Change; c != nil {
		out.Change = &changeJSON{Against: c.Against, From: c.OldAmount.String(), Amount: (e.Amount - c.OldAmount).String()}
		keys, cents := c.lines(e.Amount)
		for i, key := range keys {
			out.Change.Parts = append(out.Change.Parts, changePartJSON{Key: key, Amount: cents[i].String()})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
