package indicators

import (
	"math/big"
	"math/bits"
)

// decSum is an exact sum of decimal numbers. Cell values are decimals, and
// adding them as scaled integers avoids the multiplications and gcd that
// every big.Rat addition costs; the sum becomes a big.Rat once, at the end.
// The sum is n / 10^scale plus small / 10^smallScale: the values of
// fastNumber go to small, a uint64, until it would overflow, when it is
// moved into n; other values go to n. Both are exact, so the sum is.
type decSum struct {
	n          big.Int
	scale      int
	small      uint64
	smallScale int
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

// addSmall adds v / 10^scale.
func (s *decSum) addSmall(v uint64, scale int, tmp *big.Int) {
	if scale > s.smallScale {
		scaled, ok := mul10(s.small, scale-s.smallScale)
		if !ok {
			s.flush(tmp)
			scaled = 0
		}
		s.small, s.smallScale = scaled, scale
	}
	if scale < s.smallScale {
		scaled, ok := mul10(v, s.smallScale-scale)
		if !ok {
			s.add(tmp.SetUint64(v), scale, new(big.Int))
			return
		}
		v = scaled
	}
	sum, carry := bits.Add64(s.small, v, 0)
	if carry != 0 {
		s.flush(tmp)
		sum = v
	}
	s.small = sum
}

// flush moves small into n.
func (s *decSum) flush(tmp *big.Int) {
	if s.small != 0 {
		var v big.Int
		s.add(v.SetUint64(s.small), s.smallScale, tmp)
		s.small = 0
	}
}

// mul10 returns v * 10^k, and whether it fits.
func mul10(v uint64, k int) (uint64, bool) {
	if v == 0 {
		return 0, true
	}
	if k >= len(pow10u) {
		return 0, false
	}
	hi, lo := bits.Mul64(v, pow10u[k])
	return lo, hi == 0
}

// pow10u are the powers of ten that fit a uint64.
var pow10u = func() []uint64 {
	t := make([]uint64, 20)
	t[0] = 1
	for i := 1; i < len(t); i++ {
		t[i] = t[i-1] * 10
	}
	return t
}()

func (s *decSum) rat(dst *big.Rat) {
	s.flush(new(big.Int))
	dst.SetFrac(&s.n, pow10(s.scale))
}
