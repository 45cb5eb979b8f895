package indicators

import (
	"strings"
	"unicode/utf8"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Hints for the commonest mistake: a number in the other dialect.
var (
	errGermanDecimal  = msg.Errorf(`German numbers use a decimal comma; "." only separates thousands`)
	errEnglishDecimal = msg.Errorf(`a decimal point is expected; "," only separates thousands`)
)

// decimal collects the digits of a number written for people, with the
// decimal separator dec and the thousands separator group (or a space).
func (p *numParser) decimal(s string, dec, group byte) error {
	p.digits, p.scale = p.digits[:0], 0
	intPart, frac := s, ""
	if i := strings.IndexByte(s, dec); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
		if !isDigits(frac) {
			return decimalHint(s, group)
		}
	}
	if !p.groupedInt(intPart, group) {
		return decimalHint(s, group)
	}
	p.digits = append(p.digits, frac...)
	p.scale = len(frac)
	return nil
}

func decimalHint(s string, group byte) error {
	switch {
	case group == '.' && strings.IndexByte(s, '.') >= 0:
		return errGermanDecimal
	case group == ',' && strings.IndexByte(s, ',') >= 0:
		return errEnglishDecimal
	}
	return errPlain
}

// groupedInt appends the integer part: plain digits, or groups of three
// after a first group of one to three, all split by the same separator.
func (p *numParser) groupedInt(s string, group byte) bool {
	first := digitPrefix(s)
	if first == len(s) {
		p.digits = append(p.digits, s...)
		return first > 0
	}
	if first == 0 || first > 3 {
		return false
	}
	sep, size := utf8.DecodeRuneInString(s[first:])
	if !isGroupSep(sep, group) {
		return false
	}
	p.digits = append(p.digits, s[:first]...)
	for rest := s[first:]; rest != ""; rest = rest[size+3:] {
		if len(rest) < size+3 || !strings.HasPrefix(rest, s[first:first+size]) || digitPrefix(rest[size:size+3]) != 3 {
			return false
		}
		p.digits = append(p.digits, rest[size:size+3]...)
	}
	return true
}

// isGroupSep accepts the dialect's separator and the spaces Excel and
// LibreOffice use to group digits.
func isGroupSep(r rune, group byte) bool {
	return r == rune(group) || r == ' ' || r == '\u00A0' || r == '\u202F'
}

// digitPrefix returns the number of leading ASCII digits.
func digitPrefix(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return i
		}
	}
	return len(s)
}

func isDigits(s string) bool {
	return s != "" && digitPrefix(s) == len(s)
}
