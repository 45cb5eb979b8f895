package monitor

import (
	"math/big"
)

// Result holds the figures of every unit and the total.
type Result struct {
	Year, AsOf int
	Method     Method // Linear or Seasonal, as applied
	Tolerance  *big.Rat
	// Factor is f_m of the seasonal method, with the earlier years' Ist to
	// month m and for the whole year; nil for linear.
	Factor  *big.Rat
	Earlier []YearIst
	Units   []Row
	Total   Row
	// HasCases says whether every unit has its cases.
	HasCases bool
}

// Row is one unit's figures, or the total's (Unit "").
type Row struct {
	Unit                                                   string
	SollYear, SollToDate, IstToDate, Projection, Deviation int64    // cents
	Utilisation                                            *big.Rat // Ist to date / Soll to date; nil when Soll to date is 0
	DeviationPct                                           *big.Rat // deviation / Soll of the year; nil when that is 0
	Status                                                 Status
	Planned                                                []int // the quarters (1–4) whose Soll is planned
	Cases                                                  *Cases
	// Cumulative figures per month, in cents: Soll for every month, Ist
	// up to AsOf, the projection from AsOf on (0 elsewhere).
	SollCum, IstCum, ProjCum [12]int64
}

// Run computes the figures.
func Run(in Input) (*Result, error) {
	if in.AsOf < 1 || in.AsOf > 12 {
		return nil, inputErrorf("the reporting month must be 1 to 12, not %d", in.AsOf)
	}
	res := &Result{Year: in.Year, AsOf: in.AsOf, Tolerance: in.Tolerance, Method: in.Method}
	weights, err := res.projectionWeights(in)
	if err != nil {
		return nil, err
	}
	res.HasCases = len(in.Units) > 0
	for _, u := range in.Units {
		row := unitRow(u, in, weights)
		res.HasCases = res.HasCases && row.Cases != nil
		res.Units = append(res.Units, row)
	}
	res.Total = res.total()
	return res, nil
}

// unitRow computes one unit's figures.
func unitRow(u Unit, in Input, w [12]*big.Rat) Row {
	m := in.AsOf
	r := Row{Unit: u.Name}
	for q, amount := range u.Quarters {
		r.SollYear += amount
		if u.Planned[q] {
			r.Planned = append(r.Planned, q+1)
		}
	}
	for k := 1; k <= 12; k++ {
		r.SollCum[k-1] = sollToMonth(u.Quarters, k)
	}
	r.SollToDate = r.SollCum[m-1]
	for k := 1; k <= m; k++ {
		r.IstToDate += u.Ist[k-1]
		r.IstCum[k-1] = r.IstToDate
	}
	for k := m; k <= 12; k++ {
		// Ist to date · w_k / w_m: the projection's path, Ist at m and
		// the projection at 12.
		r.ProjCum[k-1] = Round(new(big.Rat).Mul(big.NewRat(r.IstToDate, 1), new(big.Rat).Quo(w[k-1], w[m-1])))
	}
	r.Projection = r.ProjCum[11]
	r.settle(in.Tolerance)
	r.Cases = caseFigures(u, r.IstToDate, m)
	return r
}

// sollToMonth is Σ_q amount_q · k_q / 3, rounded: k_q months of quarter q
// lie in months 1..k.
func sollToMonth(quarters [4]int64, k int) int64 {
	sum := new(big.Rat)
	for q, amount := range quarters {
		kq := min(3, max(0, k-3*q))
		sum.Add(sum, big.NewRat(amount*int64(kq), 3))
	}
	return Round(sum)
}

// settle derives deviation, the ratios and the status from the rounded
// figures, for a unit and for the total alike.
func (r *Row) settle(tol *big.Rat) {
	r.Deviation = r.Projection - r.SollYear
	r.Utilisation, r.DeviationPct = ratio(r.IstToDate, r.SollToDate), ratio(r.Deviation, r.SollYear)
	switch {
	case r.Deviation <= 0:
		r.Status = Green
	case r.DeviationPct != nil && r.DeviationPct.Cmp(tol) <= 0:
		r.Status = Yellow
	default:
		r.Status = Red
	}
}

// ratio is a / b, nil when b is 0.
func ratio(a, b int64) *big.Rat {
	if b == 0 {
		return nil
	}
	return big.NewRat(a, b)
}

// total sums the rounded unit figures.
func (res *Result) total() Row {
	var t Row
	for _, u := range res.Units {
		t.SollYear += u.SollYear
		t.SollToDate += u.SollToDate
		t.IstToDate += u.IstToDate
		t.Projection += u.Projection
		for k := range 12 {
			t.SollCum[k] += u.SollCum[k]
			t.IstCum[k] += u.IstCum[k]
			t.ProjCum[k] += u.ProjCum[k]
		}
	}
	t.settle(res.Tolerance)
	if res.HasCases {
		t.Cases = totalCases(res.Units, res.AsOf)
	}
	return t
}

// Round rounds x to an integer, half away from zero.
func Round(x *big.Rat) int64 {
	n := new(big.Int).Abs(x.Num())
	d := x.Denom()
	n.Mul(n, big.NewInt(2)).Add(n, d)
	n.Quo(n, new(big.Int).Mul(d, big.NewInt(2)))
	if x.Sign() < 0 {
		n.Neg(n)
	}
	return n.Int64()
}
