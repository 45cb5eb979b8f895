package ledger

import (
	"encoding/json"
	"time"
)

// RecordJSON is how a booking came about, as every JSON document that
// shows bookings gives it: its revision, who booked it when and why, its
// input files and its place in the hash chain (README, "JSON of a
// booking"). The transition start and the settings are given where one
// booking is shown whole (book, ledger show), not in the yearly report's
// list.
type RecordJSON struct {
	Revision        int             `json:"revision"`
	Active          bool            `json:"active"`
	TransitionStart string          `json:"transition_start,omitempty"`
	BookedAt        string          `json:"booked_at"`
	BookedBy        string          `json:"booked_by"`
	Reason          string          `json:"reason"`
	Settings        json.RawMessage `json:"settings,omitempty"`
	Inputs          []InputJSON     `json:"inputs"`
	Hash            string          `json:"hash"`
	PreviousHash    string          `json:"previous_hash"`
}

// InputJSON is an input file of a booking.
type InputJSON struct {
	Role   string `json:"role"`
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Bytes  int64  `json:"bytes"`
}

// ListedRecord is b's record in a list of bookings; active says whether b
// is its quarter's active revision.
func ListedRecord(b *Booking, active bool) RecordJSON {
	r := RecordJSON{Revision: b.Revision, Active: active, BookedAt: b.BookedAt.UTC().Format(time.RFC3339),
		BookedBy: b.BookedBy, Reason: b.Reason, Inputs: []InputJSON{}, Hash: b.Hash, PreviousHash: b.PreviousHash}
	for _, in := range b.Inputs {
		r.Inputs = append(r.Inputs, InputJSON{Role: in.Role, Name: in.Name, SHA256: in.SHA256, Bytes: in.Bytes})
	}
	return r
}

// WholeRecord is b's record where b is shown on its own, with its
// transition start and settings.
func WholeRecord(b *Booking, active bool) RecordJSON {
	r := ListedRecord(b, active)
	r.TransitionStart, r.Settings = b.TransitionStart.String(), json.RawMessage(b.Settings)
	return r
}
