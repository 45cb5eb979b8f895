// Package msg holds every sentence raumbudget says to its user (errors,
// warnings, notes, hints) in one catalogue, in German and English.
//
// A message is written in the code as its English format, the way
// fmt.Sprintf takes it; the catalogue maps that format to its German one:
//
//	return msg.Errorf("column %q is missing", heading)
//	// catalogue: "column %q is missing": "Spalte „%s“ fehlt",
//
// The text is chosen when the message is printed (Of, Text.In), not when it
// is made, so that domain packages need not know the user's language. An
// argument that can say itself in a language (a Localizer: a nested Text,
// an error from this package, a Number) is said in the printed language.
// Numbers that a user reads as quantities are passed as Int, Dec or
// Percent, so that German shows 6.463 and −1,9 %; line numbers and cell
// references stay plain ints.
//
// A test walks the source: every format passed to New, Errorf or Warn is a
// string literal with a German entry of the same verbs, and every entry is
// used.
package msg

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Lang is a language of the messages.
type Lang int

const (
	DE Lang = iota // the default: the controllers' language
	EN
)

// Parse returns the language of code "de" or "en" (any case, "" is German).
func Parse(code string) (Lang, bool) {
	switch strings.ToLower(strings.TrimSpace(code)) {
	case "de", "":
		return DE, true
	case "en":
		return EN, true
	}
	return DE, false
}

// Code is "de" or "en".
func (l Lang) Code() string {
	if l == EN {
		return "en"
	}
	return "de"
}

// Localizer is anything that can say itself in a language.
type Localizer interface {
	In(Lang) string
}

// Text is one sentence of the catalogue with its arguments.
type Text struct {
	format string
	args   []any
}

// New makes the sentence format (English, a key of the catalogue) with its
// arguments.
func New(format string, args ...any) Text {
	return Text{format: format, args: args}
}

// IsZero reports whether t holds no sentence.
func (t Text) IsZero() bool { return t.format == "" && t.args == nil }

// String is the English sentence.
func (t Text) String() string { return t.In(EN) }

// In is the sentence in language l. A format missing from the German
// catalogue (a bug the catalogue test catches) is said in English.
func (t Text) In(l Lang) string {
	format := t.format
	args := make([]any, len(t.args))
	for i, a := range t.args {
		args[i] = localized(a, l)
	}
	if de, ok := german[format]; ok && l == DE {
		escapeQuoted(format, args)
		format = de
	}
	format = strings.ReplaceAll(format, "%w", "%v")
	return fmt.Sprintf(format, args...)
}

// escapeQuoted does for the German text what %q does for the English: the
// arguments the English quotes with %q, which German quotes as „%s“, show
// what no one would see (a zero-width space, a control character) as Go
// escapes it: „Bezirksstelle\u200bSüd“.
func escapeQuoted(english string, args []any) {
	for i, verb := range argVerbs(english) {
		if s, ok := argAt(args, i).(string); ok && verb == 'q' {
			args[i] = visible(s)
		}
	}
}

// argVerbs maps each argument a format uses, by index from 0, to the
// letter of its verb (explicit indexes like %[2]s included).
func argVerbs(format string) map[int]byte {
	verbs := map[int]byte{}
	next := 0
	for _, m := range verbPattern.FindAllStringSubmatch(format, -1) {
		if m[4] == "%" {
			continue
		}
		if m[2] != "" {
			n, _ := strconv.Atoi(m[2])
			next = n - 1
		}
		verbs[next] = m[4][0]
		next++
	}
	return verbs
}

func argAt(args []any, i int) any {
	if i < 0 || i >= len(args) {
		return nil
	}
	return args[i]
}

// verbPattern matches a verb of a format, with its argument index if any.
var verbPattern = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)

// visible escapes the runes of s that do not print, as %q would.
func visible(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsPrint(r) {
			b.WriteRune(r)
			continue
		}
		q := strconv.QuoteRune(r)
		b.WriteString(q[1 : len(q)-1])
	}
	return b.String()
}

// localized turns an argument that can say itself in l into its text.
func localized(a any, l Lang) any {
	switch v := a.(type) {
	case Localizer:
		return v.In(l)
	case error:
		return Of(v, l)
	}
	return a
}

// Error is an error whose message follows the language it is printed in.
type Error struct {
	Text
	wrapped []error
}

// Errorf is fmt.Errorf with a sentence of the catalogue: %w wraps its
// argument for errors.Is and errors.As.
func Errorf(format string, args ...any) error {
	e := &Error{Text: New(format, args...)}
	if strings.Contains(format, "%w") {
		for _, a := range args {
			if err, ok := a.(error); ok {
				e.wrapped = append(e.wrapped, err)
			}
		}
	}
	return e
}

func (e *Error) Error() string   { return e.Text.In(EN) }
func (e *Error) Unwrap() []error { return e.wrapped }

// Of is err's message in language l. An error that can say itself in l
// does so; a wrapper that adds no words of its own (its text is its
// cause's) is looked through; any other error (one of the Go library, such
// as a file system's, which has no German) keeps its own text.
func Of(err error, l Lang) string {
	for err != nil {
		if loc, ok := err.(Localizer); ok {
			return loc.In(l)
		}
		inner := errors.Unwrap(err)
		if inner == nil || inner.Error() != err.Error() {
			return err.Error()
		}
		err = inner
	}
	return ""
}
