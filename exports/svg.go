package exports

func renderSVG(dot []byte, layout string) ([]byte, error) { panic("todo") }
