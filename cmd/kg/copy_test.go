package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/store/dgraph"
)

// curatedSource builds a Badger database from the curation fixtures with
// a decision of most kinds in its log (merge, alias, rename, retype, an
// analyst's entity and relation, a rejected relation, a forgotten and
// re-ingested document) and returns its path, the fixture folder, and the
// merged-away id with the id it leads to.
func curatedSource(t *testing.T) (db, dir string, gone, kept string) {
	t.Helper()
	dir, db = curationDir(t)
	one, two, three := filepath.Join(dir, "one.txt"), filepath.Join(dir, "two.txt"), filepath.Join(dir, "three.txt")
	run(t, "--db", db, "ingest", one, two)
	kept, gone = showID(t, db, "Abdelhakim Belhadj"), showID(t, db, "Abdul Hakim Belhaj")
	if kept == gone {
		t.Skipf("the extractor now joins the two spellings (%s); the test needs them apart", kept)
	}
	run(t, "--db", db, "merge", kept, gone, "--note", "same man")
	run(t, "--db", db, "alias", "add", kept, "Abu Abdullah al-Sadiq")
	run(t, "--db", db, "rename", kept, "Abdel Hakim Belhadj")
	run(t, "--db", db, "retype", "Benghazi", "organization")
	run(t, "--db", db, "add", "entity", "Sami al-Saadi", "--type", "person", "--alias", "Abu Munthir")
	run(t, "--db", db, "add", "relation", "Abu Munthir", "met", kept, "--source", "Court filing, 2012")
	run(t, "--db", db, "rm", "relation", kept, "met", "Mahmoud Jibril", "--note", "wrong meeting")
	run(t, "--db", db, "forget", two)
	run(t, "--db", db, "ingest", two, three)
	return db, dir, gone, kept
}

// sameDatabaseOutput fails unless kg export --format json and kg log
// --format json give byte-identical output on both databases.
func sameDatabaseOutput(t *testing.T, want, got string) {
	t.Helper()
	for _, args := range [][]string{{"export", "--format", "json"}, {"log", "--format", "json"}} {
		w := run(t, append([]string{"--db", want}, args...)...)
		g := run(t, append([]string{"--db", got}, args...)...)
		if g != w {
			t.Errorf("kg %s differs after the copy:\ngot:\n%s\nwant:\n%s", strings.Join(args, " "), g, w)
		}
	}
}

func TestCopyBadgerToBadger(t *testing.T) {
	src, dir, gone, kept := curatedSource(t)
	dst := filepath.Join(t.TempDir(), "copy.db")
	_, stderr, err := kg(t, "copy", "--from", src, "--to", dst)
	if err != nil {
		t.Fatalf("kg copy: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "copied ") || !strings.Contains(stderr, " decisions") {
		t.Errorf("no summary line on stderr: %q", stderr)
	}
	sameDatabaseOutput(t, src, dst)
	if got := showID(t, dst, gone); got != kept {
		t.Errorf("in the copy the merged-away id %s leads to %s, want %s", gone, got, kept)
	}
	// The documents came along: an article ingested again is skipped.
	_, stderr, err = kg(t, "--db", dst, "ingest", filepath.Join(dir, "three.txt"))
	if err != nil || !strings.Contains(stderr, "already") {
		t.Errorf("re-ingesting into the copy: err %v, stderr %q; want it skipped as already there", err, stderr)
	}
	// Curation goes on in the copy where the log left off.
	run(t, "--db", dst, "split", gone)
	if got := showID(t, dst, gone); got != gone {
		t.Errorf("after splitting the copy's merge %s resolves to %s", gone, got)
	}

	t.Run("refuses a non-empty destination", func(t *testing.T) {
		_, _, err := kg(t, "copy", "--from", src, "--to", dst)
		if err == nil || !strings.Contains(err.Error(), "not empty") {
			t.Errorf("copy into a database that holds a graph: err = %v, want a not-empty error", err)
		}
	})
	t.Run("refuses the same database", func(t *testing.T) {
		_, _, err := kg(t, "--db", src, "copy", "--to", src)
		if err == nil || !strings.Contains(err.Error(), "same database") {
			t.Errorf("copy onto itself: err = %v", err)
		}
	})
	t.Run("needs a source", func(t *testing.T) {
		_, _, err := kg(t, "copy", "--from", filepath.Join(t.TempDir(), "none.db"), "--to", filepath.Join(t.TempDir(), "x.db"))
		if err == nil || !strings.Contains(err.Error(), "no database") {
			t.Errorf("copy from nothing: err = %v", err)
		}
	})
	t.Run("json summary", func(t *testing.T) {
		out := run(t, "copy", "--from", src, "--to", filepath.Join(t.TempDir(), "j.db"), "--format", "json")
		for _, want := range []string{`"entities"`, `"decisions": 8`, `"redirects": 1`, `"documents": 3`} {
			if !strings.Contains(out, want) {
				t.Errorf("copy --format json lacks %s:\n%s", want, out)
			}
		}
	})
}

// TestCopyDgraphRoundTrip copies a curated Badger database into a Dgraph
// cluster and back; both copies give the same export and log. It needs a
// cluster (KG_DGRAPH_ADDR, see .ci/dgraph) and drops everything in it.
func TestCopyDgraphRoundTrip(t *testing.T) {
	addr := os.Getenv("KG_DGRAPH_ADDR")
	if addr == "" {
		t.Skip("KG_DGRAPH_ADDR is not set: no Dgraph cluster to copy through (run .ci/dgraph, or scripts/dgraph.sh start and set KG_DGRAPH_ADDR=127.0.0.1:9080)")
	}
	s, err := dgraph.Open(addr)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DropAll(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	src, dir, gone, kept := curatedSource(t)
	cluster := "dgraph://" + addr
	run(t, "copy", "--from", src, "--to", cluster)

	// The cluster answers as the source does, merged-away ids included.
	if got, want := run(t, "--db", cluster, "export", "--format", "json"), run(t, "--db", src, "export", "--format", "json"); got != want {
		t.Errorf("kg export on the cluster differs from the source:\ngot:\n%s\nwant:\n%s", got, want)
	}
	if got := showID(t, cluster, gone); got != kept {
		t.Errorf("on the cluster the merged-away id %s leads to %s, want %s", gone, got, kept)
	}
	_, stderr, err := kg(t, "--db", cluster, "ingest", filepath.Join(dir, "one.txt"))
	if err != nil || !strings.Contains(stderr, "already") {
		t.Errorf("re-ingesting into the cluster: err %v, stderr %q; want it skipped", err, stderr)
	}
	if _, _, err := kg(t, "copy", "--from", src, "--to", cluster); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("a second copy into the cluster: err = %v, want a not-empty error", err)
	}

	back := filepath.Join(t.TempDir(), "back.db")
	run(t, "copy", "--from", cluster, "--to", back)
	sameDatabaseOutput(t, src, back)
}
