package indicators

import (
	"hash/maphash"
)

// areaSet is the set of the area names read so far, which refuses a
// Stadtteil that appears twice: summed twice, it would count twice. It
// keeps 48 bits of a 64-bit hash of each name: 16 choose one of 65,536
// lists, which holds the other 32. That is 4 to 5 bytes a row, where the
// names themselves took some 100 bytes a row, a table of a million rows
// over 100 MB; and it grows a list at a time, never copying the whole.
// The first names go to a map of the whole hashes, so that a small table
// does not pay for the lists.
//
// A hash seen before is not taken for a repeated name: the builder then
// reads the table again from its start up to the current row, to find an
// earlier row with just that name (see builder.reread). Two names of one
// hash, with a seed drawn anew for every read, are so rare (about n²/2⁴⁹
// for n rows: 0.002 for a million) that the cost of that second read
// does not count; a repeated name ends the read, or, with AllProblems,
// is reported. After a few such second reads, the names are kept as they
// are (see exact), so that a table of many repeated names is not read
// again for each: that is a table with problems, to be listed, and its
// names may take the memory they took before.
type areaSet struct {
	seed  maphash.Seed
	few   map[uint64]struct{} // the hashes of the first smallAreas names
	lists [][]uint32          // then: by the hash's top 16 bits, its next 32
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

// smallAreas is the number of names kept in few.
const smallAreas = 8192

// reset forgets every name: a later period starts the table anew.
func (a *areaSet) reset() {
	a.few, a.lists, a.n = nil, nil, 0
	if a.exact != nil {
		clear(a.exact)
	}
	a.found = 0
}

// hash returns the name's hash.
func (a *areaSet) hash(name string) uint64 {
	return areaHash(a.seed, name)
}

// add adds the hash and says whether it was there already.
func (a *areaSet) add(h uint64) bool {
	if a.lists == nil {
		if _, ok := a.few[h]; ok {
			return true
		}
		if a.few == nil {
			a.few = map[uint64]struct{}{}
		}
		a.few[h] = struct{}{}
		if a.n++; a.n == smallAreas {
			a.spread()
		}
		return false
	}
	i, v := h>>48, uint32(h>>16)
	list := a.lists[i]
	for _, x := range list {
		if x == v {
			return true
		}
	}
	if len(list) == cap(list) {
		// A quarter more, as the lists are many and short: doubling
		// would leave a third of them empty on average.
		list = append(make([]uint32, 0, len(list)+len(list)/4+4), list...)
	}
	a.lists[i] = append(list, v)
	a.n++
	return false
}

// spread moves the hashes from few to the lists.
func (a *areaSet) spread() {
	a.lists = make([][]uint32, 1<<16)
	few := a.few
	a.few, a.n = nil, 0
	for h := range few {
		a.add(h)
	}
}
