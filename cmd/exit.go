package cmd

import (
	"errors"

	"github.com/raumbudget/raumbudget/allocate"
	"github.com/raumbudget/raumbudget/indicators"
	"github.com/raumbudget/raumbudget/internal/msg"
	"github.com/raumbudget/raumbudget/scenario"
)

// Exit statuses, documented in the README and in each command's help.
const (
	exitOK       = 0
	exitError    = 1 // anything else: I/O, a file that exists, a bug
	exitUsage    = 2 // bad usage or bad input
	exitWarnings = 3 // check: the input is usable, with warnings
)

// statusError ends a run that did its work with a status of its own, such
// as check finding problems; its message is one line for stderr, said in
// the run's language.
type statusError struct {
	code int
	text msg.Text
}

func (e *statusError) Error() string { return e.In(msg.EN) }

func (e *statusError) In(l msg.Lang) string { return e.text.In(l) }

// statusf is a statusError with a sentence of the catalogue.
func statusf(code int, format string, args ...any) error {
	return &statusError{code: code, text: msg.New(format, args...)}
}

// usageError is a wrong flag, setting or config entry; it exits 2. Its
// sentence is one of the catalogue, said in the run's language.
type usageError struct{ text msg.Text }

func (e *usageError) Error() string        { return e.text.In(msg.EN) }
func (e *usageError) In(l msg.Lang) string { return e.text.In(l) }

// usagef is a usageError; format is the English sentence, a key of the
// catalogue (internal/msg/de_*.go holds its German).
func usagef(format string, args ...any) error {
	return &usageError{text: msg.New(format, args...)}
}

// runError marks an error returned by a command's own code, so that Main
// can tell it from cobra's errors about flags and arguments (exit 2).
type runError struct{ err error }

func (e *runError) Error() string { return e.err.Error() }
func (e *runError) Unwrap() error { return e.err }

// exitCode maps an error to the exit status.
func exitCode(err error) int {
	var run *runError
	if !errors.As(err, &run) {
		return exitUsage // cobra's own: unknown flag, command or argument
	}
	var status *statusError
	if errors.As(err, &status) {
		return status.code
	}
	var usage *usageError
	var input *indicators.Error
	var model *allocate.InputError
	var plan *scenario.PlanError
	if errors.As(err, &usage) || errors.As(err, &input) || errors.As(err, &model) || errors.As(err, &plan) {
		return exitUsage
	}
	return exitError
}

const checkStatusHelp = `
Exit status:
  0  the tables are clean
  1  anything else (a file could not be read at all, the tool ran out of memory, a bug)
  2  errors: bad input that allocate would refuse
  3  warnings only: the tables can be used, but look at the warnings
`

const exitStatusHelp = `
Exit status:
  0  done
  1  anything else (a file could not be written, an output file exists without --force,
     the tool ran out of memory or crashed, a bug)
  2  bad usage or bad input (the message names the file, the line or cell, and the column)
  130, 143  interrupted (Ctrl-C, kill); temporary files are removed
`
