package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
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
	if o.Format == "xlsx" && o.Out == "" {
		return o, usagef("-o xlsx needs --out FILE.xlsx")
	}
	lang, err := report.LangFor(s.v.GetString("lang"))
	if err != nil {
		return o, usagef("%s: %v", s.where("lang"), err)
	}
	o.Lang = lang
	o.command, o.settings = commandLine(s.cmd), s.effective()
	o.ReportDate, err = readReportDate(s)
	return o, err
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
// must not be one of the run's inputs.
func (o outputOptions) write(stdout io.Writer, data []byte, inputs ...string) error {
	if o.Out == "" {
		_, err := stdout.Write(data)
		return err
	}
	for _, in := range inputs {
		if sameFile(o.Out, in) {
			return usagef("--out %s is the input %s: choose another file", o.Out, in)
		}
	}
	return writeFileAtomic(o.Out, data, o.Force)
}

func sameFile(a, b string) bool {
	if b == "" {
		return false
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// writeFileAtomic writes a temporary file next to path and renames it into
// place, so that path is either untouched or complete. An existing file is
// only replaced with force; it keeps its permissions, and a symbolic link
// stays a link to the file it names.
func writeFileAtomic(path string, data []byte, force bool) error {
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		switch {
		case info.IsDir():
			return fmt.Errorf("%s is a folder", path)
		case !force:
			return fmt.Errorf("%s exists: use --force to replace it", path)
		}
		mode = info.Mode().Perm()
		if path, err = filepath.EvalSymlinks(path); err != nil {
			return err
		}
	}
	if err := replaceFile(path, data, mode); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, cause(err))
	}
	return nil
}

// cause is the reason of a file error without the (temporary) file name.
func cause(err error) error {
	if inner := errors.Unwrap(err); inner != nil {
		return inner
	}
	return err
}

func replaceFile(path string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
