package indicators

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Dialect says how a number is written.
type Dialect int

const (
	German  Dialect = iota // decimal comma: "1.234.567,89", "1234567,89", "1 234,5" (space, NBSP U+00A0, narrow NBSP U+202F as thousands sep)
	English                // decimal point: "1,234,567.89", "1234567.89"
	Machine                // xlsx raw numeric cell: "1234.5", "1.2345E+5", "-0.5"; exact, then rounded half-even to 15 significant digits (Excel's precision, so 2345.6799999999998 becomes 2345.68)
)

// ParseNumber parses s exactly. Surrounding spaces are allowed; a "€" or
// "EUR" prefix/suffix is allowed (Excel writes displayed values into CSV, so
// currency-formatted cells arrive as "1.234,56 €"). A leading '-' gives a
// negative number (the table reader then rejects it with "negative value").
// Thousands separators must group by three ("1.5" is NOT a German number;
// "1.500" is 1500); mixing rules is an error. Errors are plain errors (no
// place); the reader wraps them in *Error.
func ParseNumber(s string, d Dialect) (*big.Rat, error) {
	var p numParser
	r := new(big.Rat)
	if err := p.parse(r, s, d); err != nil {
		return nil, err
	}
	return r, nil
}

// numParser keeps its digit buffer between calls so that the table reader
// does not allocate for every cell.
type numParser struct {
	digits []byte // the significant digits, without separators
	scale  int    // the value is digits / 10^scale
	num    big.Int
}

func (p *numParser) parse(dst *big.Rat, s string, d Dialect) error {
	neg, err := p.value(s, d)
	if err != nil {
		return err
	}
	dst.SetFrac(&p.num, pow10(p.scale))
	if neg {
		dst.Neg(dst)
	}
	return nil
}

// value parses s into p.num / 10^p.scale with p.scale ≥ 0, and reports
// whether it is below zero ("-0" is not).
func (p *numParser) value(s string, d Dialect) (neg bool, err error) {
	body, neg := stripDecor(s)
	switch d {
	case German:
		err = p.decimal(body, ',', '.')
	case English:
		err = p.decimal(body, '.', ',')
	case Machine:
		err = p.machine(body)
	default:
		return false, fmt.Errorf("unknown number dialect %d", int(d))
	}
	if err == nil && d != Machine && p.tooLong() {
		err = errDigits
	}
	if err != nil {
		return false, numberError(s, err)
	}
	p.setNum()
	if p.scale < 0 {
		p.num.Mul(&p.num, pow10(-p.scale))
		p.scale = 0
	}
	return neg && p.num.Sign() != 0, nil
}

// maxDigits bounds the digits of a number: no indicator or amount has
// more than 30, and a number of millions of digits would take minutes to
// make exact.
const maxDigits = 30

var errDigits = msg.Errorf("more than %d digits", maxDigits)

// tooLong says whether the number just parsed, written for people, has
// more than maxDigits digits: from its first digit that is not 0 to its
// last, and every decimal place up to its last that is not 0. (A raw xlsx
// number is bounded by the machine parser.)
func (p *numParser) tooLong() bool {
	digits, scale := p.digits, p.scale
	for scale > 0 && len(digits) > 0 && digits[len(digits)-1] == '0' {
		digits, scale = digits[:len(digits)-1], scale-1
	}
	lead := 0
	for lead < len(digits) && digits[lead] == '0' {
		lead++
	}
	lead = min(lead, max(0, len(digits)-scale)) // the decimals count
	return len(digits)-lead > maxDigits
}

// errPlain marks a text that is simply not a number, with no hint to give.
var errPlain = errors.New("")

func numberError(s string, err error) error {
	if err == errPlain {
		return msg.Errorf("%s is not a number", cellText(trimSpace(s)))
	}
	return msg.Errorf("%s is not a number (%v)", cellText(trimSpace(s)), err)
}

// stripDecor removes what surrounds the digits: spaces, one currency sign
// and the minus sign, which may stand before or after a currency prefix
// ("-€5", "€ -5", "-5 €").
func stripDecor(s string) (body string, neg bool) {
	s, cur := cutCurrency(trimSpace(s))
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
		if !cur {
			s, _ = cutCurrency(s)
		}
	}
	return s, neg
}

func cutCurrency(s string) (string, bool) {
	for _, c := range [...]string{"€", "EUR"} {
		n := len(c)
		if len(s) >= n && strings.EqualFold(s[:n], c) {
			return trimSpace(s[n:]), true
		}
		if len(s) >= n && strings.EqualFold(s[len(s)-n:], c) {
			return trimSpace(s[:len(s)-n]), true
		}
	}
	return s, false
}

// setNum converts the digits, without a string for the common short case.
func (p *numParser) setNum() {
	if len(p.digits) > 18 {
		p.num.SetString(string(p.digits), 10)
		return
	}
	var n uint64
	for _, c := range p.digits {
		n = n*10 + uint64(c-'0')
	}
	p.num.SetUint64(n)
}

// pow10s caches the powers of ten that cell values need.
var pow10s = func() []*big.Int {
	t := make([]*big.Int, 64)
	for i := range t {
		t[i] = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(i)), nil)
	}
	return t
}()

// pow10 returns 10^n; the result must not be modified.
func pow10(n int) *big.Int {
	if n < len(pow10s) {
		return pow10s[n]
	}
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

func trimSpace(s string) string {
	if s == "" {
		return s
	}
	if first, last := s[0], s[len(s)-1]; first > ' ' && first < utf8.RuneSelf && last > ' ' && last < utf8.RuneSelf {
		return s // the commonest cell, which has nothing to trim
	}
	if r, _ := utf8.DecodeRuneInString(s); !isSpace(r) {
		if r, _ := utf8.DecodeLastRuneInString(s); !isSpace(r) {
			return s // such as "5 €"
		}
	}
	s = strings.TrimSpace(s)
	if s != "" && (s[0] >= utf8.RuneSelf || s[len(s)-1] >= utf8.RuneSelf) {
		s = strings.TrimFunc(s, isSpace)
	}
	return s
}

// isSpace adds the byte order mark and zero width space, which Excel exports
// leave in cells and which no user can see.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B'
}
