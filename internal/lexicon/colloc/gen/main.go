// Command gen builds the collocation-swap patterns (../data/swaps.tsv) from
// the human train articles of ../shared/eval/news.jsonl, the curated swaps
// in curated/swaps.txt and the swaps seen by aligning the spun TRAIN
// articles of ../shared/eval/modern.jsonl with the BBC articles they were
// spun from. See ../data/README.md for what each figure means.
//
//	go run ./internal/lexicon/colloc/gen -shared ../shared -out internal/lexicon/colloc/data/swaps.tsv
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	shared := flag.String("shared", "../shared", "the shared data directory (eval/news.jsonl, eval/modern.jsonl)")
	out := flag.String("out", "internal/lexicon/colloc/data/swaps.tsv", "the file to write")
	curated := flag.String("curated", "", "the curated swap list (default: curated/swaps.txt beside this command)")
	flag.Parse()
	if *curated == "" {
		*curated = filepath.Join(filepath.Dir(*out), "..", "gen", "curated", "swaps.txt")
	}
	var buf bytes.Buffer
	if err := build(*shared, *curated, &buf); err != nil {
		fmt.Fprintln(os.Stderr, "colloc gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "colloc gen:", err)
		os.Exit(1)
	}
}
