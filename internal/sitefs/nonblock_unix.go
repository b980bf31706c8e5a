//go:build unix

package sitefs

import "syscall"

// openFlags opens a file for reading without waiting: opening a named
// pipe that no one writes to returns at once instead of blocking, so a
// file that turned into one after it was looked at is refused, not
// waited on. Reading a regular file is unchanged.
const openFlags = syscall.O_RDONLY | syscall.O_NONBLOCK
