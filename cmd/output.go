package cmd

import (
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/report"
)

// outputOptions say how and where a result is written.
type outputOptions struct {
	Format     string
	Out        string
	Force      bool
	Lang       *report.Lang
	ReportDate time.Time // of an xlsx report

	command  []string    // for the report's audit sheet
	settings [][2]string // likewise
	reads    []string    // files read by every command, such as the config file
}

// Output formats of the commands.
var (
	textFormats   = []string{"table", "csv", "json", "markdown"}
	reportFormats = append(slices.Clone(textFormats), "xlsx")
)

func addOutputFlags(c *cobra.Command, formats []string) {
	f := c.Flags()
	f.StringP("output", "o", "table", "output format: "+strings.Join(formats, ", "))
	f.String("out", "", "write to this file instead of standard output")
	f.Bool("force", false, "replace the --out file if it exists")
	f.String("lang", "de", "language of sheets, headings and number format: de or en")
	if slices.Contains(formats, "xlsx") {
		f.String("report-date", "", "date of an xlsx report, YYYY-MM-DD, the only date in it (default: today)")
	}
	c.Annotations = map[string]string{"formats": strings.Join(formats, ",")}
}

func readOutputOptions(s *settings) (outputOptions, error) {
	o := outputOptions{Format: s.v.GetString("output"), Out: s.v.GetString("out")}
	var err error
	if o.Force, err = s.boolean("force"); err != nil {
		return o, err
	}
	formats := strings.Split(s.cmd.Annotations["formats"], ",")
	if !slices.Contains(formats, o.Format) {
		return o, usagef("%s: unknown format %q (use %s)", s.where("output"), o.Format, strings.Join(formats, ", "))
	}
	if o.Format, err = formatForOut(o.Format, settingGiven(s, "output"), s.where("output"), o.Out, formats); err != nil {
		return o, err
	}
	if o.Format == "xlsx" && o.Out == "" {
		return o, usagef("-o xlsx needs --out FILE.xlsx")
	}
	lang, err := report.LangFor(s.v.GetString("lang"))
	if err != nil {
		return o, usagef("%s: %v", s.where("lang"), err)
	}
	o.Lang = lang
	o.command, o.settings = commandLine(s.cmd), s.effective()
	if s.config != nil {
		o.reads = append(o.reads, s.config.path)
	}
	if o.ReportDate, err = readReportDate(s); err != nil {
		return o, err
	}
	return o, checkOutputSettings(s, o)
}

// readReportDate is --report-date, or today.
func readReportDate(s *settings) (time.Time, error) {
	text := s.v.GetString("report-date")
	if text == "" {
		y, m, d := time.Now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, err := time.Parse("2006-01-02", text)
	if err != nil {
		return t, usagef("%s: %q is not a date like 2026-11-22", s.where("report-date"), text)
	}
	return t, nil
}

// write puts the finished output on stdout or into the --out file, which
// must not be any file the run read: inputs and the config file, compared
// by device and inode, not by name.
func (o outputOptions) write(stdout io.Writer, data []byte, inputs ...string) error {
	if o.Out == "" {
		_, err := stdout.Write(data)
		return err
	}
	for _, in := range append(slices.Clone(o.reads), inputs...) {
		if isInput(o.Out, in) {
			return usagef("--out %s is the input %s: choose another file", o.Out, in)
		}
	}
	return writeOutputFile(o.Out, data, o.Force)
}

// extensionFormats are the formats an --out file name implies. A name
// without an extension, or with .txt, implies none: it gets the table, or
// any text format -o names.
var extensionFormats = map[string]string{".csv": "csv", ".json": "json", ".md": "markdown",
	".markdown": "markdown", ".xlsx": "xlsx", ".html": "html", ".htm": "html", ".pdf": "pdf"}

// formatForOut is the output format once the --out file name is known:
// without an explicit -o the name's extension chooses it; an explicit -o
// and an extension that say different things are an error, and so is an
// extension no format has (".xls", ".pdf"), since a guess would write a
// text table into a file that claims to be something else.
func formatForOut(format string, explicit bool, where, out string, formats []string) (string, error) {
	if out == "" {
		return format, nil
	}
	ext := strings.ToLower(filepath.Ext(out))
	implied, known := extensionFormats[ext]
	switch {
	case ext == "" || ext == ".txt":
		if format == "xlsx" {
			return "", usagef("-o xlsx writes a workbook: name the --out file %s.xlsx", strings.TrimSuffix(out, filepath.Ext(out)))
		}
		return format, nil
	case !known && explicit:
		return format, nil
	case !known:
		return "", usagef("--out %s: no format has the extension %q: give -o (%s) or name the file .csv, .json, .md or .xlsx",
			out, filepath.Ext(out), strings.Join(formats, ", "))
	case explicit && implied != format:
		return "", usagef("%s %s and --out %s disagree: the file name says %s", where, format, out, implied)
	case !slices.Contains(formats, implied):
		return "", usagef("--out %s: this command writes %s, not %s: give -o and another file name", out, strings.Join(formats, ", "), implied)
	}
	return implied, nil
}

// settingGiven says whether key was set by flag, environment or config
// file rather than left at its default.
func settingGiven(s *settings, key string) bool {
	if f := s.cmd.Flags().Lookup(key); f != nil && f.Changed {
		return true
	}
	return s.where(key) != "--"+key
}
