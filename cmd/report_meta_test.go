package cmd

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"
)

// TestDigestOfRefusesPartialRead: a read error is an error, never the
// checksum of the bytes read so far recorded as the file's.
func TestDigestOfRefusesPartialRead(t *testing.T) {
	broken := errors.New("device gone")
	_, err := digestOf("daten.csv", iotest.ErrReader(broken))
	if err == nil || !strings.Contains(err.Error(), "daten.csv") || !strings.Contains(err.Error(), "device gone") {
		t.Fatalf("err = %v, want the file and the cause", err)
	}
	in, err := digestOf("leer.csv", strings.NewReader(""))
	if err != nil || in.SHA256 != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Fatalf("empty file: %+v, %v", in, err)
	}
}
