package cmd

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
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
		if want := "raumbudget: " + path + " exists; init never replaces files\n"; stderr.String() != want {
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
	if code := Run([]string{"init", file}, &bytes.Buffer{}, &stderr); code != exitError || !strings.Contains(stderr.String(), "is not a folder") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}

// TestInitConfigKeys makes sure that every key of the config template, the
// commented ones too, is a setting of allocate, and that the optional lines
// work when their '#' is removed.
func TestInitConfigKeys(t *testing.T) {
	allocate := newAllocateCmd(nil)
	key := regexp.MustCompile(`(?m)^(?:# )?([a-z-]+):`)
	keys := key.FindAllStringSubmatch(string(configTemplate), -1)
	if len(keys) < 10 {
		t.Fatalf("only %d keys in the config template", len(keys))
	}
	for _, k := range keys {
		if k[1] != "columns" && allocate.Flags().Lookup(k[1]) == nil {
			t.Errorf("config template: %q is not a setting of allocate", k[1])
		}
	}
	dir := t.TempDir()
	if code := Run([]string{"init", dir}, &bytes.Buffer{}, &bytes.Buffer{}); code != exitOK {
		t.Fatalf("init: exit %d", code)
	}
	head, optional, ok := strings.Cut(string(configTemplate), "# Optional")
	if !ok {
		t.Fatal("config template: no optional section")
	}
	_, optional, _ = strings.Cut(optional, "\n")
	config := filepath.Join(dir, "alles.yaml")
	if err := os.WriteFile(config, []byte(head+strings.ReplaceAll("\n"+optional, "\n# ", "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if code := Run([]string{"allocate", "--config", config}, &bytes.Buffer{}, &stderr); code != exitOK {
		t.Errorf("allocate with every optional key: exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "zuteilung.xlsx")); err != nil {
		t.Errorf("the optional out key was not read: %v", err)
	}
}
