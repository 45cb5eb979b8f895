package report

import (
	"io"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// formats is a report that writes a table, Markdown, CSV and JSON.
type formats interface {
	writeTable(w io.Writer, lang *Lang, markdown bool) error
	writeCSV(w io.Writer, lang *Lang) error
	writeJSON(w io.Writer) error
}

// write is the one switch from a format's name to the report's writer.
func write(r formats, w io.Writer, format string, lang *Lang) error {
	switch format {
	case "table", "markdown":
		return r.writeTable(w, lang, format == "markdown")
	case "csv":
		return r.writeCSV(w, lang)
	case "json":
		return r.writeJSON(w)
	}
	return msg.Errorf("unknown output format %q", format)
}
