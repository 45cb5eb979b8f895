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
	"strings"
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
	if l == DE {
		if de, ok := german[format]; ok {
			format = de
		}
	}
	format = strings.ReplaceAll(format, "%w", "%v")
	args := make([]any, len(t.args))
	for i, a := range t.args {
		args[i] = localized(a, l)
	}
	return fmt.Sprintf(format, args...)
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
