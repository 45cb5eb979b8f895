package indicators

import (
	"hash/maphash"
)

// areaSet is the set of the area names read so far, which refuses a
// Stadtteil that appears twice: summed twice, it would count twice. It
// keeps 32 bits of a 64-bit hash of each name in an open-addressed table,
// where the other 32 bits chose the slot to look in first: some 6 bytes a
// row, where the names themselves took some 100 bytes a row (a table of a
// million rows took over 100 MB). The first names go to a map of their
// whole hashes, so that a small table does not pay for the table; then
// the table is made as large as the rest of the file needs, by what the
// first names took of it (see builder.expectAreas). A table that would
// get too full is made anew, twice as large, by reading the file again
// up to the current row (see builder.rebuild): the slots do not tell
// where a hash started, and a hash of 64 bits a slot took twice the
// memory.
//
// A hash seen before is not taken for a repeated name: the builder then
// reads the table again from its start up to the current row, to find an
// earlier row with just that name (see builder.reread). Two names of one
// slot and hash, with a seed drawn anew for every read, are so rare
// (about one in 5,000 for a million rows) that the cost of that second
// read does not count; a repeated name ends the read, or, with
// AllProblems, is reported. After a few such second reads, the names are
// kept as they are (see exact), so that a table of many repeated names is
// not read again for each: that is a table with problems, to be listed,
// and its names may take the memory they took before.
type areaSet struct {
	seed  maphash.Seed
	few   map[uint64]struct{} // the hashes of the first smallAreas names
	slots []uint32            // then: the low 32 bits of each hash, 0 in an empty slot
	mem   *slotMemory         // owns the memory of slots: assigned with it, always
	n     int

	// collecting makes the set of a second read take every hash, one
	// seen before too: it is to be the table of the first read.
	collecting bool

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

// smallAreas is the number of names kept in few.
const smallAreas = 8192

// reset forgets every name: a later period starts the table anew.
func (a *areaSet) reset() {
	a.few, a.n = nil, 0
	if a.collecting {
		clear(a.slots) // the table to fill, sized for the first read
	} else {
		a.slots, a.mem = nil, nil
	}
	if a.exact != nil {
		clear(a.exact)
	}
	a.found = 0
}

// hash returns the name's hash.
func (a *areaSet) hash(name string) uint64 {
	return areaHash(a.seed, name)
}

// add adds the hash and says whether it was there already. The table
// must not be crowded.
func (a *areaSet) add(h uint64) bool {
	if a.slots == nil {
		if _, ok := a.few[h]; ok {
			return true
		}
		if a.few == nil {
			a.few = map[uint64]struct{}{}
		}
		a.few[h] = struct{}{}
		a.n++
		return false
	}
	v := uint32(h)
	if v == 0 {
		v = 1
	}
	i := a.home(h)
	for {
		switch a.slots[i] {
		case 0:
			a.slots[i] = v
			a.n++
			return false
		case v:
			return true
		}
		if i++; i == len(a.slots) {
			i = 0
		}
	}
}

// home is the slot where the search for h starts: its top 32 bits scaled
// to the table, whose size need not be a power of two.
func (a *areaSet) home(h uint64) int {
	return int((h >> 32) * uint64(len(a.slots)) >> 32)
}

// crowded says whether the next hash must go to a larger table: the map
// is full, or the table 80 %.
func (a *areaSet) crowded() bool {
	if a.slots == nil {
		return a.n >= smallAreas
	}
	return (a.n+1)*5 > len(a.slots)*4
}

// spread moves the hashes from few to a table for expect names.
func (a *areaSet) spread(expect int) {
	a.slots, a.mem = newSlots(slotsFor(expect))
	few := a.few
	a.few, a.n = nil, 0
	for h := range few {
		a.add(h)
	}
}

// slotsFor is the size of a table for n names: 70 % full.
func slotsFor(n int) int {
	return max(2*smallAreas, n*10/7)
}

// touch has the slot where the search for h starts loaded into the
// cache, so that it is there when add looks: the slot of a million names
// is seldom in the cache, and waiting for memory was a third of the time
// of a read. The builder touches the slot of the next row's name (see
// builder.hintArea), and its work on this row hides the wait.
func (a *areaSet) touch(h uint64) {
	if a.slots != nil {
		prefetch(&a.slots[a.home(h)])
	}
}
