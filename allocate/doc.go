// Package allocate splits one period's budget among allocation units
// (Bezirksstellen) exactly as the model defines it: indicator shares, the
// composite indicator share, the history share of prior-year spending, the
// target share, and amounts in whole cents by largest remainder.
//
// The package does no I/O. Money is integer [Cents]; shares are exact
// rationals (*big.Rat). For speed, amounts are first estimated in float64
// with a proven bound on the error; every floor and every order of
// remainders the estimate cannot settle within that bound is computed
// exactly, so the result is the exact one: it does not depend on rounding
// error or on the order of the rows.
package allocate
