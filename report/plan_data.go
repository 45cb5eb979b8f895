package report

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/scenario"
)

// planJSON is the JSON contract of plan (see README).
type planJSON struct {
	Weights         map[string]float64 `json:"weights"`
	Inverse         []string           `json:"inverse"`
	Corridor        *corridorJSON      `json:"corridor"`
	TransitionStart *string            `json:"transition_start"`
	Periods         []periodJSON       `json:"periods"`
	TargetReached   *string            `json:"target_reached"`
}

type corridorJSON struct {
	MaxDecrease *float64 `json:"max_decrease"`
	MaxIncrease *float64 `json:"max_increase"`
}

type periodJSON struct {
	Period         string         `json:"period"`
	IndicatorShare float64        `json:"indicator_share"`
	Budget         string         `json:"budget"`
	Units          []planUnitJSON `json:"units"`
	Total          string         `json:"total"`
}

type planUnitJSON struct {
	Unit          string   `json:"unit"`
	Amount        string   `json:"amount"`
	Change        *string  `json:"change"`
	ChangePercent *float64 `json:"change_percent"`
	TargetShare   float64  `json:"target_share"`
	Share         float64  `json:"share"`
	Held          *string  `json:"held"`
	Distance      float64  `json:"distance"`
	Difference    *string  `json:"difference,omitempty"` // scenario compare: amount − the baseline's
}

func (p *Plan) writeJSON(w io.Writer) error {
	first := p.Result.Quarters[0].Result
	out := planJSON{Weights: map[string]float64{}, Inverse: []string{}}
	for _, ind := range first.Indicators {
		out.Weights[ind.Key] = number(ind.Weight)
		if ind.Inverse {
			out.Inverse = append(out.Inverse, ind.Key)
		}
	}
	if c := p.Corridor; c != nil {
		out.Corridor = &corridorJSON{MaxDecrease: optionalNumber(c.MaxDecrease), MaxIncrease: optionalNumber(c.MaxIncrease)}
	}
	if p.TransitionStart != (scenario.Period{}) {
		s := p.TransitionStart.String()
		out.TransitionStart = &s
	}
	for _, q := range p.Result.Quarters {
		out.Periods = append(out.Periods, periodOut(q))
	}
	if r := p.Result.TargetReached; r != nil {
		s := r.String()
		out.TargetReached = &s
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func periodOut(q scenario.Quarter) periodJSON {
	out := periodJSON{Period: q.Period.String(), IndicatorShare: number(q.IndicatorShare), Budget: q.Budget.String(), Total: q.Budget.String()}
	for _, u := range q.Units {
		unit := planUnitJSON{Unit: u.Name, Amount: u.Amount.String(), TargetShare: number(u.Target), Share: number(u.Share),
			Distance: number(new(big.Rat).Sub(u.Share, u.Target))}
		if change, ok := u.Change(); ok {
			s := change.String()
			unit.Change, unit.ChangePercent = &s, changePercent(u)
		}
		if u.Held != allocate.NotHeld {
			s := u.Held.String()
			unit.Held = &s
		}
		out.Units = append(out.Units, unit)
	}
	return out
}

// changePercent is the change in percent of the previous amount; nil when
// that was 0.
func changePercent(u scenario.UnitQuarter) *float64 {
	change, _ := u.Change()
	if *u.Previous == 0 {
		return nil
	}
	return optionalNumber(big.NewRat(int64(change)*100, int64(*u.Previous)))
}

func optionalNumber(x *big.Rat) *float64 {
	if x == nil {
		return nil
	}
	f := number(x)
	return &f
}

// writeCSV writes one row per quarter and unit, the long form that
// scripts and pivot tables read best.
func (p *Plan) writeCSV(w io.Writer, lang *Lang) error {
	cw, err := newCSVWriter(w, lang)
	if err != nil {
		return err
	}
	keys := []string{"period", "indicator_share", "budget", "unit", "amount", "change", "change_percent", "target_share", "share", "held", "distance"}
	_ = cw.Write(csvHeader(lang, keys))
	for _, q := range p.Result.Quarters {
		for _, u := range q.Units {
			_ = cw.Write(planCSVRecord(lang, q, u))
		}
	}
	cw.Flush()
	return cw.Error()
}

func planCSVRecord(lang *Lang, q scenario.Quarter, u scenario.UnitQuarter) []string {
	change, percent := "", ""
	if c, ok := u.Change(); ok {
		change = lang.PlainEuros(c)
		if *u.Previous != 0 {
			percent = lang.Decimal(big.NewRat(int64(c)*100, int64(*u.Previous)), 2)
		}
	}
	held := ""
	if u.Held != allocate.NotHeld {
		held = lang.Word(u.Held.String())
	}
	return []string{q.Period.String(), lang.Decimal(q.IndicatorShare, sharePlaces), lang.PlainEuros(q.Budget),
		SafeText(u.Name), lang.PlainEuros(u.Amount), change, percent,
		lang.Decimal(u.Target, sharePlaces), lang.Decimal(u.Share, sharePlaces), held,
		lang.Decimal(new(big.Rat).Sub(u.Share, u.Target), sharePlaces)}
}

// newCSVWriter starts CSV in the language's dialect (see writeCSV of
// Allocation).
func newCSVWriter(w io.Writer, lang *Lang) (*csv.Writer, error) {
	cw := csv.NewWriter(w)
	if lang == German {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return nil, err
		}
		cw.Comma, cw.UseCRLF = ';', true
	}
	return cw, nil
}

// csvHeader is the keys themselves in English, for scripts, and German
// headings in German.
func csvHeader(lang *Lang, keys []string) []string {
	if lang == English {
		return keys
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = lang.Word(k)
	}
	return out
}
