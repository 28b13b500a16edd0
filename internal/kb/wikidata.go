package kb

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// Wikidata entity JSON, decoded only as far as the importer needs.
type wdEntity struct {
	ID      string                     `json:"id"`
	Type    string                     `json:"type"`
	Labels  map[string]wdText          `json:"labels"`
	Aliases map[string][]wdText        `json:"aliases"`
	Claims  map[string]json.RawMessage `json:"claims"`
}

type wdText struct {
	Value string `json:"value"`
}

type wdStatement struct {
	Mainsnak   wdSnak              `json:"mainsnak"`
	Qualifiers map[string][]wdSnak `json:"qualifiers"`
	Rank       string              `json:"rank"`
}

type wdSnak struct {
	Snaktype  string `json:"snaktype"`
	Datavalue struct {
		Type  string          `json:"type"`
		Value json.RawMessage `json:"value"`
	} `json:"datavalue"`
}

func (s wdSnak) itemID() string {
	var v struct {
		ID        string `json:"id"`
		NumericID int64  `json:"numeric-id"`
	}
	if s.Snaktype != "value" || json.Unmarshal(s.Datavalue.Value, &v) != nil {
		return ""
	}
	if v.ID == "" && v.NumericID > 0 {
		v.ID = fmt.Sprintf("Q%d", v.NumericID)
	}
	return v.ID
}

func (s wdSnak) date() Date {
	var v struct {
		Time      string `json:"time"`
		Precision int    `json:"precision"`
	}
	if s.Snaktype != "value" || json.Unmarshal(s.Datavalue.Value, &v) != nil {
		return Date{}
	}
	d, err := ParseDate(v.Time)
	if err != nil || d.Year <= 0 {
		return Date{}
	}
	return d.WithPrecision(v.Precision)
}

func (e *wdEntity) label() string {
	for _, lang := range []string{"en", "mul", "en-gb", "en-us"} {
		if l, ok := e.Labels[lang]; ok && l.Value != "" {
			return l.Value
		}
	}
	langs := make([]string, 0, len(e.Labels))
	for l := range e.Labels {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	if len(langs) > 0 {
		return e.Labels[langs[0]].Value
	}
	return ""
}

func (e *wdEntity) statements(prop string) []wdStatement {
	raw, ok := e.Claims[prop]
	if !ok {
		return nil
	}
	var st []wdStatement
	if json.Unmarshal(raw, &st) != nil {
		return nil
	}
	return st
}

// ReadWikidataDump streams a Wikidata JSON dump (a JSON array with one
// entity a line, lines ending in commas) and returns one record for each
// P39 "position held" statement with its P580 start and P582 end
// qualifiers, keeping their precision (a year-precision start stays a
// year). Role and country names are resolved from entities in the same
// dump: positions (items with P1001 "applies to jurisdiction") and
// countries (items with P297 ISO code) keep their labels; any other
// reference stays a QID. Memory grows with the number of P39 statements
// and positions, not with the dump.
func ReadWikidataDump(r io.Reader) ([]Record, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	type pending struct {
		rec      Record
		position string
	}
	var out []pending
	labels := map[string]string{}       // position and country labels
	jurisdiction := map[string]string{} // position → country QID
	line := 0
	for {
		b, err := br.ReadBytes('\n')
		if len(b) > 0 {
			line++
			b = bytes.TrimSpace(b)
			b = bytes.TrimSuffix(b, []byte(","))
			if len(b) > 0 && !bytes.Equal(b, []byte("[")) && !bytes.Equal(b, []byte("]")) {
				var e wdEntity
				if jerr := json.Unmarshal(b, &e); jerr != nil {
					return nil, fmt.Errorf("dump line %d: %w", line, jerr)
				}
				if _, ok := e.Claims["P297"]; ok {
					labels[e.ID] = e.label()
				}
				for _, st := range e.statements("P1001") {
					labels[e.ID] = e.label()
					if q := st.Mainsnak.itemID(); q != "" {
						jurisdiction[e.ID] = q
					}
				}
				name := e.label()
				var aliases []string
				for _, a := range e.Aliases["en"] {
					aliases = append(aliases, a.Value)
				}
				for _, st := range e.statements("P39") {
					pos := st.Mainsnak.itemID()
					if pos == "" || st.Rank == "deprecated" || name == "" {
						continue
					}
					rec := Record{Name: name, Aliases: aliases, Role: pos, ID: e.ID, Source: "wikidata:" + e.ID}
					if q := st.Qualifiers["P580"]; len(q) > 0 {
						rec.Start = q[0].date()
					}
					if q := st.Qualifiers["P582"]; len(q) > 0 {
						rec.End = q[0].date()
					}
					out = append(out, pending{rec: rec, position: pos})
				}
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("dump line %d: %w", line, err)
		}
	}
	recs := make([]Record, len(out))
	for i, p := range out {
		rec := p.rec
		if l := labels[p.position]; l != "" {
			rec.Role = l
		}
		if c := jurisdiction[p.position]; c != "" {
			if l := labels[c]; l != "" {
				rec.Country = l
			} else {
				rec.Country = c
			}
		}
		recs[i] = rec
	}
	return recs, nil
}

// ReadWDQS reads Wikidata Query Service JSON results
// (application/sparql-results+json). Variables are matched by name:
// the person (personLabel, name, itemLabel, officeholderLabel), the office
// (positionLabel, role, position), start, end, country (countryLabel,
// country), organisation (organizationLabel, organization) and aliases
// (a "|"- or ";"-separated list).
func ReadWDQS(r io.Reader) ([]Record, error) {
	var res struct {
		Results struct {
			Bindings []map[string]struct {
				Value string `json:"value"`
			} `json:"bindings"`
		} `json:"results"`
	}
	if err := json.NewDecoder(r).Decode(&res); err != nil {
		return nil, fmt.Errorf("wdqs json: %w", err)
	}
	pick := func(b map[string]struct {
		Value string `json:"value"`
	}, names ...string) string {
		for _, n := range names {
			if v, ok := b[n]; ok && v.Value != "" {
				return v.Value
			}
		}
		return ""
	}
	var recs []Record
	for i, b := range res.Results.Bindings {
		rec := Record{
			Name:         pick(b, "personLabel", "name", "itemLabel", "officeholderLabel", "holderLabel"),
			Role:         pick(b, "positionLabel", "role", "officeLabel", "position"),
			Country:      pick(b, "countryLabel", "country"),
			Organization: pick(b, "organizationLabel", "organization", "orgLabel"),
		}
		if id := pick(b, "person", "item", "officeholder", "holder"); id != "" {
			rec.ID = id[bytes.LastIndexByte([]byte(id), '/')+1:]
			rec.Source = "wikidata:" + rec.ID
		}
		if a := pick(b, "aliases", "altLabels"); a != "" {
			for _, s := range bytes.FieldsFunc([]byte(a), func(r rune) bool { return r == '|' || r == ';' }) {
				if s = bytes.TrimSpace(s); len(s) > 0 {
					rec.Aliases = append(rec.Aliases, string(s))
				}
			}
		}
		var err error
		if rec.Start, err = ParseDate(pick(b, "start", "startTime", "start_time")); err != nil {
			return nil, fmt.Errorf("wdqs row %d: %w", i+1, err)
		}
		if rec.End, err = ParseDate(pick(b, "end", "endTime", "end_time")); err != nil {
			return nil, fmt.Errorf("wdqs row %d: %w", i+1, err)
		}
		if rec.Name == "" || rec.Role == "" {
			continue // a row without a holder or office says nothing checkable
		}
		recs = append(recs, rec)
	}
	return recs, nil
}
