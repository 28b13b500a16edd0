package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// candidate is a word or phrase some published list calls over-used by LLMs.
type candidate struct {
	term    string
	sources map[string]bool
}

type candidates map[string]*candidate

func (cs candidates) add(term, source string) {
	term = strings.ToLower(strings.TrimSpace(term))
	if term == "" || !plainTerm.MatchString(term) {
		return
	}
	c := cs[term]
	if c == nil {
		c = &candidate{term: term, sources: map[string]bool{}}
		cs[term] = c
	}
	c.sources[source] = true
}

// plainTerm keeps entries made of ASCII words (names invented by fiction
// models and regex fragments are not news vocabulary).
var plainTerm = regexp.MustCompile(`^[a-z][a-z'-]*( [a-z][a-z'-]*){0,5}$`)

// readKobak reads the style words of Kobak et al.'s excess vocabulary
// (content words there are biomedical topics, not style).
func readKobak(shared string, cs candidates) error {
	path := filepath.Join(shared, "lexicon-sources", "kobak_excess_vocab", "excess_words.csv")
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	for _, r := range rows[1:] {
		if len(r) >= 3 && r[2] == "style" {
			cs.add(r[1], "kobak")
		}
	}
	return nil
}

// readJSONPairs reads antislop's [["term", count], ...] lists.
func readJSONPairs(path, source string, cs candidates) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var rows [][]any
	if err := json.Unmarshal(b, &rows); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	for _, r := range rows {
		if len(r) > 0 {
			if s, ok := r[0].(string); ok {
				cs.add(s, source)
			}
		}
	}
	return nil
}

// readHumanDetectors reads the "Overused AI Words/Phrases" bullets of the
// annotator guide, skipping phrase templates with blanks or alternatives.
func readHumanDetectors(shared string, cs candidates) error {
	path := filepath.Join(shared, "lexicon-sources", "human_detectors", "detection_guide.txt")
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			in = strings.Contains(line, "Overused AI Words/Phrases")
			continue
		}
		if !in || !strings.HasPrefix(line, "- **") {
			continue
		}
		_, list, ok := strings.Cut(line, ":**")
		if !ok {
			continue
		}
		for _, item := range strings.Split(list, ",") {
			item = strings.TrimSpace(item)
			if strings.ContainsAny(item, "_/") || strings.Contains(item, "topic") || strings.Contains(item, "verb") {
				continue
			}
			cs.add(strings.ReplaceAll(item, "’", "'"), "human_detectors")
		}
	}
	return sc.Err()
}

func readCandidates(shared string) (candidates, error) {
	cs := candidates{}
	lex := filepath.Join(shared, "lexicon-sources")
	steps := []func() error{
		func() error { return readKobak(shared, cs) },
		func() error {
			return readJSONPairs(filepath.Join(lex, "antislop_sampler", "slop_words_2025-04-07.json"), "antislop", cs)
		},
		func() error {
			return readJSONPairs(filepath.Join(lex, "antislop_sampler", "slop_phrases_2025-04-07.json"), "antislop", cs)
		},
		func() error {
			return readJSONPairs(filepath.Join(lex, "slop_forensics", "slop_list.json"), "slop_forensics", cs)
		},
		func() error { return readHumanDetectors(shared, cs) },
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return nil, err
		}
	}
	return cs, nil
}

// curatedEntry is one line of a curated list, expanded.
type curatedEntry struct {
	surface string // one expansion
	pattern string // the line it came from
	family  string // the surface with its verbs in base form (expandFamilies)
	note    string // category or intended wording
}

func readCurated(path string) ([]curatedEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []curatedEntry
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		pattern, note, _ := strings.Cut(line, "\t")
		surfaces, families := expandFamilies(pattern)
		for k, s := range surfaces {
			s = strings.ToLower(s)
			if s == "" || seen[s] {
				continue
			}
			seen[s] = true
			out = append(out, curatedEntry{surface: s, pattern: pattern, family: strings.ToLower(families[k]), note: strings.TrimSpace(note)})
		}
	}
	return out, sc.Err()
}
