// Command gencorpus writes a synthetic JSONL batch for benchmarks
// (see scripts/bench.sh).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/copydesk/copydesk/internal/benchcorpus"
)

func main() {
	n := flag.Int("n", 5000, "articles")
	words := flag.Int("words", 600, "words per article")
	seeds := flag.String("seeds", "testdata/seeds", "directory of seed articles to draw sentences from")
	flag.Parse()
	sents, err := benchcorpus.Sentences(*seeds)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
	w := bufio.NewWriter(os.Stdout)
	if _, err := benchcorpus.WriteJSONL(w, benchcorpus.Generate(sents, *n, *words, 1)); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
