package indicators

import (
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// excelDigits is Excel's precision: it shows and computes with 15
// significant digits, while the file may hold the 17 of a float64.
const excelDigits = 15

// maxExponent bounds exponents far beyond float64 (about 1e±308), so that a
// hostile "1E999999999" cannot make a number with a billion digits.
const maxExponent = 400

var errExponent = msg.Errorf("exponent out of range")

// maxMachineDigits bounds the digits of a raw xlsx number, which is
// rounded to Excel's 15 anyway: Excel writes 17 at most, a program may
// write the exact value of a float64, up to 767.
const maxMachineDigits = 800

var errMachineDigits = msg.Errorf("more than %d digits", maxMachineDigits)

// machine collects the digits of a raw xlsx number such as "-1.5E-3" and
// rounds them to Excel's precision.
func (p *numParser) machine(s string) error {
	p.digits, p.scale = p.digits[:0], 0
	mant, exp, err := splitExponent(s)
	if err != nil {
		return err
	}
	intPart, frac, dot := strings.Cut(mant, ".")
	if !isDigits(intPart) || dot && !isDigits(frac) {
		return errPlain
	}
	p.scale = len(frac) - exp
	p.digits = append(p.digits, intPart...)
	p.digits = append(p.digits, frac...)
	p.trimLeadingZeros() // they are not significant digits
	if len(p.digits) > maxMachineDigits {
		return errMachineDigits
	}
	p.round(excelDigits)
	return nil
}

// splitExponent splits "1.5E-3" into "1.5" and -3.
func splitExponent(s string) (string, int, error) {
	i := strings.IndexAny(s, "eE")
	if i < 0 {
		return s, 0, nil
	}
	e := s[i+1:]
	neg := strings.HasPrefix(e, "-")
	if neg || strings.HasPrefix(e, "+") {
		e = e[1:]
	}
	if !isDigits(e) {
		return "", 0, errPlain
	}
	n := 0
	for _, c := range []byte(e) {
		if n = n*10 + int(c-'0'); n > maxExponent {
			return "", 0, errExponent
		}
	}
	if neg {
		n = -n
	}
	return s[:i], n, nil
}

func (p *numParser) trimLeadingZeros() {
	i := 0
	for i < len(p.digits) && p.digits[i] == '0' {
		i++
	}
	p.digits = append(p.digits[:0], p.digits[i:]...)
}

// round rounds the digits half to even to n significant digits.
func (p *numParser) round(n int) {
	if len(p.digits) <= n {
		return
	}
	rest := p.digits[n:]
	up := rest[0] > '5' || rest[0] == '5' && (!allZeros(rest[1:]) || (p.digits[n-1]-'0')%2 == 1)
	p.scale -= len(rest)
	p.digits = p.digits[:n]
	if up {
		p.increment()
	}
}

// increment adds one to the last digit, carrying.
func (p *numParser) increment() {
	for i := len(p.digits) - 1; i >= 0; i-- {
		if p.digits[i] < '9' {
			p.digits[i]++
			return
		}
		p.digits[i] = '0'
	}
	// All nines: 999 + 1 = 1 followed by as many zeros.
	p.scale -= len(p.digits)
	p.digits = append(p.digits[:0], '1')
}

func allZeros(b []byte) bool {
	for _, c := range b {
		if c != '0' {
			return false
		}
	}
	return true
}
