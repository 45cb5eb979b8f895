package main

import (
	"encoding/json"
	"math/big"
	"testing"
)

// monitorOut is what the oracle checks of monitor's JSON.
type monitorOut struct {
	Method         string          `json:"method"`
	AsOf           string          `json:"as_of"`
	SeasonalFactor *float64        `json:"seasonal_factor"`
	Units          []monitorRowOut `json:"units"`
	Total          monitorRowOut   `json:"total"`
}

type monitorRowOut struct {
	Unit             string   `json:"unit"`
	SollYear         string   `json:"soll_year"`
	SollToDate       string   `json:"soll_to_date"`
	IstToDate        string   `json:"ist_to_date"`
	Utilisation      *float64 `json:"utilisation"`
	Projection       string   `json:"projection"`
	Deviation        string   `json:"deviation"`
	DeviationPercent *float64 `json:"deviation_percent"`
	Status           string   `json:"status"`
	Cases            *struct {
		CaseMonths       float64 `json:"case_months"`
		CostPerCaseMonth string  `json:"cost_per_case_month"`
		IstBefore        string  `json:"ist_before"`
		Change           string  `json:"change"`
		CaseEffect       string  `json:"case_effect"`
		CostEffect       string  `json:"cost_effect"`
	} `json:"cases"`
}

// oracleFigures are one row's figures by the model, in cents.
type oracleFigures struct {
	sollYear, sollToDate, ist, projection, deviation int64
	utilisation, pct                                 *big.Rat
	status                                           string
	caseMonths, costPerCase, istBefore, change       int64
	caseEffect, costEffect                           int64
}

// roundEuros rounds euros to cents, half away from zero.
func roundEuros(x *big.Rat) int64 {
	c := new(big.Rat).Mul(x, big.NewRat(100, 1))
	neg := c.Sign() < 0
	c.Abs(c)
	whole := new(big.Int).Quo(c.Num(), c.Denom())
	rest := new(big.Rat).Sub(c, new(big.Rat).SetInt(whole))
	if rest.Cmp(big.NewRat(1, 2)) >= 0 {
		whole.Add(whole, big.NewInt(1))
	}
	if neg {
		whole.Neg(whole)
	}
	return whole.Int64()
}

func euros(cents int64) *big.Rat { return big.NewRat(cents, 100) }

func (led *ledgerOfPayments) sumTo(m map[int]int64, year, month int) int64 {
	var s int64
	for k := 1; k <= month; k++ {
		s += m[year*100+k]
	}
	return s
}

// factor is f_m of the seasonal method from 2025, nil for linear.
func (led *ledgerOfPayments) factor(m int, method string) *big.Rat {
	if method != "seasonal" {
		return nil
	}
	var to, all int64
	for _, u := range led.units {
		to += led.sumTo(led.ist[u], 2025, m)
		all += led.sumTo(led.ist[u], 2025, 12)
	}
	return big.NewRat(to, all)
}

func (led *ledgerOfPayments) unitFigures(u string, m int, f *big.Rat) oracleFigures {
	var o oracleFigures
	soll := new(big.Rat)
	for q, amount := range led.soll[u] {
		o.sollYear += amount
		k := min(3, max(0, m-3*q))
		soll.Add(soll, new(big.Rat).Mul(euros(amount), big.NewRat(int64(k), 3)))
	}
	o.sollToDate = roundEuros(soll)
	o.ist = led.sumTo(led.ist[u], 2026, m)
	proj := new(big.Rat).Mul(euros(o.ist), big.NewRat(12, int64(m)))
	if f != nil {
		proj = new(big.Rat).Quo(euros(o.ist), f)
	}
	o.projection = roundEuros(proj)
	o.caseMonths = led.sumTo(led.cases[u], 2026, m)
	before := led.sumTo(led.cases[u], 2025, m)
	o.istBefore = led.sumTo(led.ist[u], 2025, m)
	o.costPerCase = roundEuros(new(big.Rat).Quo(euros(o.ist), big.NewRat(o.caseMonths, 1)))
	o.change = o.ist - o.istBefore
	o.caseEffect = roundEuros(new(big.Rat).Mul(big.NewRat(o.caseMonths-before, 1), new(big.Rat).Quo(euros(o.istBefore), big.NewRat(before, 1))))
	o.costEffect = o.change - o.caseEffect
	o.settle()
	return o
}

// settle derives deviation, ratios and status from the rounded figures.
func (o *oracleFigures) settle() {
	o.deviation = o.projection - o.sollYear
	o.utilisation = big.NewRat(o.ist, o.sollToDate)
	o.pct = big.NewRat(o.deviation, o.sollYear)
	switch {
	case o.deviation <= 0:
		o.status = "green"
	case o.pct.Cmp(big.NewRat(5, 100)) <= 0:
		o.status = "yellow"
	default:
		o.status = "red"
	}
}

func checkOracle(t *testing.T, out []byte, led *ledgerOfPayments, m int, method string) {
	t.Helper()
	var got monitorOut
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if got.Method != method || len(got.Units) != len(led.units) {
		t.Fatalf("method %s, %d units", got.Method, len(got.Units))
	}
	f := led.factor(m, method)
	var total oracleFigures
	for i, u := range led.units {
		want := led.unitFigures(u, m, f)
		compareRow(t, got.Units[i], want, u, m, method)
		total.sollYear += want.sollYear
		total.sollToDate += want.sollToDate
		total.ist += want.ist
		total.projection += want.projection
		total.caseMonths += want.caseMonths
		total.change += want.change
		total.caseEffect += want.caseEffect
		total.costEffect += want.costEffect
		total.istBefore += want.istBefore
	}
	total.settle()
	total.costPerCase = roundEuros(new(big.Rat).Quo(euros(total.ist), big.NewRat(total.caseMonths, 1)))
	compareRow(t, got.Total, total, "total", m, method)
}

func compareRow(t *testing.T, got monitorRowOut, want oracleFigures, name string, m int, method string) {
	t.Helper()
	money := [][2]any{
		{got.SollYear, want.sollYear}, {got.SollToDate, want.sollToDate}, {got.IstToDate, want.ist},
		{got.Projection, want.projection}, {got.Deviation, want.deviation},
	}
	if got.Cases == nil {
		t.Fatalf("%s: no cases", name)
	}
	money = append(money, [][2]any{{got.Cases.CostPerCaseMonth, want.costPerCase}, {got.Cases.IstBefore, want.istBefore},
		{got.Cases.Change, want.change}, {got.Cases.CaseEffect, want.caseEffect}, {got.Cases.CostEffect, want.costEffect}}...)
	for i, pair := range money {
		if s := pair[0].(string); s != euros(pair[1].(int64)).FloatString(2) {
			t.Errorf("as of %d, %s, %s: figure %d is %s, the model gives %s", m, method, name, i, s, euros(pair[1].(int64)).FloatString(2))
		}
	}
	u, _ := want.utilisation.Float64()
	p, _ := want.pct.Float64()
	if got.Utilisation == nil || *got.Utilisation != u || got.DeviationPercent == nil || *got.DeviationPercent != p {
		t.Errorf("as of %d, %s, %s: ratios %v %v, the model gives %v %v", m, method, name, got.Utilisation, got.DeviationPercent, u, p)
	}
	if got.Status != want.status || got.Cases.CaseMonths != float64(want.caseMonths) {
		t.Errorf("as of %d, %s, %s: status %s, case-months %v; the model gives %s, %d", m, method, name, got.Status, got.Cases.CaseMonths, want.status, want.caseMonths)
	}
}
