//go:build !unix

package events

// cpuTime returns 0: the CPU time of the process is read on Unix only.
func cpuTime() int64 { return 0 }
