package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestInitArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		dir  string
	}{{nil, "."}, {[]string{"haushalt"}, "haushalt"}} {
		var got *initOptions
		c := newInitCmd(func(o *initOptions) error { got = o; return nil })
		c.SetArgs(tc.args)
		if err := c.Execute(); err != nil || got.Dir != tc.dir {
			t.Errorf("init %v: dir %v, %v; want %s", tc.args, got, err, tc.dir)
		}
	}
	var stderr bytes.Buffer
	if code := Run([]string{"init", "a", "b"}, &bytes.Buffer{}, &stderr); code != exitUsage {
		t.Errorf("init a b: exit %d, want %d (%s)", code, exitUsage, stderr.String())
	}
}

func TestInitWritesBoth(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "neu", "haushalt")
	var stderr bytes.Buffer
	if code := Run([]string{"init", dir}, &bytes.Buffer{}, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, name := range []string{initWorkbook, initConfig} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	if want := "raumbudget allocate --config " + filepath.Join(dir, initConfig); !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", stderr.String(), want)
	}
}

func TestInitNeverReplaces(t *testing.T) {
	for _, existing := range []string{initWorkbook, initConfig} {
		dir := t.TempDir()
		path := filepath.Join(dir, existing)
		if err := os.WriteFile(path, []byte("mine"), 0o600); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		if code := Run([]string{"init", dir}, &bytes.Buffer{}, &stderr); code != exitError {
			t.Errorf("exit %d, want %d", code, exitError)
		}
		if want := "raumbudget: " + path + " gibt es schon; init ersetzt nie Dateien\n"; stderr.String() != want {
			t.Errorf("stderr %q, want %q", stderr.String(), want)
		}
		entries, _ := os.ReadDir(dir)
		if data, _ := os.ReadFile(path); len(entries) != 1 || string(data) != "mine" {
			t.Errorf("with %s there: %d files, %q", existing, len(entries), data)
		}
	}
}

func TestInitNotAFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "datei")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if code := Run([]string{"init", file}, &bytes.Buffer{}, &stderr); code != exitError || !strings.Contains(stderr.String(), "ist kein Ordner") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}

// TestInitConfigKeys makes sure that every key of the config template,
// the commented ones too, is a setting of the commands that apply it: the
// top level's of allocate, plan and explain, a section's of its command;
// and that allocate, plan, explain and scenario compare run on it with
// every optional line's '#' removed.
func TestInitConfigKeys(t *testing.T) {
	line := regexp.MustCompile(`^(  )?(?:# )?([a-z-]+):`)
	section, n := "", 0
	for _, l := range strings.Split(string(configTemplate), "\n") {
		m := line.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		n++
		switch {
		case m[1] == "" && (slices.Contains(sectionNames, m[2]) || m[2] == "scenarios"):
			section = m[2]
		case m[1] == "":
			section = ""
			for _, c := range sectionNames {
				if m[2] != "columns" && !slices.Contains(sectionKeys(c), m[2]) {
					t.Errorf("config template: %q on top is not a setting of %s", m[2], c)
				}
			}
		case section != "" && section != "scenarios" && !slices.Contains(sectionKeys(section), m[2]):
			t.Errorf("config template: %q is not a setting of %s", m[2], section)
		}
	}
	if n < 20 {
		t.Fatalf("only %d keys in the config template", n)
	}
	dir := t.TempDir()
	if code := Run([]string{"init", dir}, &bytes.Buffer{}, &bytes.Buffer{}); code != exitOK {
		t.Fatalf("init: exit %d", code)
	}
	optional := regexp.MustCompile(`(?m)^(\s*)# ((?:[a-z-]+|  [A-Z][^:#]*):.*)$`)
	config := filepath.Join(dir, "alles.yaml")
	if err := os.WriteFile(config, optional.ReplaceAll(configTemplate, []byte("$1$2")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "gebucht.csv"), []byte("Bezirksstelle;Betrag\nBezirksstelle I;1\nBezirksstelle II;1\nBezirksstelle III;1\nBezirksstelle IV;1\nBezirksstelle V;1\nBezirksstelle VI;1\nBezirksstelle VII;1\nBezirksstelle VIII;1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"allocate", "--config", config},
		{"plan", "--config", config},
		{"explain", "--config", config, "--unit", "Bezirksstelle I"},
		{"explain", "--config", config, "--unit", "Bezirksstelle I", "--period", "2026-Q2"},
		{"scenario", "compare", config},
	} {
		var stderr bytes.Buffer
		if code := Run(args, &bytes.Buffer{}, &stderr); code != exitOK {
			t.Errorf("%v with every optional key: exit %d: %s", args[:2], code, stderr.String())
		}
	}
	for _, out := range []string{"zuteilung.xlsx", "plan.xlsx"} {
		if _, err := os.Stat(filepath.Join(dir, out)); err != nil {
			t.Errorf("the optional out key was not read: %v", err)
		}
	}
}
