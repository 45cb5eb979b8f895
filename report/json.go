package report

import (
	"encoding/json"
	"io"
	"math/big"
)

// allocationJSON is the JSON contract of allocate (see README): amounts are
// strings with two decimals, shares numbers, units in input order.
type allocationJSON struct {
	Budget         string             `json:"budget"`
	IndicatorShare float64            `json:"indicator_share"`
	Weights        map[string]float64 `json:"weights"`
	Inverse        []string           `json:"inverse"`
	Units          []unitJSON         `json:"units"`
	Total          string             `json:"total"`
}

type unitJSON struct {
	Unit           string            `json:"unit"`
	CompositeShare float64           `json:"composite_share"`
	HistoryShare   float64           `json:"history_share"`
	TargetShare    float64           `json:"target_share"`
	Amount         string            `json:"amount"`
	Contributions  map[string]string `json:"contributions"`
}

func (a *Allocation) writeJSON(w io.Writer) error {
	res := a.Result
	out := allocationJSON{
		Budget: res.Budget.String(), IndicatorShare: number(res.IndicatorShare),
		Weights: map[string]float64{}, Inverse: []string{}, Total: res.Total().String(),
	}
	for _, ind := range res.Indicators {
		out.Weights[ind.Key] = number(ind.Weight)
		if ind.Inverse {
			out.Inverse = append(out.Inverse, ind.Key)
		}
	}
	keys := a.contributionKeys()
	for _, row := range a.rows {
		u := unitJSON{Unit: row.unit, CompositeShare: number(row.shares.Composite), HistoryShare: number(row.shares.History),
			TargetShare: number(row.shares.Target), Amount: row.amount.String(), Contributions: map[string]string{}}
		for i, c := range row.contributions {
			u.Contributions[keys[i]] = c.String()
		}
		out.Units = append(out.Units, u)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// number is the float64 nearest to x; JSON then shows its shortest form,
// so 3/5 is written 0.6.
func number(x *big.Rat) float64 {
	f, _ := x.Float64()
	return f
}
