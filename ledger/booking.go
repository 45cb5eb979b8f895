// Package ledger keeps the booked quarters of an allocation: every booking
// with its settings, its input files and a hash that chains it to the one
// before, in an SQLite file or a PostgreSQL database (MODEL.md, "The ledger
// of booked quarters"). It stores and reads; computing a booking is the
// plan's job.
package ledger

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/big"
	"strconv"
	"time"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/scenario"
)

// Booking is one booked quarter: one revision of it.
type Booking struct {
	Seq             int64 // place in booking order, 1 for the first booking
	Period          scenario.Period
	Revision        int
	TransitionStart scenario.Period
	BookedAt        time.Time // UTC, whole seconds
	BookedBy        string
	Reason          string
	IndicatorShare  *big.Rat
	Budget          allocate.Cents
	Settings        string // JSON object of the config keys used, as stored
	Inputs          []Input
	Units           []Unit
	Hash            string // hex SHA-256 of the canonical encoding
	PreviousHash    string // the hash of the booking before; "" for the first
}

// Input is an input file of a booking. Content is only filled by
// Ledger.Content and by the booking that stores it.
type Input struct {
	Role    string // "data", "spending" or "previous"
	Name    string
	SHA256  string // hex
	Bytes   int64
	Content []byte
}

// NewInput describes content read from the file name.
func NewInput(role, name string, content []byte) Input {
	sum := sha256.Sum256(content)
	return Input{Role: role, Name: name, SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(content)), Content: content}
}

// Unit is what one unit got in a booking.
type Unit struct {
	Name   string
	Amount allocate.Cents
	Target *big.Rat // p(u), the model's share before the corridor
	Share  *big.Rat // the share after the corridor
	Held   string   // "floor", "ceiling" or ""
}

// canonicalFormat opens every canonical encoding; a later encoding gets a
// new name so that old hashes stay checkable.
const canonicalFormat = "raumbudget-booking/1"

// Canonical is the byte string a booking's hash is computed from: a
// sequence of fields "label:length:value\n", length being the value's
// length in bytes, in this order: format, previous_hash, period,
// revision, transition_start, booked_at (RFC 3339, UTC), booked_by,
// reason, indicator_share (exact, "3/5" or "1"), budget (euros, "0.00"),
// settings (the stored JSON text), then per input role, name, sha256 and
// bytes, then per unit unit, amount (euros), target_share and share
// (exact fractions in lowest terms) and held. The length prefix makes the
// encoding unambiguous whatever the text holds; the exact fractions make
// it independent of floating point.
func Canonical(b *Booking) []byte {
	var out []byte
	field := func(label, value string) {
		out = append(out, label...)
		out = append(out, ':')
		out = strconv.AppendInt(out, int64(len(value)), 10)
		out = append(out, ':')
		out = append(out, value...)
		out = append(out, '\n')
	}
	field("format", canonicalFormat)
	field("previous_hash", b.PreviousHash)
	field("period", b.Period.String())
	field("revision", strconv.Itoa(b.Revision))
	field("transition_start", b.TransitionStart.String())
	field("booked_at", b.BookedAt.UTC().Format(time.RFC3339))
	field("booked_by", b.BookedBy)
	field("reason", b.Reason)
	field("indicator_share", b.IndicatorShare.RatString())
	field("budget", b.Budget.String())
	field("settings", b.Settings)
	for _, in := range b.Inputs {
		field("input.role", in.Role)
		field("input.name", in.Name)
		field("input.sha256", in.SHA256)
		field("input.bytes", strconv.FormatInt(in.Bytes, 10))
	}
	for _, u := range b.Units {
		field("unit", u.Name)
		field("unit.amount", u.Amount.String())
		field("unit.target_share", u.Target.RatString())
		field("unit.share", u.Share.RatString())
		field("unit.held", u.Held)
	}
	return out
}

// ComputeHash is the hash of the booking as it stands, chained by its
// PreviousHash.
func ComputeHash(b *Booking) string {
	sum := sha256.Sum256(Canonical(b))
	return hex.EncodeToString(sum[:])
}

// Total is the sum of the booking's amounts.
func (b *Booking) Total() allocate.Cents {
	var t allocate.Cents
	for _, u := range b.Units {
		t += u.Amount
	}
	return t
}

// Ref names a booking in messages: "2026-Q3 revision 2".
func (b *Booking) Ref() string {
	return fmt.Sprintf("%s revision %d", b.Period, b.Revision)
}

// Active marks, for bookings in booking order, which are the active
// revision of their quarter: the latest.
func Active(bookings []Booking) []bool {
	latest := map[scenario.Period]int{}
	for i, b := range bookings {
		latest[b.Period] = i
	}
	active := make([]bool, len(bookings))
	for _, i := range latest {
		active[i] = true
	}
	return active
}
