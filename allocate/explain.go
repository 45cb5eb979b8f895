package allocate

import "math/big"

// Part is one indicator's, or the history's, part of a unit's exact
// amount: Exact = Budget · Weight · Share, in cents.
type Part struct {
	Key     string   // indicator key, or HistoryKey
	Value   *big.Rat // I_k(u), or S(u)
	Total   *big.Rat // Σ I_k, or Σ 1/I_k when Inverse, or Σ S
	Share   *big.Rat // s_k(u), or h(u)
	Weight  *big.Rat // the part's weight in the target share: α · w_k, or 1 − α
	Inverse bool
	Exact   *big.Rat // in cents
}

// Parts explain unit u's exact amount E(u): its parts add up to it.
func (r *Result) Parts(u int) []Part {
	parts := make([]Part, len(r.cols))
	for k := range r.cols {
		c := &r.cols[k]
		f := r.exactAmounts().parts[u][k]
		parts[k] = Part{Key: c.key, Value: c.values[u], Total: c.total, Share: c.share(u), Weight: c.weight,
			Inverse: c.inverse, Exact: new(big.Rat).SetFrac(f.num, f.den)}
	}
	return parts
}

// Values are unit u's values, one per indicator and then its prior-year
// spending: the inputs of Parts without the exact amounts, which cost a
// computation over all units.
func (r *Result) Values(u int) []*big.Rat {
	values := make([]*big.Rat, len(r.cols))
	for k := range r.cols {
		values[k] = r.cols[k].values[u]
	}
	return values
}
