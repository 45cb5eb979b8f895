package indicators

import (
	"hash/maphash"
	"math/bits"
)

// areaSet is the set of the area names read so far, which refuses a
// Stadtteil that appears twice: summed twice, it would count twice. It
// keeps a 64-bit hash of each name, 8 bytes or a little more a row, where
// the names themselves took some 100 bytes a row, and a table of a
// million rows over 100 MB.
//
// A hash seen before is not taken for a repeated name: the builder then
// reads the table again from its start up to the current row, to find an
// earlier row with just that name (see builder.earlier). Two names of one
// hash, with a seed drawn anew for every read, are so rare (about n²/2⁶⁵
// for n rows: 3·10⁻⁸ for a million) that the cost of that second read
// does not count; a repeated name ends the read, or, with AllProblems,
// is reported. After a few such second reads, the names are kept as they
// are (see exact), so that a table of many repeated names is not read
// again for each: that is a table with problems, to be listed, and its
// names may take the memory they took before.
type areaSet struct {
	seed  maphash.Seed
	slots []uint64 // the hashes, open addressing; 0 is an empty slot
	n     int

	// exact, if not nil, holds the names themselves, with the line of
	// their row: for a source that cannot be read again, and after
	// maxRereads.
	exact map[string]int
	// rereads counts the second reads.
	rereads int

	// find, with finding, makes the set of a second read look for one
	// name: found is the line of its first row, 0 if none yet.
	find    string
	finding bool
	found   int
}

// areaHash hashes an area name; a variable, so that the tests can make
// names collide.
var areaHash = maphash.String

// maxRereads is the number of second reads after which the names are
// kept as they are.
const maxRereads = 3

func newAreaSet() areaSet {
	return areaSet{seed: maphash.MakeSeed()}
}

// reset forgets every name: a later period starts the table anew.
func (a *areaSet) reset() {
	clear(a.slots)
	a.n = 0
	if a.exact != nil {
		clear(a.exact)
	}
	a.found = 0
}

// hash returns the name's hash, never 0.
func (a *areaSet) hash(name string) uint64 {
	h := areaHash(a.seed, name)
	if h == 0 {
		h = 1
	}
	return h
}

// add adds the hash and says whether it was there already.
func (a *areaSet) add(h uint64) bool {
	if (a.n+1)*5 > len(a.slots)*4 { // at most 80 % full
		a.grow()
	}
	i := a.home(h)
	for {
		switch a.slots[i] {
		case 0:
			a.slots[i] = h
			a.n++
			return false
		case h:
			return true
		}
		if i++; i == len(a.slots) {
			i = 0
		}
	}
}

// home is the slot where the search for h starts: h scaled to the table,
// which need not have a size that is a power of two.
func (a *areaSet) home(h uint64) int {
	hi, _ := bits.Mul64(h, uint64(len(a.slots)))
	return int(hi)
}

// grow makes the table half as large again: a power of two would take
// twice the memory at worst, when a million rows just miss 2^20 slots.
func (a *areaSet) grow() {
	old := a.slots
	a.slots = make([]uint64, max(1024, len(old)*3/2))
	a.n = 0
	for _, h := range old {
		if h != 0 {
			a.add(h)
		}
	}
}
