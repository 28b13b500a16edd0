// Command hostile writes a folder of hostile inputs (the classes of issue
// 13) beside good articles, for scripts/hostile.sh:
//
//	go run ./scripts/hostile -o DIR [-scale 1]
//
// Scale 1 gives the sizes the issue measured (a 20 MB paragraph, 1 MB of
// quote pairs, a 100,000-deep front matter); smaller scales are for quick
// runs. Every hostile file's name starts with "hostile-"; every good
// article's with "good-". The KB bombs go to DIR/kb (not scanned by score).
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	out := flag.String("o", "", "output folder (created)")
	scale := flag.Float64("scale", 1, "size multiplier (1 = the sizes issue 13 measured)")
	good := flag.String("good", "testdata/seeds", "folder of good .txt articles to copy in")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: hostile -o DIR [-scale 1]")
		os.Exit(2)
	}
	if err := write(*out, *scale, *good); err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(1)
	}
}

func n(base int, scale float64) int { return max(1, int(float64(base)*scale)) }

func write(dir string, scale float64, good string) error {
	if err := os.MkdirAll(filepath.Join(dir, "kb"), 0o755); err != nil {
		return err
	}
	put := func(name, s string) error { return os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644) }

	// Good articles: the seeds as text, one as Markdown, and a JSONL of
	// them behind a hostile first line.
	seeds, _ := filepath.Glob(filepath.Join(good, "*.txt"))
	var texts []string
	for i, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		texts = append(texts, string(b))
		if err := put(fmt.Sprintf("good-%d.txt", i), string(b)); err != nil {
			return err
		}
	}
	if len(texts) == 0 {
		return fmt.Errorf("no good articles in %s", good)
	}
	if err := put("good-fm.md", "---\ntitle: A good article\ndate: 2025-03-05\n---\n"+texts[0]); err != nil {
		return err
	}

	// Front matter nesting 100,000 deep (200 KB) and a YAML alias bomb.
	depth := n(100000, scale)
	if err := put("hostile-nest.md", "---\ntitle: "+strings.Repeat("[", depth)+strings.Repeat("]", depth)+"\n---\n"+texts[0]); err != nil {
		return err
	}
	// Merge keys copy the mapping they alias: nine levels of nine copies
	// in 1.2 KB (plain aliases in sequences are shared, not copied).
	bomb := "---\na: &a {a0: lol, a1: lol, a2: lol, a3: lol, a4: lol, a5: lol, a6: lol, a7: lol, a8: lol}\n"
	prev := "a"
	for _, k := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += fmt.Sprintf("%s: &%s\n", k, k)
		for j := range 9 {
			bomb += fmt.Sprintf("  %s%d: {<<: *%s}\n", k, j, prev)
		}
		prev = k
	}
	bomb += "title: x\n---\n" + texts[0]
	if err := put("hostile-alias.md", bomb); err != nil {
		return err
	}

	// One JSONL article that is a single 20 MB paragraph.
	var para strings.Builder
	words := strings.Fields(strings.ReplaceAll(texts[0], "\n", " "))
	for i := 0; para.Len() < n(20<<20, scale); i++ {
		para.WriteString(words[i%len(words)])
		para.WriteByte(' ')
	}
	if err := put("hostile-paragraph.jsonl", fmt.Sprintf("{\"id\":\"paragraph\",\"text\":%q}\n", para.String())); err != nil {
		return err
	}

	// 1 MB of curly quote pairs; thousands of capitalised words.
	if err := put("hostile-quotes.txt", strings.Repeat("\u201cYes.\u201d ", n(1<<20, scale)/11)); err != nil {
		return err
	}
	var caps strings.Builder
	for i := 0; caps.Len() < n(1<<20, scale); i++ {
		fmt.Fprintf(&caps, "Name%c%c Surname%c%c ", 'A'+i%26, 'a'+i/26%26, 'A'+i/7%26, 'a'+i/13%26)
		if i%40 == 39 {
			caps.WriteString("said.\n\n") // paragraphs, so no line is over the 1 MiB line limit
		}
	}
	if err := put("hostile-capitals.txt", caps.String()); err != nil {
		return err
	}

	// A JSONL whose first line holds 1,000 raw DEL characters, then good
	// articles: only the first line is an error.
	var jl strings.Builder
	fmt.Fprintf(&jl, "{\"id\":\"del\",\"text\":\"%s\"}\n", strings.Repeat("\x7f", 1000))
	for i, t := range texts {
		fmt.Fprintf(&jl, "{\"id\":\"good-jsonl-%d\",\"text\":%q}\n", i, t)
	}
	if err := put("hostile-del.jsonl", jl.String()); err != nil {
		return err
	}

	// A feed with one invalid byte in its first item, and a truncated feed:
	// the good items must survive.
	item := func(title, body string) string {
		return "<item><title>" + title + "</title><description><![CDATA[<p>" + strings.ReplaceAll(body, "\n\n", "</p><p>") + "</p>]]></description></item>\n"
	}
	feed := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>\n" +
		item("Bad \xff byte", "Broken item.") + item("Good item", texts[1]) + "</channel></rss>\n"
	if err := put("hostile-badbyte.rss", feed); err != nil {
		return err
	}
	trunc := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>\n" +
		item("Good item", texts[2]) + "<item><title>Cut</title><description>Half an ite"
	if err := put("hostile-truncated.rss", trunc); err != nil {
		return err
	}

	// A report copydesk wrote earlier into the scanned folder.
	if err := put("hostile-report.jsonl", `{"id":"good-0.txt","path":"good-0.txt","title":"x","date":"","source":"","url":"","score":80,"verdict":"fail","dimensions":{"boilerplate":0,"templated":0,"attribution":0,"fabrication":0},"findings":[],"entities":[],"sources":{"named":0,"quotes":0,"unattributed_quotes":0,"vague":0},"words":10,"explanation":"x","notes":[]}`+"\n"); err != nil {
		return err
	}

	// A dangling symlink and a FIFO.
	_ = os.Remove(filepath.Join(dir, "hostile-dangling.txt"))
	if err := os.Symlink("does-not-exist.txt", filepath.Join(dir, "hostile-dangling.txt")); err != nil {
		return err
	}
	_ = os.Remove(filepath.Join(dir, "hostile-fifo.txt"))
	if err := exec.Command("mkfifo", filepath.Join(dir, "hostile-fifo.txt")).Run(); err != nil {
		return fmt.Errorf("mkfifo: %w", err)
	}

	// KB bombs: gzip and bzip2 of zeros.
	if err := gzipZeros(filepath.Join(dir, "kb", "bomb.jsonl.gz"), int64(n(4<<30, scale))); err != nil {
		return err
	}
	return bzipZeros(filepath.Join(dir, "kb", "bomb.jsonl.bz2"), int64(n(1<<30, scale)))
}

func gzipZeros(path string, size int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	if _, err := io.CopyN(zw, zeros{}, size); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func bzipZeros(path string, size int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cmd := exec.Command("bzip2", "-9", "-c")
	cmd.Stdin = io.LimitReader(zeros{}, size)
	cmd.Stdout = f
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("bzip2 (needed for the bzip2 bomb): %w", err)
	}
	return nil
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
