package cmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/raumbudget/raumbudget/internal/msg"
)

// isInput says whether writing out would write over the input in: the
// same device and inode, whatever the names (links, "./", other
// spellings). A character device such as /dev/null or a terminal is no
// file of its own, so reading and writing it is allowed.
func isInput(out, in string) bool {
	if in == "" {
		return false
	}
	so, errO := os.Stat(out)
	si, errI := os.Stat(in)
	if errO != nil || errI != nil || so.Mode()&fs.ModeCharDevice != 0 {
		return false
	}
	return os.SameFile(so, si)
}

// writeOutputFile writes the --out file. See writeFileAtomic.
func writeOutputFile(path string, data []byte, force bool) error {
	return writeFileAtomic(path, data, force)
}

// writeFileAtomic writes data to path so that path is either untouched or
// complete:
//   - a new file is written to a temporary file next to it and linked into
//     place; the link fails when path appeared meanwhile (another run), so
//     that of two runs without --force at most one succeeds;
//   - an existing regular file is only replaced with force, by renaming the
//     temporary file over it; it keeps its permissions, and a symbolic
//     link stays a link to the file it names;
//   - a character device or FIFO (/dev/null, /dev/stdout, a pipe made by
//     mkfifo) is written into, never replaced, with or without force;
//   - folders, block devices and sockets are refused.
func writeFileAtomic(path string, data []byte, force bool) error {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && force && isLink(path):
		return wrapWrite(path, replaceFile(path, data, 0o644)) // a link to nothing: --force replaces the link
	case errors.Is(err, fs.ErrNotExist):
		return commitNew(path, data)
	case err != nil:
		return msg.Errorf("cannot write %s: %v", path, cause(err))
	case info.IsDir():
		return msg.Errorf("%s is a folder", path)
	case info.Mode()&(fs.ModeCharDevice|fs.ModeNamedPipe) != 0:
		return writeInto(path, data)
	case !info.Mode().IsRegular():
		return msg.Errorf("%s is not a regular file (%s): choose another file", path, kindOf(info.Mode()))
	case !force:
		return &existsError{path}
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return msg.Errorf("cannot write %s: %v", path, cause(err))
	}
	return wrapWrite(path, replaceFile(target, data, info.Mode().Perm()))
}

// wrapWrite names path in an error of writing it.
func wrapWrite(path string, err error) error {
	if err != nil {
		return msg.Errorf("cannot write %s: %v", path, cause(err))
	}
	return nil
}

func isLink(path string) bool {
	info, err := os.Lstat(path)
	return err == nil && info.Mode()&fs.ModeSymlink != 0
}

func kindOf(m fs.FileMode) string {
	switch {
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// cause is the reason of a file error without the (temporary) file name.
func cause(err error) error {
	if inner := errors.Unwrap(err); inner != nil {
		return inner
	}
	return err
}

// writeInto writes data into a device or FIFO that exists.
func writeInto(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return msg.Errorf("cannot write %s: %v", path, cause(err))
	}
	_, err = f.Write(data)
	if errClose := f.Close(); err == nil {
		err = errClose
	}
	if err != nil {
		return msg.Errorf("cannot write %s: %v", path, cause(err))
	}
	return nil
}

// commitNew writes a file that must not exist: a temporary file, then a
// hard link to path, which fails if path exists by now. Where the file
// system has no hard links, the file is created with O_EXCL instead,
// which refuses an existing path as well but is not all-or-nothing.
func commitNew(path string, data []byte) error {
	err := withTemp(path, data, 0o644, func(tmp string) error {
		err := os.Link(tmp, path)
		switch {
		case errors.Is(err, fs.ErrExist):
			return &existsError{path}
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return writeExclusive(path, data)
		}
		return err
	})
	var exists *existsError
	if err != nil && !errors.As(err, &exists) {
		return msg.Errorf("cannot write %s: %v", path, cause(err))
	}
	return err
}

// existsError is an --out file that is there and must not be replaced.
type existsError struct{ path string }

func (e *existsError) Error() string { return e.In(msg.EN) }

func (e *existsError) In(l msg.Lang) string {
	return msg.New("%s exists: use --force to replace it", e.path).In(l)
}

func writeExclusive(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return &existsError{path}
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if errClose := f.Close(); err == nil {
		err = errClose
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

func replaceFile(path string, data []byte, mode os.FileMode) error {
	return withTemp(path, data, mode, func(tmp string) error { return os.Rename(tmp, path) })
}

// withTemp writes data to a temporary file next to path, runs commit on
// it and removes what is left. An interrupt (Ctrl-C, kill) while it runs
// removes the temporary file too, and stale ones of runs that were killed
// harder are removed first. The commit step holds the cleanup lock, so
// that an interrupt comes before or after it, never inside.
func withTemp(path string, data []byte, mode os.FileMode, commit func(tmp string) error) error {
	removeStaleTemps(path)
	tmp, err := createTemp(path)
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer cleanups.remove(name)
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil { // on disk before its name is, for a power cut
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(name, mode); err != nil {
		return err
	}
	cleanups.mu.Lock()
	defer cleanups.mu.Unlock()
	return commit(name)
}

// tempPrefix and tempSuffix frame the temporary file of path:
// ".NAME.OWNER-RANDOM.tmp", hidden, with its writer (see owner), so that a
// later run can tell a stale one from one being written.
func tempPrefix(path string) string { return "." + filepath.Base(path) + "." }

const tempSuffix = ".tmp"

func createTemp(path string) (*os.File, error) {
	cleanups.mu.Lock()
	defer cleanups.mu.Unlock()
	pattern := tempPrefix(path) + owner() + "-*" + tempSuffix
	tmp, err := os.CreateTemp(filepath.Dir(path), pattern)
	if err == nil {
		cleanups.paths[tmp.Name()] = true
	}
	return tmp, err
}

// owner names this process in temporary names: "PID@HOST". The host keeps
// a run from taking the files of a run on another machine (a network
// folder) or in another container for its own.
func owner() string {
	return strconv.Itoa(os.Getpid()) + "@" + hostName()
}

// hostName is the machine's name with only letters, digits and dots.
func hostName() string {
	name, _ := os.Hostname()
	name = strings.Map(func(r rune) rune {
		if r < 128 && (r == '.' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return r
		}
		return -1
	}, name)
	if name == "" {
		return "host"
	}
	return name[:min(len(name), 40)]
}

// Ages after which a temporary file or folder is stale although its writer
// cannot be shown to be gone: one of another machine, or of a version of
// the tool that did not name its writer. Writing a file takes seconds.
const (
	staleAgeOtherHost = 24 * time.Hour
	staleAgeUnnamed   = time.Hour
)

// removeStaleTemps removes temporary files next to path left by runs that
// were killed (kill -9, a power cut).
func removeStaleTemps(path string) {
	dir, prefix := filepath.Dir(path), tempPrefix(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, tempSuffix) {
			continue
		}
		if stale(strings.TrimSuffix(strings.TrimPrefix(name, prefix), tempSuffix), e) {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// stale says whether a temporary file or folder named "PID@HOST-RANDOM"
// (or, by older versions, "RANDOM") is left over: written on this machine
// by a process that is gone, or older than the age above.
func stale(middle string, e fs.DirEntry) bool {
	info, err := e.Info()
	if err != nil {
		return false
	}
	age := time.Since(info.ModTime())
	who, random, ok := cutLast(middle, "-")
	if !ok {
		_, err := strconv.ParseUint(middle, 10, 64)
		return err == nil && age > staleAgeUnnamed // an older version's name
	}
	pidText, host, ok := strings.Cut(who, "@")
	pid, err := strconv.Atoi(pidText)
	if _, errR := strconv.ParseUint(random, 10, 64); !ok || err != nil || errR != nil || pid <= 0 {
		return false // not a name this tool writes
	}
	if host != hostName() {
		return age > staleAgeOtherHost
	}
	return pid != os.Getpid() && !processAlive(pid)
}

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// cleanups are the temporary files and folders of this run, removed when
// the run is interrupted.
var cleanups = &cleanupSet{paths: map[string]bool{}}

type cleanupSet struct {
	mu    sync.Mutex
	paths map[string]bool
}

func (c *cleanupSet) add(path string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.paths[path] = true
}

// remove removes path and forgets it.
func (c *cleanupSet) remove(path string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	os.RemoveAll(path)
	delete(c.paths, path)
}

// removeAll removes every path and keeps the lock, so that nothing is
// committed after it: the process is about to end.
func (c *cleanupSet) removeAllAndHold() {
	c.mu.Lock()
	for path := range c.paths {
		os.RemoveAll(path)
	}
}
