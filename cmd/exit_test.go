package cmd

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
)

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{errors.New("unknown flag: --x"), exitUsage},
		{&runError{usagef("bad")}, exitUsage},
		{&runError{&indicators.Error{File: "a.csv", Msg: msg.New("bad")}}, exitUsage},
		{&runError{&allocate.InputError{Unit: -1, Msg: "bad"}}, exitUsage},
		{&runError{errors.New("disk full")}, exitError},
	}
	for _, tt := range tests {
		if got := exitCode(tt.err); got != tt.want {
			t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestRunReportsErrorsOnOneLine(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Run([]string{"allocate", "--demo", "--budget", "x"}, &stdout, &stderr)
	if code != exitUsage || stdout.Len() != 0 || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
}
