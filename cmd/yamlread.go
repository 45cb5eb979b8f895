package cmd

import (
	"bytes"
	"errors"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// Limits of a config or scenario file, documented in the README ("Limits").
const (
	// maxYAMLBytes bounds the file read: a config is a few hundred bytes,
	// and /dev/zero or a mistaken data file must not fill the memory.
	maxYAMLBytes = 1 << 20
	// maxYAMLNodes bounds the nodes of the file with every alias expanded,
	// so that a few hundred bytes of nested aliases ("billion laughs")
	// cannot grow to gigabytes when the settings are read.
	maxYAMLNodes = 20_000
	// maxScenarios bounds the scenarios of a file: each is a plan of its
	// own and a column of the comparison.
	maxScenarios = 100
)

// decodeYAML parses data as exactly one YAML document and checks what the
// YAML library lets pass: keys given twice in one mapping (the library
// keeps the last without a word), null values, aliases that expand beyond
// maxYAMLNodes or contain themselves. doc is nil for an empty file.
func decodeYAML(path string, data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		return nil, nil
	} else if err != nil {
		return nil, yamlError(path, err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, yamlError(path, err)
	default:
		return nil, usagef("%s:%d: a second YAML document (after ---): a config is one document, put all keys in it", path, next.Line)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	if err := checkNodes(path, doc.Content[0], ""); err != nil {
		return nil, err
	}
	n := 0
	if err := countExpanded(path, doc.Content[0], &n, nil); err != nil {
		return nil, err
	}
	return doc.Content[0], nil
}

// yamlLine finds the line in a message of the YAML library ("yaml: line
// 3: ..."), to put it in the place of every other message: file:line.
var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

func yamlError(path string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return usagef("%s:%s: %s", path, m[1], m[2])
	}
	return usagef("%s: %s", path, strings.ReplaceAll(msg, "\n", "; "))
}

// checkNodes walks the document as written (aliases not followed, so each
// node once) and refuses a key given twice in a mapping and a null value.
// where names the enclosing keys ("annual-budgets") for messages.
func checkNodes(path string, n *yaml.Node, where string) error {
	if strings.Count(where, ": ") >= maxDepth {
		return usagef("%s:%d: %s: nested more than %d levels deep", path, n.Line, where, maxDepth)
	}
	switch n.Kind {
	case yaml.MappingNode:
		first := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, value := n.Content[i], n.Content[i+1]
			name := joinKey(where, key.Value)
			if line, dup := first[key.Value]; dup {
				return usagef("%s:%d: %s is given twice (first on line %d): remove one", path, key.Line, name, line)
			}
			first[key.Value] = key.Line
			if key.Kind != yaml.ScalarNode {
				return usagef("%s:%d: %s: a key must be a plain word or number, not a list or map", path, key.Line, where)
			}
			if isNull(value) {
				return usagef("%s:%d: %s is empty (null): give it a value or leave the key out", path, key.Line, name)
			}
			if err := checkNodes(path, value, name); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			if isNull(item) {
				return usagef("%s:%d: %s: an empty (null) entry in the list", path, item.Line, where)
			}
			if err := checkNodes(path, item, where); err != nil {
				return err
			}
		}
	}
	return nil
}

func joinKey(where, key string) string {
	if where == "" {
		return key
	}
	return where + ": " + key
}

// isNull says whether a value is YAML's null: ~, null or nothing.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// countExpanded counts the nodes of n with aliases expanded into *count,
// stopping at maxYAMLNodes; open holds the anchors being expanded, to
// refuse an alias inside its own anchor.
func countExpanded(path string, n *yaml.Node, count *int, open []*yaml.Node) error {
	if *count++; *count > maxYAMLNodes {
		return usagef("%s:%d: the file has more than %d values with its aliases (*name) expanded: too large for a config", path, n.Line, maxYAMLNodes)
	}
	if n.Kind == yaml.AliasNode {
		for _, o := range open {
			if o == n.Alias {
				return usagef("%s:%d: the alias *%s is inside its own anchor &%s", path, n.Line, n.Value, n.Value)
			}
		}
		return countExpanded(path, n.Alias, count, append(open, n.Alias))
	}
	for _, c := range n.Content {
		if err := countExpanded(path, c, count, open); err != nil {
			return err
		}
	}
	return nil
}

// readLimited reads a config or scenario file of at most maxYAMLBytes;
// devices and pipes get the same limit as regular files.
func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxYAMLBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxYAMLBytes {
		return nil, msg.Errorf("%s is larger than %d KiB: that is no config file", path, maxYAMLBytes>>10)
	}
	return data, nil
}

// shapes are the forms of structured keys whose readers would take a
// value of another form for nothing: inverse written as a map is no list
// of indicators. (The readers of weights, columns, schedule,
// annual-budgets and adjust refuse other forms with an example.)
var shapes = map[string][]yaml.Kind{
	"inverse": {yaml.SequenceNode, yaml.ScalarNode},
}

var shapeNames = map[yaml.Kind]msg.Text{
	yaml.MappingNode:  msg.New("a map"),
	yaml.SequenceNode: msg.New("a list"),
	yaml.ScalarNode:   msg.New("one value"),
}

// checkShape refuses a value of a form its key does not take, and checks
// the entries of structured values (see shapeOfItems).
func checkShape(path string, key, value *yaml.Node) error {
	value = resolveAlias(value)
	want, ok := shapes[key.Value]
	if !ok || slices.Contains(want, value.Kind) {
		return shapeOfItems(path, key, value)
	}
	names := shapeNames[want[0]]
	for _, k := range want[1:] {
		names = msg.New("%s or %s", names, shapeNames[k])
	}
	return usagef("%s:%d: %s takes %s, not %s", path, key.Line, key.Value, names, shapeNames[value.Kind])
}

// shapeOfItems checks inside a structured value: the entries of inverse
// and the values of weights, columns and annual-budgets are single values;
// the keys of annual-budgets are years.
func shapeOfItems(path string, key, value *yaml.Node) error {
	switch key.Value {
	case "inverse":
		if value.Kind != yaml.SequenceNode {
			return nil
		}
		for _, item := range value.Content {
			if resolveAlias(item).Kind != yaml.ScalarNode {
				return usagef("%s:%d: inverse: each entry is an indicator key, not a list or map", path, item.Line)
			}
		}
	case "weights", "columns", "annual-budgets", "cost-centers":
		if value.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(value.Content); i += 2 {
			k, v := value.Content[i], resolveAlias(value.Content[i+1])
			if v.Kind != yaml.ScalarNode {
				return usagef("%s:%d: %s: %s takes one value, not %s", path, k.Line, key.Value, k.Value, shapeNames[v.Kind])
			}
			if key.Value == "annual-budgets" && !isYear(k.Value) {
				return usagef("%s:%d: annual-budgets: %q is not a year (four digits, like 2027)", path, k.Line, k.Value)
			}
		}
	}
	return nil
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < maxDepth; i++ {
		n = n.Alias
	}
	return n
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s[0] != '0'
}
