package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// childEnv marks the process that does the work under a supervisor (see
// supervise). Its name lacks the RAUMBUDGET_ prefix on purpose: it is no
// setting.
const childEnv = "_RAUMBUDGET_WORKER"

// crashFD is the worker's file descriptor to which the Go runtime copies a
// crash report (debug.SetCrashOutput): the supervisor's sign of a crash.
const crashFD = 3

// Main runs the command line and returns the exit status.
//
// Where it can, it runs the command in a child process and watches it:
// the Go runtime ends a process that runs out of memory, overflows its
// stack or panics outside the main goroutine with exit status 2 — the
// status of bad input — and no code of the process can change that. The
// supervisor sees the crash report and exits 1, the status of a failure of
// the tool itself. Without a way to start the child (Windows, where a
// child cannot inherit the crash pipe; no executable path), the command
// runs in this process.
func Main() int {
	if os.Getenv(childEnv) == "" && runtime.GOOS != "windows" {
		if exe, err := os.Executable(); err == nil {
			if code, ok := supervise(exe, os.Args); ok {
				return code
			}
		}
	}
	return work()
}

// work runs the command in this process: with the crash report copied to
// the supervisor, temporary files in a folder of its own, and temporary
// files removed on an interrupt.
func work() int {
	if os.Getenv(childEnv) != "" {
		reportCrashes()
	}
	// The handler first: a signal that comes once the folder exists must
	// find it, and remove it.
	stop := removeTempsOnSignal()
	defer stop()
	done := privateTempDir()
	defer done()
	return Run(os.Args[1:], os.Stdout, os.Stderr)
}

// reportCrashes copies a crash report of the Go runtime to the
// supervisor's pipe.
func reportCrashes() {
	if f := os.NewFile(crashFD, "crash"); f != nil {
		if debug.SetCrashOutput(f, debug.CrashOptions{}) == nil {
			f.Close()
		}
	}
}

// supervise runs the program exe with args (args[0] its name) as a child
// with the same standard streams and returns its exit status; ok is false
// if the child could not be started.
func supervise(exe string, args []string) (code int, ok bool) {
	crashR, crashW, err := os.Pipe()
	if err != nil {
		return 0, false
	}
	child := &exec.Cmd{Path: exe, Args: args, Env: append(os.Environ(), childEnv+"=1"),
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, ExtraFiles: []*os.File{crashW},
		SysProcAttr: diesWithParent()}
	// The child dies with the thread that started it (see diesWithParent):
	// keep this one for the rest of the process.
	runtime.LockOSThread()
	// Signals reach the child from the terminal too; those sent to this
	// process alone (kill PID) are passed on, so the child cleans up.
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	if err := child.Start(); err != nil {
		crashR.Close()
		crashW.Close()
		return 0, false
	}
	crashW.Close()
	crashed := make(chan bool, 1)
	go func() {
		n, _ := io.Copy(io.Discard, crashR)
		crashR.Close()
		crashed <- n > 0
	}()
	go func() {
		for sig := range sigs {
			child.Process.Signal(sig)
		}
	}()
	err = child.Wait()
	return childStatus(err, <-crashed), true
}

// childStatus maps the child's end to this program's exit status.
func childStatus(err error, crashed bool) int {
	if crashed {
		fmt.Fprintln(os.Stderr, msg.New("raumbudget: the tool failed (out of memory, or a bug: see above); this is not an error in the input. Please report it.").In(argsLang(os.Args[1:])))
		return exitError
	}
	var exit *exec.ExitError
	if err == nil {
		return exitOK
	}
	if !errors.As(err, &exit) {
		fmt.Fprintf(os.Stderr, "raumbudget: %v\n", err)
		return exitError
	}
	if status, ok := exit.Sys().(syscall.WaitStatus); ok && status.Signaled() {
		if status.Signal() == syscall.SIGKILL {
			fmt.Fprintln(os.Stderr, msg.New("raumbudget: the run was killed (SIGKILL; out of memory?)").In(argsLang(os.Args[1:])))
			return exitError
		}
		return 128 + int(status.Signal())
	}
	return exit.ExitCode()
}

// removeTempsOnSignal removes the run's temporary files when it is
// interrupted (Ctrl-C, kill, a closed terminal) and ends it with the
// shell's status for the signal, 128 + its number (130 for Ctrl-C).
func removeTempsOnSignal() (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	quit := make(chan struct{})
	go func() {
		select {
		case sig := <-sigs:
			cleanups.removeAllAndHold()
			fmt.Fprintln(os.Stderr, msg.New("raumbudget: interrupted (%v)", sig).In(argsLang(os.Args[1:])))
			n := 2
			if s, ok := sig.(syscall.Signal); ok {
				n = int(s)
			}
			os.Exit(128 + n)
		case <-quit:
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(quit)
	}
}

// tempDirPrefix names the run's own temporary folder, "raumbudget-PID@HOST-N",
// in which the workbook library puts its temporary files too (it may
// unpack large sheets there).
const tempDirPrefix = "raumbudget-"

// privateTempDir makes a temporary folder of this run and points TMPDIR
// at it, after removing the folders of runs that were killed; done
// removes it.
func privateTempDir() (done func()) {
	base := os.TempDir()
	removeStaleTempDirs(base)
	dir, err := os.MkdirTemp(base, tempDirPrefix+owner()+"-*")
	if err != nil {
		return func() {}
	}
	cleanups.add(dir)
	for _, key := range []string{"TMPDIR", "TMP", "TEMP"} {
		os.Setenv(key, dir)
	}
	return func() {
		for _, key := range []string{"TMPDIR", "TMP", "TEMP"} {
			os.Setenv(key, base)
		}
		cleanups.remove(dir)
	}
}

// removeStaleTempDirs removes the temporary folders of runs that were
// killed (see stale).
func removeStaleTempDirs(base string) {
	entries, err := os.ReadDir(base)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), tempDirPrefix)
		if ok && e.IsDir() && strings.Contains(rest, "@") && stale(rest, e) {
			os.RemoveAll(filepath.Join(base, e.Name()))
		}
	}
}

// processAlive says whether a process with this id runs (perhaps as
// another user).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		return true // FindProcess found it
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
