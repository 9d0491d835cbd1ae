//go:build linux

package store

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// madvPageout is MADV_PAGEOUT (Linux 5.4 and later), which the syscall
// package does not name.
const madvPageout = 21

// pageOut drops from the process's resident memory the pages of dir's
// table and value-log files (.sst, .vlog) that Badger has memory-mapped,
// except the files named in keep, and returns how many bytes of mappings
// it advised.
//
// Badger maps every table it reads or writes, and a writer touches all of
// them: it writes new tables through their mappings and compactions read
// old ones whole. The kernel keeps those clean pages mapped while memory
// is plentiful, and RSS counts them, so a long ingest's RSS would grow
// with the database. MADV_PAGEOUT unmaps them and lets the kernel reclaim
// them; a later read faults them in again. It never changes memory's
// contents, whatever the range holds (an anonymous page without swap is
// left where it is), so a table unmapped by a compaction between reading
// /proc/self/maps and the call is harmless, as MADV_DONTNEED would not be.
func pageOut(dir string, keep map[string]bool) (int64, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return 0, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return 0, err
	}
	var total int64
	for line := range bytes.Lines(maps) {
		start, end, path, ok := parseMapsLine(line)
		if !ok || filepath.Dir(path) != abs {
			continue
		}
		if ext := filepath.Ext(path); ext != ".sst" && ext != ".vlog" || keep[filepath.Base(path)] {
			continue
		}
		_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, start, end-start, madvPageout)
		switch errno {
		case 0:
			total += int64(end - start)
		case syscall.EINVAL, syscall.ENOSYS, syscall.EPERM:
			// A kernel older than 5.4, or one that refuses: nothing to do.
			return total, fmt.Errorf("madvise(MADV_PAGEOUT): %w", errno)
		}
		// ENOMEM: the range was unmapped meanwhile (a table compacted away).
	}
	return total, nil
}

// mappedRSS returns the process's resident memory that maps files
// (RssFile in /proc/self/status: Badger's tables and logs, the program's
// own code), and false when the kernel does not say.
func mappedRSS() (int64, bool) {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for line := range bytes.Lines(status) {
		rest, found := bytes.CutPrefix(line, []byte("RssFile:"))
		if !found {
			continue
		}
		kb, err := strconv.ParseInt(string(bytes.TrimSuffix(bytes.TrimSpace(rest), []byte(" kB"))), 10, 64)
		return kb << 10, err == nil
	}
	return 0, false
}

// parseMapsLine reads the address range and path of one line of
// /proc/self/maps ("7f12-7f34 r--s 00000000 fd:01 1234  /db/000001.sst").
func parseMapsLine(line []byte) (start, end uintptr, path string, ok bool) {
	fields := bytes.Fields(line)
	if len(fields) < 6 {
		return 0, 0, "", false
	}
	lo, hi, found := bytes.Cut(fields[0], []byte("-"))
	if !found {
		return 0, 0, "", false
	}
	s, err1 := strconv.ParseUint(string(lo), 16, 64)
	e, err2 := strconv.ParseUint(string(hi), 16, 64)
	if err1 != nil || err2 != nil || e <= s {
		return 0, 0, "", false
	}
	// A path may hold spaces: it is everything from the sixth field on.
	i := bytes.Index(line, fields[5])
	return uintptr(s), uintptr(e), string(bytes.TrimRight(line[i:], "\n")), true
}
