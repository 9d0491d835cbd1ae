//go:build unix

package main

import "syscall"

// diskFree returns the bytes free to an unprivileged writer on the file
// system holding path, and false when it cannot tell.
func diskFree(path string) (uint64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return 0, false
	}
	return st.Bavail * uint64(st.Bsize), true
}
