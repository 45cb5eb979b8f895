package allocate

import (
	"fmt"
	"math/big"
)

// Cents is an amount of money in euro cents.
type Cents int64

// String formats c as euros with exactly two decimals and a decimal point,
// e.g. "1234.50" or "-0.07", the form of the JSON contract.
func (c Cents) String() string {
	sign := ""
	u := uint64(c)
	if c < 0 {
		sign = "-"
		u = -u // two's complement: also right for the smallest int64
	}
	return fmt.Sprintf("%s%d.%02d", sign, u/100, u%100)
}

// Rat returns c in cents as an exact rational.
func (c Cents) Rat() *big.Rat {
	return new(big.Rat).SetInt64(int64(c))
}
