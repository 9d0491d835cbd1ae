// Command kg builds a knowledge graph from news articles, answers questions
// over it and draws or exports it. Run `kg --help` for the commands.
package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	root := newRootCmd()
	if err := root.Execute(); err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			if ee.msg != "" {
				fmt.Fprintln(os.Stderr, "kg: "+ee.msg)
			}
			os.Exit(ee.code)
		}
		fmt.Fprintln(os.Stderr, "kg: "+err.Error())
		os.Exit(1)
	}
}

// exitError carries an exit status other than 1, or an error whose message
// was already printed (msg empty).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }
