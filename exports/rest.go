package exports

import (
	"errors"
	"io"
)

var errTodo = errors.New("not implemented yet")

func writePNG(w io.Writer, svg []byte) error  { return errTodo }
func writePDF(w io.Writer, svg []byte) error  { return errTodo }
func writeGraphML(w io.Writer, s *snap) error { return errTodo }
func writeGEXF(w io.Writer, s *snap) error    { return errTodo }
func writeCypher(w io.Writer, s *snap) error  { return errTodo }
func writeNQuads(w io.Writer, s *snap) error  { return errTodo }
