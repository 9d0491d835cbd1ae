//go:build tools

// Package tools pins the Dgraph server so `go mod tidy` keeps its requirements.
package tools

import _ "github.com/dgraph-io/dgraph/v25/dgraph"
