package workbook

import (
	"math"
	"math/big"
	"math/bits"
)

// quotientFloat is the float64 nearest to a / b (ties to even), for a
// numerator and denominator of up to four words each: the exact shares
// of a plan of many units have three, and Rat.Float64, which divides
// with allocated numbers, took a tenth of such a report's time. It takes
// a quotient of 63 or 64 bits by one step of long division (Knuth's
// algorithm D) and rounds it with the remainder as the sticky bit. false
// where it does not apply: a longer operand, a quotient at or beyond
// 2^63, or a result too small for a normal float64.
func quotientFloat(a, b []big.Word) (float64, bool) {
	if len(a) == 0 {
		return 0, len(b) > 0
	}
	n := len(b)
	if len(a) > 4 || n == 0 || n > 4 || bits.UintSize != 64 {
		return 0, false
	}
	la, lb := bitLen(a), bitLen(b)
	k := 63 + lb - la // a·2^k / b lies in [2^62, 2^64)
	if k < 0 {
		return 0, false
	}
	// Divisor normalised to a top bit set; the dividend shifted with it
	// to n+1 words, its top word below the divisor's.
	s := uint((64 - lb%64) % 64)
	var y, x [5]uint64
	shiftWords(y[:n], b, s)
	shiftWords(x[:n+1], a, uint(k)+s)
	q, sticky := divideStep(x[:n+1], y[:n])
	shift := uint(bits.Len64(q) - 53)
	mant, rest, half := q>>shift, q&(1<<shift-1), uint64(1)<<(shift-1)
	if rest > half || rest == half && (sticky || mant&1 == 1) {
		mant++
	}
	exp := int(shift) - k
	if exp+52 < -1022 {
		return 0, false // subnormal: Ldexp would round a second time
	}
	return math.Ldexp(float64(mant), exp), true
}

// divideStep is ⌊x / y⌋ for x of n+1 words whose top word is below y's
// (the top bit of y set), and whether a remainder is left; x is
// overwritten. The estimate from the top words is at most 2 too large
// (Knuth, algorithm D): x − q·y, and y added back while that is negative.
func divideStep(x, y []uint64) (q uint64, remainder bool) {
	n := len(y)
	q, _ = bits.Div64(x[n], x[n-1], y[n-1])
	var borrow, carry uint64
	for i := range x {
		var yi uint64
		if i < n {
			yi = y[i]
		}
		hi, lo := bits.Mul64(q, yi)
		lo, c := bits.Add64(lo, carry, 0)
		carry = hi + c
		x[i], borrow = bits.Sub64(x[i], lo, borrow)
	}
	for negative := borrow != 0; negative; {
		q--
		var c uint64
		for i := range x {
			var yi uint64
			if i < n {
				yi = y[i]
			}
			x[i], c = bits.Add64(x[i], yi, c)
		}
		negative = c == 0 // the sum wraps past zero once x is no longer negative
	}
	for _, w := range x[:n] {
		remainder = remainder || w != 0
	}
	return q, remainder
}

// bitLen is the length of x in bits; x has no leading zero word.
func bitLen(x []big.Word) int {
	return (len(x)-1)*64 + bits.Len64(uint64(x[len(x)-1]))
}

// shiftWords sets dst to x << s, which fits in dst.
func shiftWords(dst []uint64, x []big.Word, s uint) {
	clear(dst)
	w, r := int(s/64), s%64
	for i, xi := range x {
		v := uint64(xi)
		if j := i + w; j < len(dst) {
			dst[j] |= v << r
		}
		if j := i + w + 1; r != 0 && j < len(dst) {
			dst[j] |= v >> (64 - r)
		}
	}
}
