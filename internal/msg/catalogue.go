package msg

import "fmt"

// german maps each English format of the catalogue to its German one. The
// entries live in files named de_*.go, one per area of the tool, each
// adding its map in an init function through add.
var german = map[string]string{}

// add puts entries into the catalogue; a format given twice is a bug that
// stops the program at start-up (and the catalogue test first).
func add(entries map[string]string) {
	for en, de := range entries {
		if _, dup := german[en]; dup {
			panic(fmt.Sprintf("msg: %q is in the catalogue twice", en))
		}
		german[en] = de
	}
}
