// Package benchcorpus generates a synthetic batch of news-like articles for
// benchmarks: sentences of the seed articles reshuffled, with varied names,
// numbers and paragraphing, so every analyzer has realistic work and no two
// articles are identical.
package benchcorpus

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/copydesk/copydesk/internal/document"
)

// Article is one generated article in the JSONL input shape.
type Article struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Source string `json:"source"`
	Text   string `json:"text"`
}

// Sentences loads the sentences of the seed articles in dir.
func Sentences(dir string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no seed articles in %s", dir)
	}
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		d := document.New(p, string(b))
		for _, s := range d.Sentences() {
			out = append(out, d.Slice(s))
		}
	}
	return out, nil
}

var (
	firstNames = []string{"Maria", "David", "Aisha", "Tom", "Elena", "Kwame", "Sofia", "Raj", "Hannah", "Luis"}
	lastNames  = []string{"Okafor", "Brennan", "Schmidt", "Tanaka", "Alvarez", "Novak", "Haddad", "Fischer", "Mensah", "Costa"}
	roles      = []string{"a spokesperson for the city council", "the finance minister", "a professor at Leeds University", "the union's chief negotiator", "an analyst at Barclays"}
	sources    = []string{"wire-a", "wire-b", "daily-c", "blog-d"}
)

// Generate returns n articles of about words words each, deterministic for seed.
func Generate(sentences []string, n, words int, seed uint64) []Article {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]Article, n)
	for i := range out {
		var b strings.Builder
		count := 0
		para := 0
		for count < words {
			var s string
			if r.IntN(4) == 0 {
				s = fmt.Sprintf("%q, said %s %s, %s, adding that %d people had been affected.",
					sentences[r.IntN(len(sentences))], firstNames[r.IntN(len(firstNames))], lastNames[r.IntN(len(lastNames))],
					roles[r.IntN(len(roles))], 10+r.IntN(5000))
			} else {
				s = sentences[r.IntN(len(sentences))]
			}
			b.WriteString(s)
			count += len(strings.Fields(s))
			para++
			if para >= 2+r.IntN(3) {
				b.WriteString("\n\n")
				para = 0
			} else {
				b.WriteString(" ")
			}
		}
		out[i] = Article{
			ID:     fmt.Sprintf("gen-%06d", i),
			Title:  strings.TrimSuffix(sentences[r.IntN(len(sentences))], "."),
			Date:   fmt.Sprintf("2025-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28)),
			Source: sources[r.IntN(len(sources))],
			Text:   strings.TrimSpace(b.String()),
		}
	}
	return out
}

// WriteJSONL writes articles one a line.
func WriteJSONL(w io.Writer, as []Article) (int64, error) {
	var total int64
	enc := json.NewEncoder(w)
	for _, a := range as {
		if err := enc.Encode(a); err != nil {
			return total, err
		}
		total += int64(len(a.Text))
	}
	return total, nil
}
