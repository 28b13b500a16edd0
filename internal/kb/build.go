package kb

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
)

// Overlay is the curated file (data/overlay.yaml) of office changes the
// public snapshots miss. Every record names its source and the date it was
// checked. A record for a term a snapshot already has (same person, same
// office, same start year) replaces it, which is how open terms get closed.
type Overlay struct {
	// CurrentTo is the latest date the overlay's research covers: the
	// knowledge base's AsOf.
	CurrentTo Date `yaml:"current_to"`
	// Snapshots gives each source file's date: an open term in it means
	// "in office then".
	Snapshots map[string]Date `yaml:"snapshots"`
	Records   []OverlayRecord `yaml:"records"`
}

// OverlayRecord is one curated term.
type OverlayRecord struct {
	Name         string   `yaml:"name"`
	Aliases      []string `yaml:"aliases"`
	Role         string   `yaml:"role"`
	Organization string   `yaml:"organization"`
	Country      string   `yaml:"country"`
	Start        string   `yaml:"start"`
	End          string   `yaml:"end"`
	Source       string   `yaml:"source"`
	Checked      string   `yaml:"checked"`
}

// ReadOverlay parses and validates an overlay file.
func ReadOverlay(path string) (*Overlay, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ov Overlay
	if err := yaml.Unmarshal(b, &ov); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for i, r := range ov.Records {
		if r.Name == "" || r.Role == "" {
			return nil, fmt.Errorf("%s: record %d: needs name and role", path, i+1)
		}
		if r.Source == "" || r.Checked == "" {
			return nil, fmt.Errorf("%s: record %d (%s): every overlay record needs a source and a checked date", path, i+1, r.Name)
		}
	}
	return &ov, nil
}

// Build reads the public sources in dir (../shared/kb-sources) and the
// overlay, and returns the default knowledge base's records in a stable
// order, and its AsOf date. The same inputs always give the same output.
func Build(dir, overlayPath string) ([]Record, Date, error) {
	lx, err := defaultLexicon()
	if err != nil {
		return nil, Date{}, err
	}
	ov, err := ReadOverlay(overlayPath)
	if err != nil {
		return nil, Date{}, err
	}
	snap := func(file string) Date { return ov.Snapshots[file] }
	var recs []Record
	steps := []struct {
		file string
		read func(path string, checked Date) ([]Record, error)
	}{
		{"executive.yaml", readExecutive},
		{"legislators-current.yaml", readLegislators},
		{"us-holders21.csv", func(p string, c Date) ([]Record, error) { return readHolders(p, c, "United States", lx) }},
		{"il-holders21.csv", func(p string, c Date) ([]Record, error) { return readHolders(p, c, "Israel", lx) }},
		{"world-leaders-2021.csv", func(p string, c Date) ([]Record, error) { return readWorldLeaders(p, c, lx) }},
		{"foreign-ministers.csv", func(p string, c Date) ([]Record, error) { return readForeignMinisters(p, c, lx) }},
	}
	for _, s := range steps {
		if _, ok := ov.Snapshots[s.file]; !ok {
			return nil, Date{}, fmt.Errorf("overlay: snapshots lacks a date for %s", s.file)
		}
		rs, err := s.read(filepath.Join(dir, s.file), snap(s.file))
		if err != nil {
			return nil, Date{}, fmt.Errorf("%s: %w", s.file, err)
		}
		recs = append(recs, rs...)
	}
	for i := range recs {
		normalizeOffice(&recs[i], lx)
	}
	recs, err = applyOverlay(recs, ov, lx)
	if err != nil {
		return nil, Date{}, err
	}
	recs = dedupe(recs, lx)
	for i := range recs {
		if e := lx.catalogueFor(recs[i].Role, recs[i].Country, recs[i].Organization); e != nil {
			recs[i].RoleAliases = mergeStrings(e.Aliases, e.Names)
		}
	}
	sort.SliceStable(recs, func(i, j int) bool {
		a, b := recs[i], recs[j]
		if ka, kb := officeKey(a.Role, a.Country, a.Organization), officeKey(b.Role, b.Country, b.Organization); ka != kb {
			return ka < kb
		}
		if a.Start != b.Start {
			return a.Start.First().Before(b.Start.First())
		}
		return a.Name < b.Name
	})
	return recs, ov.CurrentTo, nil
}

// WriteDefault writes records as gzip-compressed JSON Lines with a fixed
// gzip header, so rebuilding from the same inputs gives the same bytes.
func WriteDefault(path string, recs []Record, asOf Date) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	zw.Name, zw.OS = "kb.jsonl", 255 // no timestamp: reproducible bytes
	if err := WriteJSONL(zw, recs, asOf); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

func applyOverlay(recs []Record, ov *Overlay, lx *lexicon) ([]Record, error) {
	for i, o := range ov.Records {
		rec := Record{Name: o.Name, Aliases: o.Aliases, Role: o.Role, Organization: o.Organization,
			Country: lx.CanonicalCountry(o.Country), Source: o.Source}
		normalizeOffice(&rec, lx)
		var err error
		if rec.Start, err = ParseDate(o.Start); err != nil {
			return nil, fmt.Errorf("overlay record %d (%s): %w", i+1, o.Name, err)
		}
		if rec.End, err = ParseDate(o.End); err != nil {
			return nil, fmt.Errorf("overlay record %d (%s): %w", i+1, o.Name, err)
		}
		if rec.Checked, err = ParseDate(o.Checked); err != nil {
			return nil, fmt.Errorf("overlay record %d (%s): %w", i+1, o.Name, err)
		}
		replaced := false
		for j := range recs {
			r := &recs[j]
			if samePerson(lx, r, &rec) &&
				officeKey(r.Role, r.Country, r.Organization) == officeKey(rec.Role, rec.Country, rec.Organization) &&
				(r.Start.Year == rec.Start.Year || rec.Start.IsZero()) {
				if rec.Start.IsZero() || !rec.Start.Exact() && r.Start.Exact() {
					rec.Start = r.Start
				}
				rec.Aliases = mergeStrings(r.Aliases, rec.Aliases)
				if rec.ID == "" {
					rec.ID = r.ID
				}
				if rec.Position == "" {
					rec.Position = r.Position
				}
				*r = rec
				replaced = true
			}
		}
		if !replaced {
			recs = append(recs, rec)
		}
	}
	return recs, nil
}

// normalizeOffice gives a record the organisation its catalogue entry
// names, so every source's terms of one office share one office key.
func normalizeOffice(r *Record, lx *lexicon) {
	if e := lx.catalogueFor(r.Role, r.Country, r.Organization); e != nil && r.Organization == "" {
		r.Organization = e.Organization
	}
}

func mergeStrings(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(append([]string{}, a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// samePerson reports whether two records name the same person: a name
// of one matches a name of the other (given-name variants allowed).
func samePerson(lx *lexicon, a, b *Record) bool {
	for _, x := range append([]string{a.Name}, a.Aliases...) {
		for _, y := range append([]string{b.Name}, b.Aliases...) {
			if lx.sameName(x, y) && len(nameTokens(x)) > 1 && len(nameTokens(y)) > 1 {
				return true
			}
		}
	}
	return false
}

// dedupe drops a record when an earlier one already has the same person
// in the same office from the same start year (us-holders21 and
// executive.yaml both list presidents); the earlier source wins, and the
// overlay has already replaced both where it knows better.
func dedupe(recs []Record, lx *lexicon) []Record {
	byOffice := map[string][]int{}
	var out []Record
	for _, r := range recs {
		key := officeKey(r.Role, r.Country, r.Organization)
		dup := false
		for _, i := range byOffice[key] {
			if out[i].Start.Year == r.Start.Year && samePerson(lx, &out[i], &r) {
				out[i].Aliases = mergeStrings(out[i].Aliases, append([]string{r.Name}, r.Aliases...))
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		byOffice[key] = append(byOffice[key], len(out))
		out = append(out, r)
	}
	for i := range out {
		// A name repeated as its own alias adds nothing.
		var keep []string
		for _, a := range out[i].Aliases {
			if a != out[i].Name {
				keep = append(keep, a)
			}
		}
		out[i].Aliases = keep
	}
	return out
}

type yamlPerson struct {
	ID struct {
		Wikidata string `yaml:"wikidata"`
	} `yaml:"id"`
	Name struct {
		First, Middle, Last, Suffix, Nickname string
		OfficialFull                          string `yaml:"official_full"`
	} `yaml:"name"`
	Terms []struct {
		Type, Start, End, State string
	} `yaml:"terms"`
}

func (p yamlPerson) names() (string, []string) {
	n := p.Name
	name := strings.TrimSpace(n.First + " " + n.Last)
	var aliases []string
	if n.OfficialFull != "" && n.OfficialFull != name {
		aliases = append(aliases, n.OfficialFull)
	}
	if n.Nickname != "" {
		aliases = append(aliases, n.Nickname+" "+n.Last)
	}
	if n.Middle != "" {
		aliases = append(aliases, n.First+" "+n.Middle+" "+n.Last)
	}
	return name, aliases
}

func readPeopleYAML(path string) ([]yamlPerson, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ps []yamlPerson
	if err := yaml.Unmarshal(b, &ps); err != nil {
		return nil, err
	}
	return ps, nil
}

func readExecutive(path string, checked Date) ([]Record, error) {
	ps, err := readPeopleYAML(path)
	if err != nil {
		return nil, err
	}
	var out []Record
	for _, p := range ps {
		recs, err := p.termRecords(map[string]string{"prez": "President", "viceprez": "Vice President"}, "kb-sources/executive.yaml", checked)
		if err != nil {
			return nil, err
		}
		out = append(out, recs...)
	}
	return joinTerms(out), nil
}

// termRecords returns p's terms in United States offices as records, one
// a term: roles maps the terms' types ("sen", "prez") to roles, and terms of
// other types are left out.
func (p yamlPerson) termRecords(roles map[string]string, source string, checked Date) ([]Record, error) {
	name, aliases := p.names()
	var out []Record
	for _, t := range p.Terms {
		role := roles[t.Type]
		if role == "" {
			continue
		}
		rec := Record{Name: name, Aliases: aliases, Role: role, Country: "United States", ID: p.ID.Wikidata,
			Source: source, Checked: checked}
		var err error
		if rec.Start, err = ParseDate(t.Start); err != nil {
			return nil, err
		}
		if rec.End, err = ParseDate(t.End); err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	return out, nil
}

// joinTerms merges back-to-back terms of one person in one office
// (a re-elected president's two terms are one stretch in office).
func joinTerms(recs []Record) []Record {
	var out []Record
	for _, r := range recs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.Name == r.Name && last.Role == r.Role && last.Country == r.Country && last.End == r.Start {
				last.End = r.End
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

func readLegislators(path string, checked Date) ([]Record, error) {
	ps, err := readPeopleYAML(path)
	if err != nil {
		return nil, err
	}
	var out []Record
	for _, p := range ps {
		mine, err := p.termRecords(map[string]string{"sen": "Senator", "rep": "Representative"}, "kb-sources/legislators-current.yaml", checked)
		if err != nil {
			return nil, err
		}
		out = append(out, joinAdjacent(mine)...)
	}
	return out, nil
}

// joinAdjacent merges terms that follow each other within a few days
// (Congress terms end on 3 January and the next begins then or a day
// later).
func joinAdjacent(recs []Record) []Record {
	var out []Record
	for _, r := range recs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.Role == r.Role && !last.End.IsZero() && !r.Start.IsZero() &&
				r.Start.First().Sub(last.End.First()).Hours() <= 24*7 {
				last.End = r.End
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

func readCSVRows(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	hdr, err := cr.Read()
	if err != nil {
		return nil, err
	}
	var rows []map[string]string
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		for i, h := range hdr {
			if i < len(row) {
				m[h] = strings.TrimSpace(row[i])
			}
		}
		rows = append(rows, m)
	}
}

// readHolders reads the every-politician "holders" files:
// position,person,personID,start,end[,…].
func readHolders(path string, checked Date, country string, lx *lexicon) ([]Record, error) {
	rows, err := readCSVRows(path)
	if err != nil {
		return nil, err
	}
	var out []Record
	for i, row := range rows {
		if row["person"] == "" || row["position"] == "" {
			continue
		}
		rec := Record{Name: row["person"], Role: lx.canonicalRole(row["position"], country, ""), Country: country,
			ID: row["personID"], Source: "kb-sources/" + filepath.Base(path), Checked: checked}
		if rec.Start, err = ParseDate(row["start"]); err != nil {
			return nil, fmt.Errorf("row %d: %w", i+2, err)
		}
		if rec.End, err = ParseDate(row["end"]); err != nil {
			return nil, fmt.Errorf("row %d: %w", i+2, err)
		}
		if !rec.End.IsZero() && !rec.Start.IsZero() && rec.End.Last().Before(rec.Start.First()) {
			continue // the source's dates contradict each other: say nothing
		}
		out = append(out, rec)
	}
	return out, nil
}

// countrySuffix splits a position label before each " of ", " for " or
// ", " that may introduce the country ("Minister of Foreign Affairs of
// Canada", "Minister of Foreign Affairs, Turkey"); a parenthesised tail
// ("(Myanmar)") is dropped first.
var (
	countrySep  = regexp.MustCompile(`(?i)(?:\s+(?:of|for)\s+(?:the\s+)?|,\s*)`)
	parenthetic = regexp.MustCompile(`\s*\(.*\)$`)
	// statePrefix is the formal style before a country's name ("the
	// Bolivarian Republic of Venezuela", "the State of Qatar").
	statePrefix = regexp.MustCompile(`(?i)^(?:(?:bolivarian|islamic|federal|federative|democratic|people's|socialist|united|arab)\s+)*(?:republic|state|kingdom|sultanate|principality|grand duchy|commonwealth)\s+of\s+(?:the\s+)?`)
)

// positionRole strips the country from a position label ("Prime Minister
// of the United Kingdom" → "Prime Minister", "Minister of Foreign Affairs
// of Canada" → "Minister of Foreign Affairs") when what follows "of" is
// the record's country; other labels ("President of the Government") are
// kept.
func positionRole(label, country string, lx *lexicon) string {
	label = parenthetic.ReplaceAllString(strings.TrimSpace(label), "")
	for _, loc := range countrySep.FindAllStringIndex(label, -1) {
		// The country's own name may begin like a formal style
		// ("Democratic Republic of the Congo"), so try the tail as it
		// stands before stripping the style.
		whole := label[loc[1]:]
		tail := statePrefix.ReplaceAllString(whole, "")
		if lx.CanonicalCountry(whole) == country || lx.CanonicalCountry(tail) == country || strings.EqualFold(tail, "French Republic") && country == "France" {
			label = label[:loc[0]]
			break
		}
	}
	return lx.canonicalRole(label, country, "")
}

func readWorldLeaders(path string, checked Date, lx *lexicon) ([]Record, error) {
	rows, err := readCSVRows(path)
	if err != nil {
		return nil, err
	}
	var out []Record
	for i, row := range rows {
		if row["officeholderLabel"] == "" || row["positionLabel"] == "" || strings.HasPrefix(row["officeholderLabel"], "Q") {
			continue
		}
		country := lx.CanonicalCountry(row["country"])
		rec := Record{Name: row["officeholderLabel"], Role: positionRole(row["positionLabel"], country, lx), Country: country,
			ID: row["officeholder"], Position: row["position"], Source: "kb-sources/world-leaders-2021.csv", Checked: checked}
		if rec.Start, err = ParseDate(row["start_year"]); err != nil {
			return nil, fmt.Errorf("row %d: %w", i+2, err)
		}
		if rec.End, err = ParseDate(row["end_year"]); err != nil {
			return nil, fmt.Errorf("row %d: %w", i+2, err)
		}
		out = append(out, rec)
	}
	return out, nil
}

func readForeignMinisters(path string, checked Date, lx *lexicon) ([]Record, error) {
	rows, err := readCSVRows(path)
	if err != nil {
		return nil, err
	}
	var out []Record
	for i, row := range rows {
		if row["name"] == "" || row["positionLabel"] == "" || row["countryLabel"] == "" {
			continue
		}
		country := lx.CanonicalCountry(row["countryLabel"])
		rec := Record{Name: row["name"], Role: positionRole(row["positionLabel"], country, lx), Country: country,
			ID: row["person"], Position: row["position"], Source: "kb-sources/foreign-ministers.csv", Checked: checked}
		if rec.Start, err = ParseDate(row["start"]); err != nil {
			return nil, fmt.Errorf("row %d: %w", i+2, err)
		}
		out = append(out, rec)
	}
	return out, nil
}
