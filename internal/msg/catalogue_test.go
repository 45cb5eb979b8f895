package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// sink is a function that takes a catalogue format as its argument number
// arg: msg's own, and (found by formatsInSource) any function that passes
// a parameter on as such a format.
type sink struct {
	name string
	arg  int
}

// formatsInSource walks every non-test Go file of the module and returns
// the formats passed to New, Errorf and their wrappers, with the place of
// each call; a format that is not a string literal is an error, since the
// catalogue could not be checked for it.
func formatsInSource(t *testing.T) map[string]string {
	t.Helper()
	files := parseModule(t)
	sinks := map[sink]bool{{"New", 0}: true, {"Errorf", 0}: true}
	for findWrappers(files, sinks) {
	}
	found := map[string]string{}
	for _, f := range files {
		ast.Inspect(f.file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			arg, ok := sinkArg(call, sinks, f.file.Name.Name)
			if !ok || isParam(arg, f.file, call) {
				return true
			}
			format, ok := literal(arg)
			pos := f.fset.Position(call.Pos()).String()
			if !ok {
				t.Errorf("%s: the message format is not a string literal, so the catalogue cannot be checked for it", pos)
				return true
			}
			found[format] = pos
			return true
		})
	}
	return found
}

type sourceFile struct {
	fset *token.FileSet
	file *ast.File
}

func parseModule(t *testing.T) []sourceFile {
	t.Helper()
	root := filepath.Join("..", "..")
	var files []sourceFile
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		files = append(files, sourceFile{fset, f})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// findWrappers adds to sinks every function that passes one of its string
// parameters on as a sink's format, and reports whether it added one.
func findWrappers(files []sourceFile, sinks map[sink]bool) bool {
	added := false
	for _, f := range files {
		for _, decl := range f.file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			params := paramNames(fn)
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				arg, ok := sinkArg(call, sinks, f.file.Name.Name)
				if !ok {
					return true
				}
				id, ok := arg.(*ast.Ident)
				if !ok {
					return true
				}
				if i := slices.Index(params, id.Name); i >= 0 && !sinks[sink{fn.Name.Name, i}] {
					sinks[sink{fn.Name.Name, i}] = true
					added = true
				}
				return true
			})
		}
	}
	return added
}

func paramNames(fn *ast.FuncDecl) []string {
	var names []string
	for _, field := range fn.Type.Params.List {
		for _, name := range field.Names {
			names = append(names, name.Name)
		}
	}
	return names
}

// sinkArg is the format argument of call, made in package pkg, if it calls
// a sink.
func sinkArg(call *ast.CallExpr, sinks map[sink]bool, pkg string) (ast.Expr, bool) {
	var name string
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		name = fn.Name
		if (name == "New" || name == "Errorf") && pkg != "msg" {
			return nil, false // another package's own New
		}
	case *ast.SelectorExpr:
		name = fn.Sel.Name
		if x, ok := fn.X.(*ast.Ident); ok && (name == "New" || name == "Errorf") && x.Name != "msg" {
			return nil, false // errors.New, fmt.Errorf
		}
	default:
		return nil, false
	}
	for s := range sinks {
		if s.name == name && s.arg < len(call.Args) {
			return call.Args[s.arg], true
		}
	}
	return nil, false
}

// isParam reports whether arg is a parameter of the function around call
// (a wrapper passing its format on; its callers are checked instead).
func isParam(arg ast.Expr, file *ast.File, call *ast.CallExpr) bool {
	id, ok := arg.(*ast.Ident)
	if !ok {
		return false
	}
	for _, decl := range file.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if ok && fn.Pos() <= call.Pos() && call.End() <= fn.End() {
			return slices.Contains(paramNames(fn), id.Name)
		}
	}
	return false
}

// literal is the value of a string literal or a sum of them.
func literal(e ast.Expr) (string, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(v.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if v.Op != token.ADD {
			return "", false
		}
		a, okA := literal(v.X)
		b, okB := literal(v.Y)
		return a + b, okA && okB
	case *ast.ParenExpr:
		return literal(v.X)
	}
	return "", false
}

func TestEveryMessageHasBothLanguages(t *testing.T) {
	used := formatsInSource(t)
	for format, pos := range used {
		if _, ok := german[format]; !ok {
			t.Errorf("%s: %q has no German entry in the catalogue (internal/msg/de_*.go)", pos, format)
		}
	}
	for format := range german {
		if _, ok := used[format]; !ok {
			t.Errorf("catalogue entry %q is used nowhere; delete it", format)
		}
	}
}

// verbs lists, per argument, the kind of verb a format gives it: s for
// text (%s %q %v %w), d for integers, and the verb itself otherwise.
func verbs(format string) map[int]string {
	kinds := map[int]string{}
	for i, v := range argVerbs(format) {
		kind := string(v)
		if strings.Contains("sqvw", kind) {
			kind = "s"
		}
		kinds[i] = kind
	}
	return kinds
}

func TestGermanEntriesTakeTheSameArguments(t *testing.T) {
	for en, de := range german {
		if a, b := verbs(en), verbs(de); !mapsEqual(a, b) {
			t.Errorf("%q → %q: arguments differ (%v vs %v)", en, de, a, b)
		}
	}
}

func mapsEqual(a, b map[int]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// internalKey is how the tool's own keys look (youth_0_18,
// migrant_youth_0_18, spending_prior_year); a German message names the
// user's headings instead.
var internalKey = regexp.MustCompile(`\b[a-z]+[0-9]*(_[a-z0-9]+)+\b`)

func TestGermanEntriesAreGerman(t *testing.T) {
	for en, de := range german {
		if k := internalKey.FindString(de); k != "" {
			t.Errorf("%q: the German text names the internal key %q", de, k)
		}
		if strings.Contains(de, "%q") {
			t.Errorf("%q: German quotes with „%%s“, not %%q", de)
		}
		if de == en && strings.ContainsFunc(flagName.ReplaceAllString(verbPattern.ReplaceAllString(en, ""), ""), isLetter) {
			t.Errorf("%q: the German text is the English one", en)
		}
	}
}

// flagName is a flag as the user types it, the same in both languages.
var flagName = regexp.MustCompile(`--[a-z][a-z0-9-]*`)

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
