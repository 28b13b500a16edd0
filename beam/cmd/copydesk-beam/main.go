// Command copydesk-beam runs copydesk's Beam pipeline: JSON Lines in, the
// results of a batch-mode `copydesk score --format jsonl` out (in no
// particular order). The runner is chosen with Beam's own flags:
//
//	copydesk-beam --input 'shards/*.jsonl' --output results.jsonl                  # Prism, in process
//	copydesk-beam --runner dataflow --project P --region R --staging_location gs://B/staging \
//	    --input 'gs://B/in/*.jsonl' --output gs://B/out/results.jsonl              # Dataflow
//	copydesk-beam --runner universal --endpoint localhost:8099 --environment_type LOOPBACK ...  # Flink job server
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	cdbeam "github.com/copydesk/copydesk/beam"
)

var (
	input      = flag.String("input", "", "JSON Lines files to score (a glob on any filesystem Beam supports)")
	output     = flag.String("output", "", "results file (JSON Lines)")
	configPath = flag.String("config", "", "copydesk configuration file (as for copydesk score)")
	model      = flag.String("model", "", "scoring model file (as for copydesk score)")
	date       = flag.String("date", "", "publication date (YYYY-MM-DD) for articles without one")
	groupLimit = flag.Int("group_limit", 0, "sightings of one key reduced together (0: copydesk's default)")
)

func main() {
	flag.Parse()
	beam.Init()
	if *input == "" || *output == "" {
		fmt.Fprintln(os.Stderr, "copydesk-beam: --input and --output are required")
		os.Exit(2)
	}
	o := cdbeam.Options{ConfigPath: *configPath, NoConfig: *configPath == "", Model: *model, Date: *date, GroupLimit: *groupLimit}
	run := func(ctx context.Context, p *beam.Pipeline) error { return beamx.Run(ctx, p) }
	if err := cdbeam.Run(context.Background(), run, *input, *output, o); err != nil {
		fmt.Fprintln(os.Stderr, "copydesk-beam:", err)
		os.Exit(1)
	}
}
