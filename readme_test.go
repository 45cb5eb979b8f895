package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/raumbudget/raumbudget/cmd"
)

// The user's manual must not drift from the program: every command shown
// in README.md and docs/*.md is run by testdata/script/readme.txtar, and
// every figure of a JSON example is what the command named above it
// prints.

// docFiles are the documents whose examples are tested.
func docFiles(t *testing.T) []string {
	t.Helper()
	docs, err := filepath.Glob("docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{"README.md"}, docs...)
}

// codeBlocks returns the blocks of one language (```sh) of a Markdown
// text, each with the lines before it.
func codeBlocks(text, lang string) (blocks, preceding []string) {
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```"+lang {
			continue
		}
		start := i + 1
		for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "```"; i++ {
		}
		blocks = append(blocks, strings.Join(lines[start:i], "\n"))
		preceding = append(preceding, strings.Join(lines[max(0, start-4):start-1], "\n"))
	}
	return blocks, preceding
}

// shellCommands are the raumbudget commands of a sh block: continuation
// lines joined, comments and redirections dropped, `go run .` read as
// raumbudget.
func shellCommands(block string) []string {
	var cmds []string
	joined := strings.ReplaceAll(block, "\\\n", " ")
	for _, line := range strings.Split(joined, "\n") {
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		// What the shell does with the output (> file, | command) is not
		// raumbudget's: the script runs the command before it.
		if i := strings.IndexAny(line, ">|"); i >= 0 {
			line = line[:i]
		}
		line = strings.Join(strings.Fields(line), " ")
		line = strings.Replace(line, "go run . ", "raumbudget ", 1)
		if strings.HasPrefix(line, "raumbudget ") {
			cmds = append(cmds, line)
		}
	}
	return cmds
}

// scriptCommands are the exec lines of a testscript file, normalised as
// shellCommands.
func scriptCommands(t *testing.T, path string) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cmds := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "!"))
		if rest, ok := strings.CutPrefix(line, "exec raumbudget "); ok {
			line = rest
			if i := strings.Index(line, " #"); i >= 0 {
				line = line[:i]
			}
			line = strings.ReplaceAll(line, "'", `"`) // testscript quotes with '
			cmds["raumbudget "+strings.Join(strings.Fields(line), " ")] = true
		}
	}
	return cmds
}

func TestDocCommandsAreRun(t *testing.T) {
	run := scriptCommands(t, "testdata/script/readme.txtar")
	for _, doc := range docFiles(t) {
		text, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		blocks, _ := codeBlocks(string(text), "sh")
		for _, block := range blocks {
			for _, c := range shellCommands(block) {
				if !run[c] {
					t.Errorf("%s shows %q, which testdata/script/readme.txtar does not run", doc, c)
				}
			}
		}
	}
}

// fromComment is the command named in an HTML comment above a JSON
// example, the testscript whose files it reads, if any, and the keys
// whose values differ from run to run (a time, a hash):
//
//	<!-- output of: raumbudget allocate --demo -o json -->
//	<!-- output of: raumbudget monitor 2026 --soll plan.csv … in testdata/script/monitor.txtar -->
//	<!-- output of: raumbudget book 2026-Q1 … && raumbudget book 2026-Q2 … -o json; varies: booked_at hash -->
//
// Commands joined by && run in turn; the last one's output is compared.
var fromComment = regexp.MustCompile(`<!-- output of: (raumbudget [^>]*?)(?: in (testdata/script/[a-z0-9-]+\.txtar))?(?:; varies: ([a-z_ ]+))? -->`)

// jsonPair is a key with a scalar value, as it stands in JSON text.
var jsonPair = regexp.MustCompile(`"([A-Za-z0-9_]+)":\s*("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*|null|true|false)`)

func TestDocJSONExamplesArePrinted(t *testing.T) {
	for _, doc := range docFiles(t) {
		text, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		blocks, preceding := codeBlocks(string(text), "json")
		for i, block := range blocks {
			m := fromComment.FindStringSubmatch(preceding[i])
			if m == nil {
				t.Errorf("%s: JSON example %d has no <!-- output of: raumbudget … --> above it", doc, i+1)
				continue
			}
			varies := strings.Fields(m[3])
			t.Run(m[1], func(t *testing.T) { checkJSONExample(t, doc, m[1], m[2], varies, block) })
		}
	}
}

// checkJSONExample runs command in a fresh folder (after `scenario init`,
// for the scenario examples, with the files of script if given) and
// asserts that every key with a value in the example has that value
// somewhere in the output; "…" marks what the example leaves out.
func checkJSONExample(t *testing.T, doc, command, script string, varies []string, example string) {
	t.Helper()
	dir := t.TempDir()
	if script != "" {
		unpack(t, script, dir)
	}
	t.Chdir(dir)
	var setup bytes.Buffer
	if code := cmd.Run([]string{"scenario", "init"}, &setup, &setup); code != 0 {
		t.Fatalf("scenario init: %s", setup.String())
	}
	var stdout, stderr bytes.Buffer
	for _, c := range strings.Split(command, " && ") {
		stdout.Reset()
		args := splitArgs(strings.TrimPrefix(strings.TrimSpace(c), "raumbudget "))
		if code := cmd.Run(args, &stdout, &stderr); code != 0 {
			t.Errorf("%s: %s: exit %d: %s", doc, c, code, stderr.String())
			return
		}
	}
	printed := map[string]bool{}
	for _, p := range jsonPair.FindAllStringSubmatch(stdout.String(), -1) {
		printed[p[1]+"="+p[2]] = true
	}
	for _, p := range jsonPair.FindAllStringSubmatch(example, -1) {
		if strings.Contains(p[2], "…") || strings.Contains(p[2], "...") || slices.Contains(varies, p[1]) {
			continue
		}
		if !printed[p[1]+"="+p[2]] {
			t.Errorf("%s: the example of %q shows \"%s\": %s, which the command does not print", doc, command, p[1], p[2])
		}
	}
}

// splitArgs splits a command line at spaces, keeping "quoted words" whole.
func splitArgs(line string) []string {
	var args []string
	var word strings.Builder
	quoted, inWord := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				args = append(args, word.String())
				word.Reset()
			}
			inWord = false
		default:
			word.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		args = append(args, word.String())
	}
	return args
}

// unpack writes the files of a testscript archive into dir.
func unpack(t *testing.T, script, dir string) {
	t.Helper()
	a, err := txtar.ParseFile(script)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range a.Files {
		path := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
