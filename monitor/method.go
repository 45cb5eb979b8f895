package monitor

import "math/big"

// projectionWeights chooses the method and returns w_k for k = 1..12, the
// share of the year's Ist expected by month k up to a common factor: k
// for linear, the earlier years' Ist to month k for seasonal. The
// projection of Ist to date at month m is then Ist · w_12 / w_m.
func (res *Result) projectionWeights(in Input) ([12]*big.Rat, error) {
	var w [12]*big.Rat
	if in.Method == Auto {
		in.Method = Linear
		if len(in.Earlier) > 0 {
			in.Method = Seasonal
		}
	}
	res.Method = in.Method
	if in.Method == Linear {
		for k := range 12 {
			w[k] = big.NewRat(int64(k+1), 1)
		}
		return w, nil
	}
	if len(in.Earlier) == 0 {
		return w, inputErrorf("the seasonal method needs the Ist of an earlier complete year; use the linear method")
	}
	var cum int64
	for k := range 12 {
		for _, y := range in.Earlier {
			cum += y.Months[k]
		}
		w[k] = big.NewRat(cum, 1)
	}
	if w[in.AsOf-1].Sign() <= 0 || w[11].Sign() <= 0 {
		return w, inputErrorf("the earlier years' Ist to month %d is not above 0, so no seasonal factor follows; use the linear method", in.AsOf)
	}
	res.Factor = new(big.Rat).Quo(w[in.AsOf-1], w[11])
	res.Earlier = in.Earlier
	return w, nil
}
