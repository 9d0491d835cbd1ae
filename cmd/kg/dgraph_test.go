package main

import "github.com/kgraph/kg/store/dgraph"

// The Dgraph backend provides everything the commands need of a database,
// so that openStore can hand it out for --db dgraph://HOST:PORT.
var _ database = (*dgraph.Store)(nil)
