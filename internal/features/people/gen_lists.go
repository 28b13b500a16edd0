//go:build ignore

// gen_lists derives the people package's name lists from ../shared:
//
//	go run gen_lists.go -shared ../../../../shared
//
// It writes data/firstnames.txt (census 1990 first names with the gender
// whose share is larger), data/surnames.txt (census 1990 surnames with a
// frequency of at least 0.002%) and data/common_words.txt (words the eval
// TRAIN split writes in lower case mid-sentence at least twice as often as
// capitalised, so "Despite" or "Insights" starting a sentence is not a name).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

func main() {
	shared := flag.String("shared", "../../../../shared", "the shared data directory")
	flag.Parse()
	if err := run(*shared); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(shared string) error {
	kb := filepath.Join(shared, "kb-sources")
	female, err := readCensus(filepath.Join(kb, "census1990-dist.female.first.txt"))
	if err != nil {
		return err
	}
	male, err := readCensus(filepath.Join(kb, "census1990-dist.male.first.txt"))
	if err != nil {
		return err
	}
	var first []string
	seen := map[string]bool{}
	for n := range female {
		seen[n] = true
	}
	for n := range male {
		seen[n] = true
	}
	for n := range seen {
		g := "f"
		if male[n] >= female[n] {
			g = "m"
		}
		first = append(first, strings.ToLower(n)+"\t"+g)
	}
	sort.Strings(first)
	if err := write("data/firstnames.txt", "# census 1990 first names (female and male lists); gender = larger share\n", first); err != nil {
		return err
	}
	last, err := readCensus(filepath.Join(kb, "census1990-dist.all.last.txt"))
	if err != nil {
		return err
	}
	var sur []string
	for n, f := range last {
		if f >= 0.002 {
			sur = append(sur, strings.ToLower(n))
		}
	}
	sort.Strings(sur)
	if err := write("data/surnames.txt", "# census 1990 surnames with frequency >= 0.002%\n", sur); err != nil {
		return err
	}
	return commonWords(filepath.Join(shared, "eval", "news.jsonl"))
}

func readCensus(path string) (map[string]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 {
			continue
		}
		v, err := strconv.ParseFloat(fs[1], 64)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out[fs[0]] = v
	}
	return out, sc.Err()
}

var wordRE = regexp.MustCompile(`[A-Za-z]+`)

func commonWords(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	lower, capital := map[string]int{}, map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var a struct{ Split, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return err
		}
		if a.Split != "train" {
			continue
		}
		t := a.Text
		for _, loc := range wordRE.FindAllStringIndex(t, -1) {
			w := t[loc[0]:loc[1]]
			if len(w) < 2 {
				continue
			}
			if strings.ToLower(w) == w {
				lower[w]++
				continue
			}
			if w[0] >= 'A' && w[0] <= 'Z' && strings.ToLower(w[1:]) == w[1:] && !sentenceInitial(t, loc[0]) {
				capital[strings.ToLower(w)]++
			}
		}
	}
	var out []string
	for w, l := range lower {
		if l >= 3 && l >= 2*capital[w] {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return write("data/common_words.txt", "# words the eval TRAIN split writes lower case mid-sentence >= 3 times and >= 2x as often as capitalised\n", out)
}

func sentenceInitial(t string, i int) bool {
	j := i - 1
	for j >= 0 && strings.ContainsRune("\"'“‘([ ", rune(t[j])) {
		if t[j] == '\n' {
			return true
		}
		j--
	}
	if j < 0 || t[j] == '\n' {
		return true
	}
	return strings.ContainsRune(".!?:\u201d", rune(t[j])) || t[j] == 0x9d || t[j] == 0x99
}

func write(path, header string, lines []string) error {
	return os.WriteFile(path, []byte(header+strings.Join(lines, "\n")+"\n"), 0o644)
}
