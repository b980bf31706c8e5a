package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
)

// destLock is the lock a build holds on its destination: a file
// .NAME.lock beside the destination NAME, holding the process ID of the
// build. A second build into the same destination fails while it is
// held; one whose process is no longer alive is stale, and the next
// build takes it over.
type destLock struct {
	name string
	st   fs.FileInfo // the lock file as made, to remove only our own
}

// lockDestination takes the lock on the destination base in parent. The
// lock is made whole under a temporary name and linked into place, so
// nobody ever reads a lock without its process ID.
func lockDestination(parent, base string) (*destLock, error) {
	name := filepath.Join(parent, "."+base+".lock")
	for range 5 {
		tmp, err := os.CreateTemp(parent, "."+base+".lock.")
		if err != nil {
			return nil, fmt.Errorf("cannot lock %s: %w", filepath.Join(parent, base), err)
		}
		_, err = fmt.Fprintf(tmp, "%d\n", os.Getpid())
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Link(tmp.Name(), name)
		}
		os.Remove(tmp.Name())
		if err == nil {
			st, err := os.Lstat(name)
			if err != nil {
				return nil, fmt.Errorf("cannot lock %s: %w", filepath.Join(parent, base), err)
			}
			return &destLock{name: name, st: st}, nil
		}
		if errors.Is(err, fs.ErrNotExist) {
			continue // another build cleaning leftovers took our temporary
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("cannot lock %s: %w", filepath.Join(parent, base), err)
		}
		pid, st, err := readLock(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue // released meanwhile
		}
		if err == nil && alive(pid) {
			return nil, fmt.Errorf("another build is writing %s: %s is held by process %d (remove it if no such build is running)",
				filepath.Join(parent, base), name, pid)
		}
		// Stale, or not a lock of ours at all: take it away, making sure
		// what was moved is the file judged stale and not a new build's
		// lock made meanwhile, which is put back. (Only a third build
		// taking the lock in the instant between the two could then hold
		// it with that new build; flock would close that gap, but is not
		// on every system and holds no process ID to name.)
		grave := tmp.Name() + ".stale" // unique, as the temporary was
		if err := os.Rename(name, grave); err != nil {
			continue
		}
		if gst, err := os.Lstat(grave); err == nil && st != nil && !os.SameFile(st, gst) {
			err := os.Link(grave, name)
			os.Remove(grave)
			if err != nil {
				return nil, fmt.Errorf("cannot lock %s: another build is taking %s", filepath.Join(parent, base), name)
			}
			continue
		}
		os.Remove(grave)
	}
	return nil, fmt.Errorf("cannot lock %s: %s keeps changing", filepath.Join(parent, base), name)
}

// readLock returns the process ID a lock file holds and the file's
// information.
func readLock(name string) (int, fs.FileInfo, error) {
	st, err := os.Lstat(name)
	if err != nil {
		return 0, nil, err
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return 0, st, err
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return 0, st, fmt.Errorf("%s: not a lock: %w", name, err)
	}
	return pid, st, nil
}

// release removes the lock, if it is still ours.
func (l *destLock) release() {
	if st, err := os.Lstat(l.name); err == nil && os.SameFile(st, l.st) {
		os.Remove(l.name)
	}
}

// alive reports whether a process with the ID pid exists.
func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		return true // FindProcess opened it
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

// removeLeftovers removes, from parent, what builds into base killed
// before they finished left there: staging directories (.NAME.new-*),
// trees moved out (.NAME.old-*) and temporary lock files. Only the
// holder of the lock may call it.
func removeLeftovers(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		switch {
		case strings.HasPrefix(n, "."+base+".new-"), strings.HasPrefix(n, "."+base+".old-"):
			os.RemoveAll(filepath.Join(parent, n))
		case strings.HasPrefix(n, "."+base+".lock."):
			os.Remove(filepath.Join(parent, n))
		}
	}
}
