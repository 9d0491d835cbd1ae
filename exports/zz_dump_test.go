package exports

import (
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	if os.Getenv("KG_DUMP") == "" {
		t.Skip()
	}
	for _, f := range []string{"svg"} {
		os.WriteFile("/tmp/hostile."+f, write(t, f, hostileGraph(t, false), hostileOpts), 0o644)
	}
}
