// Package evalset reads labelled articles (../shared/eval/news.jsonl and
// files of the same shape): id, label (human|machine), generator, source,
// split (train|test), title, text; modern.jsonl adds a content-farm style,
// wild-dev.jsonl a class (wire, farm, unsure) and a date.
package evalset

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Article is one labelled article.
type Article struct {
	ID        string `json:"id"`
	Label     string `json:"label"`
	Generator string `json:"generator"`
	Source    string `json:"source"`
	Split     string `json:"split"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Date      string `json:"date,omitempty"`
	// Style is the content-farm style of a modern.jsonl article.
	Style string `json:"style,omitempty"`
	// Class is a wild-dev.jsonl page's class: wire, farm or unsure.
	Class string `json:"class,omitempty"`
}

// Kind names what an article stands for in per-source figures: the
// human source, or the generator and style that made a machine article.
func (a Article) Kind() string {
	switch {
	case a.Class != "":
		return a.Source + ":" + a.Class
	case a.Style != "":
		return a.Source + ":" + a.Style
	}
	return a.Source
}

// Machine reports whether the article is labelled machine-written.
func (a Article) Machine() bool { return a.Label == "machine" }

// Read parses labelled JSON Lines from r. Articles labelled "unsure"
// (wild-dev pages whose labellers could not decide) are left out: they
// belong in no metric.
func Read(r io.Reader) ([]Article, error) {
	var out []Article
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if a.Label == "unsure" {
			continue
		}
		if a.Label != "human" && a.Label != "machine" {
			return nil, fmt.Errorf("line %d: label %q is not human or machine", line, a.Label)
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

// Load reads a labelled JSON Lines file.
func Load(path string) ([]Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	as, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return as, nil
}

// TrainingSets are the labelled files under ../shared/eval that the
// committed model is fitted on (train splits) and measured on (test
// splits): 2004–19 news against 2023-era generators, current-LLM
// content-farm styles, and real 2024–25 web pages.
var TrainingSets = []string{"news.jsonl", "modern.jsonl", "wild-dev.jsonl"}

// Filter returns the articles with the given split ("" any) and label ("" any).
func Filter(as []Article, split, label string) []Article {
	var out []Article
	for _, a := range as {
		if (split == "" || a.Split == split) && (label == "" || a.Label == label) {
			out = append(out, a)
		}
	}
	return out
}
