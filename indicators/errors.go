package indicators

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error is a bad-input error. Its message is one line that names the file,
// the place (CSV line, or sheet and cell) and the column, so that a user can
// find the cell in the spreadsheet:
//
//	data.csv:5: column "SGB II/XII": "abc" is not a number
//	data.csv: column "SGB II/XII": total is 0        (Line 0: the whole column)
//	data.xlsx: Daten!D5: column "SGB II/XII": "abc" is not a number
//
// A Msg that begins with "is " continues the sentence about the column
// instead of following a colon: `column "youth_0_18" is missing (...)`.
type Error struct {
	File, Sheet, Cell string // Cell like "D5" (xlsx only)
	Line              int
	Column            string // the heading as in the file (or the canonical key if the column is missing)
	Msg               string

	// For a missing column: the headings the header row has, and the one
	// among them that was probably meant (Near, e.g. "Migrnaten 0-18") with
	// the heading it is near (Meant, "Migranten 0-18"), for a command to
	// phrase a hint. Error() leaves them out.
	Found       []string
	Near, Meant string

	err error // the cause, if it is not the input (a file that cannot be opened)
}

// Unwrap returns the cause of an error that is not about the content,
// such as the *fs.PathError of a file that cannot be opened.
func (e *Error) Unwrap() error {
	return e.err
}

func (e *Error) Error() string {
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
	if e.Column != "" {
		fmt.Fprintf(&b, "column %q", e.Column)
		if strings.HasPrefix(e.Msg, "is ") {
			b.WriteString(" ")
		} else {
			b.WriteString(": ")
		}
	}
	b.WriteString(e.Msg)
	return oneLine(b.String())
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

// maxQuoted bounds cell text quoted in messages: an unclosed quote in a CSV
// file can make one cell of the rest of the file.
const maxQuoted = 40

// quote quotes cell text for a message, shortened when long.
func quote(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return fmt.Sprintf("%q", s)
	}
	r := []rune(s)
	return fmt.Sprintf("%q…", string(r[:maxQuoted]))
}
