package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math/big"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/monitor"
)

// monitorJSON is the JSON contract of monitor (see README).
type monitorJSON struct {
	Year           int               `json:"year"`
	AsOf           string            `json:"as_of"`
	Method         string            `json:"method"`
	Tolerance      float64           `json:"tolerance"`
	SeasonalFactor *float64          `json:"seasonal_factor"`
	EarlierYears   []int             `json:"earlier_years"`
	Units          []monitorUnitJSON `json:"units"`
	Total          monitorRowJSON    `json:"total"`
}

type monitorUnitJSON struct {
	Unit string `json:"unit"`
	monitorRowJSON
	PlannedQuarters []string `json:"planned_quarters"`
}

type monitorRowJSON struct {
	SollYear         string     `json:"soll_year"`
	SollToDate       string     `json:"soll_to_date"`
	IstToDate        string     `json:"ist_to_date"`
	Utilisation      *float64   `json:"utilisation"`
	Projection       string     `json:"projection"`
	Deviation        string     `json:"deviation"`
	DeviationPercent *float64   `json:"deviation_percent"`
	Status           string     `json:"status"`
	Cases            *casesJSON `json:"cases,omitempty"`
}

type casesJSON struct {
	CaseMonths        float64  `json:"case_months"`
	Average           float64  `json:"average"`
	CostPerCaseMonth  *string  `json:"cost_per_case_month"`
	IstBefore         *string  `json:"ist_before"`
	CaseMonthsBefore  *float64 `json:"case_months_before"`
	CostPerCaseBefore *string  `json:"cost_per_case_month_before"`
	Change            *string  `json:"change"`
	CaseEffect        *string  `json:"case_effect"`
	CostEffect        *string  `json:"cost_effect"`
}

func (m *Monitor) writeJSON(w io.Writer) error {
	res := m.Result
	out := monitorJSON{Year: res.Year, AsOf: m.AsOf(), Method: res.Method.String(), Tolerance: number(res.Tolerance),
		SeasonalFactor: optionalNumber(res.Factor), EarlierYears: []int{}, Units: []monitorUnitJSON{}, Total: rowJSON(res.Total)}
	for _, y := range res.Earlier {
		out.EarlierYears = append(out.EarlierYears, y.Year)
	}
	for _, r := range res.Units {
		u := monitorUnitJSON{Unit: r.Unit, monitorRowJSON: rowJSON(r), PlannedQuarters: []string{}}
		for _, q := range r.Planned {
			u.PlannedQuarters = append(u.PlannedQuarters, fmt.Sprintf("%d-Q%d", res.Year, q))
		}
		out.Units = append(out.Units, u)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func rowJSON(r monitor.Row) monitorRowJSON {
	c := func(v int64) string { return allocate.Cents(v).String() }
	out := monitorRowJSON{SollYear: c(r.SollYear), SollToDate: c(r.SollToDate), IstToDate: c(r.IstToDate),
		Utilisation: optionalNumber(r.Utilisation), Projection: c(r.Projection), Deviation: c(r.Deviation),
		DeviationPercent: optionalNumber(r.DeviationPct), Status: r.Status.String()}
	if r.Cases != nil {
		out.Cases = casesOut(r.Cases)
	}
	return out
}

func casesOut(c *monitor.Cases) *casesJSON {
	out := &casesJSON{CaseMonths: hundredths(c.CaseMonths), Average: number(c.Average), CostPerCaseMonth: centsText(c.CostPerCase),
		CaseEffect: centsText(c.CaseEffect), CostEffect: centsText(c.CostEffect)}
	if c.Before {
		before := hundredths(c.CaseMonthsBefore)
		out.IstBefore, out.CaseMonthsBefore = centsText(&c.IstBefore), &before
		out.CostPerCaseBefore, out.Change = centsText(c.CostPerCaseBefore), centsText(&c.Change)
	}
	return out
}

func hundredths(v int64) float64 {
	return number(big.NewRat(v, 100))
}

func centsText(v *int64) *string {
	if v == nil {
		return nil
	}
	s := allocate.Cents(*v).String()
	return &s
}

// writeCSV writes one row per unit and the total, with the JSON's columns.
func (m *Monitor) writeCSV(w io.Writer, lang *Lang) error {
	cw, err := newCSVWriter(w, lang)
	if err != nil {
		return err
	}
	keys := append(m.columns(), "planned_quarters")
	if m.Result.HasCases {
		keys = append(m.columns()[:9], "case_months", "cases", "cost_per_case", "ist_before", "case_months_before", "cost_per_case_before",
			"change", "case_effect", "cost_effect", "planned_quarters")
	}
	header := keys
	if lang != English {
		header = make([]string, len(keys))
		for i, k := range keys {
			header[i] = lang.MonitorWord(k)
		}
		header[0] = lang.Word("unit")
	}
	_ = cw.Write(header)
	for _, r := range m.Result.Units {
		_ = cw.Write(m.csvRecord(lang, r, SafeText(r.Unit)))
	}
	_ = cw.Write(m.csvRecord(lang, m.Result.Total, lang.Word("total")))
	cw.Flush()
	return cw.Error()
}

func (m *Monitor) csvRecord(lang *Lang, r monitor.Row, name string) []string {
	e := func(c int64) string { return lang.PlainEuros(allocate.Cents(c)) }
	opt := func(c *int64) string {
		if c == nil {
			return ""
		}
		return e(*c)
	}
	ratio := func(x *big.Rat) string {
		if x == nil {
			return ""
		}
		return lang.Decimal(x, sharePlaces)
	}
	rec := []string{name, e(r.SollYear), e(r.SollToDate), e(r.IstToDate), ratio(r.Utilisation), e(r.Projection), e(r.Deviation),
		ratio(r.DeviationPct), lang.MonitorWord(r.Status.String())}
	if lang == English {
		rec[8] = r.Status.String()
	}
	if c := r.Cases; c != nil {
		h := func(v int64) string { return lang.Decimal(big.NewRat(v, 100), 2) }
		rec = append(rec, h(c.CaseMonths), lang.Decimal(c.Average, 4), opt(c.CostPerCase))
		if c.Before {
			rec = append(rec, e(c.IstBefore), h(c.CaseMonthsBefore), opt(c.CostPerCaseBefore), e(c.Change))
		} else {
			rec = append(rec, "", "", "", "")
		}
		rec = append(rec, opt(c.CaseEffect), opt(c.CostEffect))
	} else if m.Result.HasCases {
		rec = append(rec, make([]string, 9)...)
	}
	var planned []string
	for _, q := range r.Planned {
		planned = append(planned, fmt.Sprintf("%d-Q%d", m.Result.Year, q))
	}
	return append(rec, joinSpace(planned))
}

func joinSpace(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
