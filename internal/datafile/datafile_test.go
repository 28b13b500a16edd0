package datafile

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEachLineSkipsCommentsAndNamesBadLine(t *testing.T) {
	fsys := fstest.MapFS{"w.tsv": {Data: []byte("# header\nsaid\tpast\n\n  told\tpast  \nbad\n")}}
	var got []string
	err := EachLine(fsys, "w.tsv", func(f []string) error {
		if len(f) != 2 {
			return errors.New("want 2 fields")
		}
		got = append(got, strings.Join(f, "|"))
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "w.tsv:5: want 2 fields") {
		t.Fatalf("error %v", err)
	}
	if strings.Join(got, ",") != "said|past,told|past" {
		t.Fatalf("got %v", got)
	}
	if err := EachLine(fsys, "missing.tsv", func([]string) error { return nil }); err == nil {
		t.Fatal("missing file accepted")
	}
}
