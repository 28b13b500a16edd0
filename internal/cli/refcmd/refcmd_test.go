package refcmd

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/internal/cli/cliutil"
)

const fixtures = "../../features/coverage/testdata/ref/"

func TestAddInfoPrune(t *testing.T) {
	db := t.TempDir()
	ios, _, out, _ := cliutil.Test()
	add := &AddOptions{IO: ios, DB: db, Trust: "wire", Paths: []string{fixtures + "wire-us-hamas-talks.md", fixtures + "wire-harbour-strike.md"}}
	if err := runAdd(context.Background(), add); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "2 added, 0 updated, 0 unchanged") {
		t.Fatalf("first add: %s", out)
	}
	out.Reset()
	if err := runAdd(context.Background(), add); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "0 added, 0 updated, 2 unchanged") {
		t.Fatalf("re-add changed the store: %s", out)
	}
	// Another trust re-indexes the article.
	out.Reset()
	arch := &AddOptions{IO: ios, DB: db, Trust: "archive", Paths: []string{fixtures + "archive-ceasefire-proposal.md"}}
	if err := runAdd(context.Background(), arch); err != nil {
		t.Fatal(err)
	}

	out.Reset()
	if err := runInfo(&InfoOptions{IO: ios, DB: db, JSON: true}); err != nil {
		t.Fatal(err)
	}
	var info struct {
		Articles int            `json:"articles"`
		Quotes   int            `json:"quotes"`
		ByTrust  map[string]int `json:"by_trust"`
		First    string         `json:"first"`
		Last     string         `json:"last"`
		Bytes    int64          `json:"bytes"`
	}
	if err := json.Unmarshal(out.Bytes(), &info); err != nil {
		t.Fatal(err, out.String())
	}
	if info.Articles != 3 || info.ByTrust["wire"] != 2 || info.ByTrust["archive"] != 1 || info.First != "2025-03-04" || info.Last != "2025-03-05" || info.Quotes < 3 || info.Bytes == 0 {
		t.Fatalf("info: %+v", info)
	}

	out.Reset()
	if err := runPrune(&PruneOptions{IO: ios, DB: db, Before: "2025-03-05"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "removed 1 articles dated before 2025-03-05") {
		t.Fatalf("prune: %s", out)
	}
}

func TestBadArguments(t *testing.T) {
	ios, _, _, _ := cliutil.Test()
	if err := runAdd(context.Background(), &AddOptions{IO: ios, DB: t.TempDir(), Trust: "gossip", Paths: []string{"x"}}); cliutil.Code(err) != cliutil.ExitUsage {
		t.Fatalf("bad --trust: %v", err)
	}
	if err := runPrune(&PruneOptions{IO: ios, DB: t.TempDir()}); cliutil.Code(err) != cliutil.ExitUsage {
		t.Fatalf("prune without --before: %v", err)
	}
	if err := runInfo(&InfoOptions{IO: ios, DB: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "reference store") {
		t.Fatalf("info on a missing store: %v", err)
	}
}
