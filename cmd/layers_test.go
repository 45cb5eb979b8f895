package cmd

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoArrowBackUp keeps cmd layered: command files (those that build a
// command, newXxxCmd) sit on top of the shared files (settings, output,
// data, ledger access); a shared file never uses what a command file
// defines, and a command file uses another's only to add it as its
// subcommand (the root command adds them all). So a command can be read, changed or
// deleted without breaking another.
func TestNoArrowBackUp(t *testing.T) {
	fset := token.NewFileSet()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*ast.File{}
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		if files[path], err = parser.ParseFile(fset, path, nil, 0); err != nil {
			t.Fatal(err)
		}
	}
	definedIn, commandFile := map[string]string{}, map[string]bool{}
	for path, f := range files {
		name := filepath.Base(path)
		for _, d := range f.Decls {
			for _, id := range declared(d) {
				definedIn[id] = name
				if isConstructor(id) {
					commandFile[name] = true
				}
			}
		}
	}
	for path, f := range files {
		user := filepath.Base(path)
		selected := map[*ast.Ident]bool{} // x.Name: another package's name, a field or a method
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				selected[sel.Sel] = true
			}
			id, ok := n.(*ast.Ident)
			if !ok || id.Obj != nil || selected[id] || ast.IsExported(id.Name) {
				return true // a local name, one declared in this file, or the package's API (Run) used from above
			}
			owner, ok := definedIn[id.Name]
			if !ok || owner == user || !commandFile[owner] {
				return true
			}
			if commandFile[user] && isConstructor(id.Name) {
				return true // a command adding its subcommand
			}
			t.Errorf("%s uses %s of the command file %s: move it to a shared file", user, id.Name, owner)
			return true
		})
	}
}

// isConstructor says whether name builds a command: newPlanCmd,
// NewRootCmd.
func isConstructor(name string) bool {
	return strings.HasPrefix(strings.ToLower(name), "new") && strings.HasSuffix(name, "Cmd")
}

// declared lists the top-level names a declaration declares (methods
// aside: they are reached through their type).
func declared(d ast.Decl) []string {
	var names []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			names = append(names, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				names = append(names, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					names = append(names, n.Name)
				}
			}
		}
	}
	return names
}
