package cmd

import (
	"errors"
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
	o := outputOptions{Format: s.v.GetString("output"), Out: s.v.GetString("out")}
	var err error
	if o.Force, err = s.boolean("force"); err != nil {
		return o, err
	}
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
