package exports

import "io"

func writePNG(w io.Writer, svg []byte) error { panic("todo") }
func writePDF(w io.Writer, svg []byte) error { panic("todo") }
func writeGraphML(w io.Writer, s *snap) error { panic("todo") }
func writeGEXF(w io.Writer, s *snap) error { panic("todo") }
func writeCypher(w io.Writer, s *snap) error { panic("todo") }
func writeNQuads(w io.Writer, s *snap) error { panic("todo") }
