package indicators

import (
	"fmt"
	"strings"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Error is a bad-input error. Its message is one line that names the file,
// the place (CSV line, or sheet and cell) and the column, so that a user can
// find the cell in the spreadsheet, in the language it is printed in (In;
// Error is English, for logs and tests):
//
//	data.csv:5: column "SGB II/XII": "abc" is not a number
//	data.csv:5: Spalte „SGB II/XII“: „abc“ ist keine Zahl
//	data.csv: column "SGB II/XII": total is 0        (Line 0: the whole column)
//	data.xlsx: Daten!D5: column "SGB II/XII": "abc" is not a number
//
// A Msg whose English begins with "is " continues the sentence about the
// column instead of following a colon: `column "youth_0_18" is missing
// (...)`, `Spalte „Einwohner 0-18“ fehlt`.
type Error struct {
	File, Sheet, Cell string // Cell like "D5" (xlsx only)
	Line              int
	Column            string   // the heading as in the file (or the canonical key if the column is missing)
	Msg               msg.Text // the sentence about the cell, row, column or file

	// Heading is, for a missing column, the heading a user is expected to
	// write ("Migranten 0-18"): German messages name it where English ones
	// name the key in Column, which commands compare with their keys.
	Heading string

	// For a missing column: the headings the header row has, and the one
	// among them that was probably meant (Near, e.g. "Migrnaten 0-18") with
	// the heading it is near (Meant, "Migranten 0-18"), for a command to
	// phrase a hint (Hinted). Error() leaves them out.
	Found       []string
	Near, Meant string

	err error // the cause, if it is not the input (a file that cannot be opened)
}

// Unwrap returns the cause of an error that is not about the content,
// such as the *fs.PathError of a file that cannot be opened.
func (e *Error) Unwrap() error {
	return e.err
}

// Error is the message in English.
func (e *Error) Error() string {
	return e.In(msg.EN)
}

// In is the message in language l: the place, the column and the sentence.
func (e *Error) In(l msg.Lang) string {
	var b strings.Builder
	b.WriteString(e.File)
	switch {
	case e.Cell != "":
		fmt.Fprintf(&b, ": %s!%s", sheetRef(e.Sheet), e.Cell)
	case e.Line > 0:
		fmt.Fprintf(&b, ":%d", e.Line)
	case e.Sheet != "":
		fmt.Fprintf(&b, ": %s", sheetRef(e.Sheet))
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.sentence().In(l))
	return oneLine(b.String())
}

// sentence is the message without its place: the column, then Msg.
func (e *Error) sentence() msg.Text {
	if e.Column == "" {
		return e.Msg
	}
	var column msg.Localizer = named(e.Column)
	if e.Heading != "" {
		column = keyName{e.Column, e.Heading}
	}
	if strings.HasPrefix(e.Msg.String(), "is ") {
		return msg.New("column %s %s", column, e.Msg)
	}
	return msg.New("column %s: %s", column, e.Msg)
}

// keyName names a column by its key, as for one that is not in the file:
// the key in English, as the commands' options write it, and in German the
// heading the user is expected to write, since a German message never
// shows an internal key.
type keyName struct{ key, heading string }

// nameOfKey is the keyName of key with its usual heading.
func nameOfKey(key string) keyName {
	return keyName{key, example(key, Schema{})}
}

func (c keyName) In(l msg.Lang) string {
	if l == msg.DE {
		return named(c.heading).In(l)
	}
	return named(c.key).In(l)
}

// expectedHeading ends the English sentence about a missing column with
// the heading expected, which the German one names as the column already
// (missingColumn).
type expectedHeading string

func (h expectedHeading) In(l msg.Lang) string {
	if l == msg.DE {
		return ""
	}
	return " " + msg.New("(expected a heading like %s)", named(h)).In(l)
}

// expectedInRows ends the sentence about a missing unit column when the
// heading row was looked for in the first rows of a sheet: the heading
// expected (English) and where it was looked for (both).
type expectedInRows struct {
	heading string
	rows    int
}

func (e expectedInRows) In(l msg.Lang) string {
	if l == msg.DE {
		return " " + msg.New("in rows 1–%d", e.rows).In(l)
	}
	return " " + msg.New("(expected a heading like %s in rows 1–%d)", named(e.heading), e.rows).In(l)
}

// Hinted returns e, an error about a missing column, with the headings the
// table has and the one probably meant:
//
//	data.csv:1: column "migrant_youth_0_18" is missing (expected a heading like "Migranten 0-18");
//	headings found: "Bezirksstelle", "Migrnaten 0-18"; "Migrnaten 0-18" – did you mean "Migranten 0-18"?
//
// (one line). Any other error is returned as it is.
func (e *Error) Hinted() *Error {
	if e.Found == nil {
		return e
	}
	hinted := *e
	hinted.Found = nil // hinted once
	found := make([]msg.Localizer, len(e.Found))
	for i, h := range e.Found {
		found[i] = cellText(h)
	}
	var list msg.Localizer = msg.New("none")
	if len(found) > 0 {
		list = joined(found)
	}
	hinted.Msg = msg.New("%s; headings found: %s", e.Msg, list)
	if e.Near != "" {
		hinted.Msg = msg.New("%s; %s – did you mean %s?", hinted.Msg, cellText(e.Near), named(e.Meant))
	}
	return &hinted
}

// joined lists texts with commas.
type joined []msg.Localizer

func (j joined) In(l msg.Lang) string {
	s := make([]string, len(j))
	for i, t := range j {
		s[i] = t.In(l)
	}
	return strings.Join(s, ", ")
}

// sheetRef writes a sheet name as Excel does in a reference: quoted when it
// holds anything but letters, digits, '_' and '.'.
func sheetRef(name string) string {
	for _, r := range name {
		if !isWordRune(r) && r != '.' {
			return "'" + strings.ReplaceAll(name, "'", "''") + "'"
		}
	}
	return name
}

// oneLine keeps a message on one line whatever the file name or a caller's
// message holds, because the command prints one error per line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\v\f\u0085\u2028\u2029") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\r', '\n', '\v', '\f', '\u0085', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s)
}

// maxQuoted bounds cell text quoted in messages.
const maxQuoted = msg.MaxQuoted

// cellText is text of the input in a message, shortened when long; named
// is a heading or a name the user gave, whole (see internal/msg).
type (
	cellText = msg.Quoted
	named    = msg.Named
)

// textOf is the sentence of err, a cell's problem, for an *Error that
// places it: the catalogue's if err is one of its errors.
func textOf(err error) msg.Text {
	if m, ok := err.(*msg.Error); ok {
		return m.Text
	}
	return msg.New("%v", err)
}
