//go:build !linux

package store

import "errors"

// pageOut is Linux-only (MADV_PAGEOUT); elsewhere the kernel decides alone
// what of Badger's mapped files stays resident.
func pageOut(string, map[string]bool) (int64, error) { return 0, errors.ErrUnsupported }

// mappedRSS cannot tell here.
func mappedRSS() (int64, bool) { return 0, false }
