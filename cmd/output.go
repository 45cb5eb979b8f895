package cmd

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/report"
)

// outputOptions say how and where a result is written.
type outputOptions struct {
	Format string
	Out    string
	Force  bool
	Lang   *report.Lang
}

func addOutputFlags(c *cobra.Command) {
	f := c.Flags()
	f.StringP("output", "o", "table", "output format: "+strings.Join(report.Formats, ", "))
	f.String("out", "", "write to this file instead of standard output")
	f.Bool("force", false, "replace the --out file if it exists")
	f.String("lang", "de", "language of headings and number format of table and CSV: de or en")
}

func readOutputOptions(s *settings) (outputOptions, error) {
	o := outputOptions{Format: s.v.GetString("output"), Out: s.v.GetString("out"), Force: s.v.GetBool("force")}
	if !slices.Contains(report.Formats, o.Format) {
		return o, usagef("%s: unknown format %q (use %s)", s.where("output"), o.Format, strings.Join(report.Formats, ", "))
	}
	lang, err := report.LangFor(s.v.GetString("lang"))
	if err != nil {
		return o, usagef("%s: %v", s.where("lang"), err)
	}
	o.Lang = lang
	return o, nil
}

// write puts the finished output on stdout or into the --out file.
func (o outputOptions) write(stdout io.Writer, data []byte) error {
	if o.Out == "" {
		_, err := stdout.Write(data)
		return err
	}
	return writeFileAtomic(o.Out, data, o.Force)
}

// writeFileAtomic writes a temporary file next to path and renames it into
// place, so that path is either untouched or complete. An existing file is
// only replaced with force.
func writeFileAtomic(path string, data []byte, force bool) error {
	if _, err := os.Stat(path); err == nil && !force {
		return fmt.Errorf("%s exists: use --force to replace it", path)
	}
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
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
