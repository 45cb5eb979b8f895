package scenario

import "math/big"

// CorridorEffect is what the corridor adds to unit u's exact amount in
// the quarter, in cents: B·p' − E(u).
func (q Quarter) CorridorEffect(u int) *big.Rat {
	damped := new(big.Rat).Mul(q.Units[u].Share, q.Budget.Rat())
	return damped.Sub(damped, q.Result.Exact(u))
}

// RoundingEffect is what rounding adds to unit u's amount, in cents:
// amount − B·p'.
func (q Quarter) RoundingEffect(u int) *big.Rat {
	damped := new(big.Rat).Mul(q.Units[u].Share, q.Budget.Rat())
	return new(big.Rat).Sub(q.Units[u].Amount.Rat(), damped)
}
