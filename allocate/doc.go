// Package allocate splits one period's budget among allocation units
// (Bezirksstellen) exactly as the model defines it: indicator shares, the
// composite indicator share, the history share of prior-year spending, the
// target share, and amounts in whole cents by largest remainder.
//
// The package does no I/O. Money is integer [Cents]; shares are exact
// rationals (*big.Rat). No float64 is used on the way to an amount, so a
// result does not depend on rounding error or on the order of the rows.
package allocate
