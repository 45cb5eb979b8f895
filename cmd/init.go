package cmd

import (
	_ "embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/workbook"
)

//go:embed templates/raumbudget.yaml
var configTemplate []byte

// Names of the files init writes.
const (
	initWorkbook = "indikatoren.xlsx"
	initConfig   = "raumbudget.yaml"
)

// initOptions are everything one run of init needs.
type initOptions struct {
	Dir string
}

func newInitCmd(runF func(*initOptions) error) *cobra.Command {
	c := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a template workbook and a config that runs with it",
		Long: `Write into DIR (default: the current folder, created if missing) two files to
start from:

  indikatoren.xlsx  the tables to fill in: sheet Indikatoren (one row per
                    Stadtteil), sheet Mittelabfluss (one row per Bezirksstelle)
                    and sheet Hinweise, which explains each column and where
                    its figures usually come from. The rows hold the built-in
                    sample data as an example: illustrative, not official.
  raumbudget.yaml   a commented config that reads the workbook as it is
                    written, for allocate, plan, explain and scenario compare
                    alike: shared keys on top, each command's own under
                    'allocate:' and 'plan:'.

init never replaces a file: if either exists, it writes neither.`,
		Example: `  raumbudget init
  raumbudget init haushalt-2026
  raumbudget allocate --config haushalt-2026/raumbudget.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts := &initOptions{Dir: "."}
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return wrapRun(initRun(c, opts))
		},
	}
	addMessageLangFlag(c)
	c.SetUsageTemplate(c.UsageTemplate() + exitStatusHelp)
	return c
}

func initRun(c *cobra.Command, opts *initOptions) error {
	if info, err := os.Stat(opts.Dir); err == nil && !info.IsDir() {
		return msg.Errorf("%s is not a folder", opts.Dir)
	}
	book := filepath.Join(opts.Dir, initWorkbook)
	config := filepath.Join(opts.Dir, initConfig)
	for _, path := range []string{book, config} {
		if err := notThere(path); err != nil {
			return err
		}
	}
	data, err := workbook.Template()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return msg.Errorf("cannot create %s: %v", opts.Dir, cause(err))
	}
	if err := writeBoth(book, data, config, configTemplate); err != nil {
		return err
	}
	lang := messageLang(c)
	c.PrintErrln(msg.New("wrote %s (example figures, not official: replace them with your own) and %s", book, config).In(lang))
	c.PrintErrln(msg.New("next: raumbudget check %s\n      raumbudget allocate --config %s\n      raumbudget plan --config %s", shellQuote(book), shellQuote(config), shellQuote(config)).In(lang))
	return nil
}

// notThere refuses a path that exists, even as a broken link.
func notThere(path string) error {
	_, err := os.Lstat(path)
	switch {
	case err == nil:
		return msg.Errorf("%s exists; init never replaces files", path)
	case errors.Is(err, fs.ErrNotExist):
		return nil
	}
	return msg.Errorf("cannot check %s: %v", path, cause(err))
}

// writeBoth writes two files, or neither: the first is removed again when
// the second cannot be written.
func writeBoth(path1 string, data1 []byte, path2 string, data2 []byte) error {
	if err := writeFileAtomic(path1, data1, false); err != nil {
		return err
	}
	if err := writeFileAtomic(path2, data2, false); err != nil {
		os.Remove(path1)
		return err
	}
	return nil
}

const shellSafe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:+,@%"

// shellQuote quotes a path for a command line to copy, if it needs it.
func shellQuote(s string) string {
	unsafe := func(r rune) bool { return !strings.ContainsRune(shellSafe, r) }
	if s != "" && !strings.ContainsFunc(s, unsafe) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
