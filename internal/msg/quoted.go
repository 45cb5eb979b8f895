package msg

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxQuoted bounds the text of the input quoted in a message: an unclosed
// quote in a CSV file can make one cell of the rest of the file.
const MaxQuoted = 40

// Quoted is text of the input in a message, shortened when long: "abc" in
// English, with Go's escapes for what no one sees, „abc“ in German.
type Quoted string

func (q Quoted) In(l Lang) string {
	s, more := string(q), ""
	if utf8.RuneCountInString(s) > MaxQuoted {
		s, more = string([]rune(s)[:MaxQuoted]), "…"
	}
	return Named(s).In(l) + more
}

// Named is a heading (or a name the user gave) in a message, whole and
// quoted as each language quotes.
type Named string

func (h Named) In(l Lang) string {
	if l == EN {
		return strconv.Quote(string(h))
	}
	var b strings.Builder
	b.WriteString("„")
	for _, r := range string(h) {
		if r == utf8.RuneError || !strconv.IsPrint(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	b.WriteString("“")
	return b.String()
}
