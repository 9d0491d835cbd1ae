//go:build !unix

package main

// diskFree cannot tell on this system; ingest then relies on the store's errors.
func diskFree(string) (uint64, bool) { return 0, false }
