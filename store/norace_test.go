//go:build !race

package store

// raceEnabled is set when the tests run with the race detector, which makes
// the long ones shorten themselves.
const raceEnabled = false
