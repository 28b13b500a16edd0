// Command gen builds the collocation-swap patterns (../data/swaps.tsv) and
// the list of words human news writes (../data/known.tsv) from
// the human train articles of ../shared/eval/news.jsonl, the curated swaps
// in curated/swaps.txt and the swaps seen by aligning the spun TRAIN
// articles of ../shared/eval/modern.jsonl with the BBC articles they were
// spun from. See ../data/README.md for what each figure means.
//
//	go run ./internal/lexicon/colloc/gen -shared ../shared -out internal/lexicon/colloc/data
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
	out := flag.String("out", "internal/lexicon/colloc/data", "the directory to write swaps.tsv and known.tsv to")
	curated := flag.String("curated", "", "the curated swap list (default: curated/swaps.txt beside this command)")
	flag.Parse()
	if *curated == "" {
		*curated = filepath.Join(*out, "..", "gen", "curated", "swaps.txt")
	}
	if err := run(*shared, *curated, *out); err != nil {
		fmt.Fprintln(os.Stderr, "colloc gen:", err)
		os.Exit(1)
	}
}

// run builds both files and writes them to dir.
func run(shared, curated, dir string) error {
	var swaps, known bytes.Buffer
	if err := build(shared, curated, &swaps, &known); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "swaps.tsv"), swaps.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "known.tsv"), known.Bytes(), 0o644)
}
