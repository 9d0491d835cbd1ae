package main

import (
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestIngestMemoryLimit checks that ingest leaves the process's soft memory
// limit as it found it, with and without GOMEMLIMIT, so that a command run
// in-process after it (tests, a future shell) is not held to ingest's.
func TestIngestMemoryLimit(t *testing.T) {
	for _, env := range []string{"", "2GiB"} {
		t.Run("GOMEMLIMIT="+env, func(t *testing.T) {
			t.Setenv("GOMEMLIMIT", env)
			const before = 3 << 30
			prev := debug.SetMemoryLimit(before)
			defer debug.SetMemoryLimit(prev)
			db := filepath.Join(t.TempDir(), "kg.db")
			if _, stderr, err := kg(t, "--db", db, "ingest", "-q", fixture); err != nil {
				t.Fatalf("ingest: %v\n%s", err, stderr)
			}
			if got := debug.SetMemoryLimit(-1); got != before {
				t.Errorf("memory limit after ingest = %d, want %d as before it", got, before)
			}
		})
	}
}
