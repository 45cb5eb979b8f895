package indicators

import "math/big"

// decSum is an exact sum of decimal numbers, n / 10^scale. Cell values are
// decimals, and adding them as scaled integers avoids the multiplications
// and gcd that every big.Rat addition costs; the sum becomes a big.Rat once,
// at the end.
type decSum struct {
	n     big.Int
	scale int
}

// add adds v / 10^scale; tmp is scratch space.
func (s *decSum) add(v *big.Int, scale int, tmp *big.Int) {
	if scale > s.scale {
		s.n.Mul(&s.n, pow10(scale-s.scale))
		s.scale = scale
	}
	if scale < s.scale {
		v = tmp.Mul(v, pow10(s.scale-scale))
	}
	s.n.Add(&s.n, v)
}

func (s *decSum) rat(dst *big.Rat) {
	dst.SetFrac(&s.n, pow10(s.scale))
}
