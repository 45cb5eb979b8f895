package cmd

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/raumbudget/raumbudget/demo"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/workbook"
)

// reportMeta describes how an xlsx report was made: the command line as
// given, the effective settings, and a checksum of every input file.
func reportMeta(o outputOptions, headings map[string]string, isDemo bool, inputs *inputDigests) (workbook.Meta, error) {
	meta := workbook.Meta{Version: version, Command: o.command, Settings: o.settings,
		ReportDate: o.ReportDate, Lang: o.Lang, Headings: headings}
	if isDemo {
		for _, in := range []struct {
			name string
			r    io.Reader
		}{{demo.IndicatorsName + " (built in)", demo.Indicators()}, {demo.SpendingName + " (built in)", demo.Spending()}} {
			d, err := digestOf(in.name, in.r)
			if err != nil {
				return meta, err
			}
			meta.Inputs = append(meta.Inputs, d)
		}
	}
	files, err := inputs.wait()
	meta.Inputs = append(meta.Inputs, files...)
	return meta, err
}

// inputDigests are the checksums of a report's input files, taken on a
// goroutine of their own while the command reads and computes: a million
// rows are 64 MB to hash.
type inputDigests struct {
	done  chan struct{}
	files []workbook.Input
	err   error
}

// startDigests starts taking the checksums of the files at paths ("" for
// none).
func startDigests(paths ...string) *inputDigests {
	d := &inputDigests{done: make(chan struct{})}
	go func() {
		defer close(d.done)
		for _, path := range paths {
			if path == "" {
				continue
			}
			in, err := digestFile(path)
			if err != nil {
				d.err = err
				return
			}
			d.files = append(d.files, in)
		}
	}()
	return d
}

// wait returns the checksums, in the order of the paths.
func (d *inputDigests) wait() ([]workbook.Input, error) {
	<-d.done
	return d.files, d.err
}

// digestFile is the SHA-256 of the file at path, read again; none for a
// pipe or a device (--data <(…), /dev/stdin), which gave its bytes to the
// read and would give others, or none, now: a checksum of those would be
// a false record.
// (Stat first: opening a named pipe again would wait for a writer.)
func digestFile(path string) (workbook.Input, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return workbook.Input{Name: path}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return workbook.Input{}, err
	}
	defer f.Close()
	return digestOf(path, f)
}

func digestOf(name string, r io.Reader) (workbook.Input, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		// A checksum of part of the file would be a false record.
		return workbook.Input{}, msg.Errorf("%s: cannot read: %v", name, err)
	}
	return workbook.Input{Name: name, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// notRecorded are settings that say where a report goes, not what is in
// it: the same report written to another file is the same bytes.
var notRecorded = []string{"out", "force", "help"}

// commandLine is the command with the flags the user set and its
// arguments, in a fixed order.
func commandLine(c *cobra.Command) []string {
	line := strings.Fields(c.CommandPath())
	c.Flags().Visit(func(f *pflag.Flag) {
		if !slices.Contains(notRecorded, f.Name) {
			line = append(line, "--"+f.Name+"="+f.Value.String())
		}
	})
	return append(line, c.Flags().Args()...)
}

// effective lists every setting with its value, sorted by name.
func (s *settings) effective() [][2]string {
	keys := s.v.AllKeys()
	slices.Sort(keys)
	var out [][2]string
	seen := map[string]bool{}
	for _, key := range keys {
		top, _, _ := strings.Cut(key, ".")
		if seen[top] || slices.Contains(notRecorded, top) {
			continue
		}
		seen[top] = true
		out = append(out, [2]string{top, settingText(s.raw(top))})
	}
	return out
}

// settingText shows a setting's value: maps as sorted key=value pairs.
func settingText(v any) string {
	switch x := v.(type) {
	case map[string]any:
		var parts []string
		for _, k := range sortedKeys(x) {
			parts = append(parts, k+"="+settingText(x[k]))
		}
		return strings.Join(parts, ", ")
	case []any:
		var parts []string
		for _, item := range x {
			parts = append(parts, settingText(item))
		}
		return "[" + strings.Join(parts, "; ") + "]"
	case []string:
		return strings.Join(x, ", ")
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// withSetting gives key the value in settings, replacing or adding it,
// for settings whose effective value the code fills in (default weights,
// the demo's budget).
func withSetting(settings [][2]string, key, value string) [][2]string {
	for i, kv := range settings {
		if kv[0] == key {
			out := slices.Clone(settings)
			out[i][1] = value
			return out
		}
	}
	out := append(slices.Clone(settings), [2]string{key, value})
	slices.SortFunc(out, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	return out
}

// weightSettings is the weights as the audit sheet lists them.
func weightSettings(settings [][2]string, f formulaOptions) [][2]string {
	var parts []string
	for _, key := range indicatorOrder(f.Weights) {
		parts = append(parts, key+"="+trimDecimal(f.Weights[key]))
	}
	return withSetting(settings, "weights", strings.Join(parts, ", "))
}
