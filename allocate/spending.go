package allocate

import "math/big"

// NeedsSpending says whether a period at indicator share alpha splits some
// of its budget by prior-year spending: every share below 1 does. It is
// the one rule for whether a run must read the spending column.
func NeedsSpending(alpha *big.Rat) bool {
	return alpha.Cmp(big.NewRat(1, 1)) < 0
}
