// Command evalfeed writes a long JSONL feed made of the eval articles,
// repeated with fresh ids, for memory and throughput runs at scale
// (scripts/bench.sh, the 1,000,000-article streaming check):
//
//	go run ./scripts/evalfeed -n 1000000 /work/shared/eval/news.jsonl | copydesk score --format jsonl -
//
// Each record keeps id, title, text, source and date of its original; the
// id gets "~N" so ids stay unique and in = out can be checked. With -txt DIR
// the texts are written as DIR/N.txt instead, for tools that read files
// (Vale, in scripts/bench.sh).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

type article struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Text   string `json:"text"`
	Source string `json:"source,omitempty"`
	Date   string `json:"date,omitempty"`
}

func main() {
	n := flag.Int("n", 100000, "articles to write")
	txt := flag.String("txt", "", "write each text to `DIR`/N.txt instead of JSONL to stdout")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: evalfeed [-n N] FILE.jsonl...")
		os.Exit(2)
	}
	var arts []article
	for _, path := range flag.Args() {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "evalfeed:", err)
			os.Exit(1)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var a article
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				fmt.Fprintf(os.Stderr, "evalfeed: %s: %v\n", path, err)
				os.Exit(1)
			}
			arts = append(arts, a)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			fmt.Fprintf(os.Stderr, "evalfeed: %s: %v\n", path, err)
			os.Exit(1)
		}
	}
	if len(arts) == 0 {
		fmt.Fprintln(os.Stderr, "evalfeed: no articles")
		os.Exit(1)
	}
	if *txt != "" {
		for i := range *n {
			name := filepath.Join(*txt, fmt.Sprintf("%07d.txt", i))
			if err := os.WriteFile(name, []byte(arts[i%len(arts)].Text), 0o644); err != nil {
				fmt.Fprintln(os.Stderr, "evalfeed:", err)
				os.Exit(1)
			}
		}
		return
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range *n {
		a := arts[i%len(arts)]
		a.ID = fmt.Sprintf("%s~%d", a.ID, i)
		if err := enc.Encode(&a); err != nil {
			fmt.Fprintln(os.Stderr, "evalfeed:", err)
			os.Exit(1)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "evalfeed:", err)
		os.Exit(1)
	}
}
