package msg

import (
	"strconv"
	"strings"
)

// Int is a count or quantity a user reads: 6.463 in German, 6,463 in
// English. Line and row numbers are plain ints, as the spreadsheet shows
// them.
type Int int64

func (n Int) In(l Lang) string { return Dec(strconv.FormatInt(int64(n), 10)).In(l) }

// Dec is a decimal number written with a point and without grouping, as
// big.Rat's FloatString gives it ("-1234.5"): −1.234,5 in German,
// -1,234.5 in English.
type Dec string

func (d Dec) In(l Lang) string {
	s := string(d)
	sign := ""
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sign, s = "-", rest
		if l == DE {
			sign = "−"
		}
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	thousands, decimal := ",", "."
	if l == DE {
		thousands, decimal = ".", ","
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString(decimal + frac)
	}
	return b.String()
}

// Percent is a percentage written like Dec ("-1.9"): −1,9 % in German,
// -1.9 % in English.
type Percent string

func (p Percent) In(l Lang) string { return Dec(p).In(l) + " %" }
