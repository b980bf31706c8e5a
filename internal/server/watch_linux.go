package server

import (
	"io/fs"
	"syscall"
)

// sysOf returns the device, inode and change time of a file, from the
// stat(2) result Linux gives.
func sysOf(info fs.FileInfo) sysState {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return sysState{}
	}
	return sysState{dev: uint64(st.Dev), ino: uint64(st.Ino), ctime: st.Ctim.Nano()}
}
