package kb

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Format names an input format for Import.
type Format string

const (
	FormatAuto     Format = ""
	FormatJSONL    Format = "jsonl"
	FormatCSV      Format = "csv"
	FormatWikidata Format = "wikidata-dump"
	FormatWDQS     Format = "wdqs"
)

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case FormatAuto, FormatJSONL, FormatCSV, FormatWikidata, FormatWDQS:
		return f, nil
	case "json":
		return FormatJSONL, nil
	}
	return "", fmt.Errorf("unknown format %q (want wikidata-dump, wdqs, csv or jsonl)", s)
}

// header is the optional first JSONL line carrying the KB's currency date.
type header struct {
	AsOf Date `json:"kb_as_of"`
}

// Load reads a knowledge base file in any supported format (JSONL records,
// CSV, a Wikidata JSON dump, WDQS JSON results), gzip- or
// bzip2-compressed or not, detected from its content.
func Load(path string) (*KB, error) {
	recs, asOf, err := ImportFile(path, FormatAuto)
	if err != nil {
		return nil, err
	}
	return New(recs, asOf)
}

// ImportFile reads records from path in format f (FormatAuto: detect).
func ImportFile(path string, f Format) ([]Record, Date, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, Date{}, err
	}
	defer fh.Close()
	recs, asOf, err := Import(fh, f)
	if err != nil {
		return nil, Date{}, fmt.Errorf("%s: %w", path, err)
	}
	for i := range recs {
		if recs[i].Source == "" {
			recs[i].Source = path
		}
	}
	return recs, asOf, nil
}

// Import reads records from r in format f, decompressing gzip or bzip2.
func Import(r io.Reader, f Format) (recs []Record, asOf Date, err error) {
	br, limit, err := decompress(r)
	if err != nil {
		return nil, Date{}, err
	}
	defer func() {
		// A decompression limit is the error, whatever the reader made of
		// the cut-off input.
		if lerr := limit(); lerr != nil {
			recs, asOf, err = nil, Date{}, lerr
		}
	}()
	if f == FormatAuto {
		if f, err = sniff(br); err != nil {
			return nil, Date{}, err
		}
	}
	switch f {
	case FormatJSONL:
		return readJSONL(br)
	case FormatCSV:
		recs, err := readCSV(br)
		return recs, Date{}, err
	case FormatWikidata:
		recs, err := ReadWikidataDump(br)
		return recs, Date{}, err
	case FormatWDQS:
		recs, err := ReadWDQS(br)
		return recs, Date{}, err
	}
	return nil, Date{}, fmt.Errorf("unknown format %q", f)
}

// sniff tells the formats apart by their first bytes: a dump is a JSON
// array, WDQS results an object with "head", JSONL one object a line.
func sniff(br *bufio.Reader) (Format, error) {
	head, err := br.Peek(4096)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return "", err
	}
	t := bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case len(t) == 0:
		return "", errors.New("empty input")
	case t[0] == '[':
		return FormatWikidata, nil
	case t[0] == '{' && bytes.Contains(t[:min(len(t), 200)], []byte(`"head"`)):
		return FormatWDQS, nil
	case t[0] == '{':
		return FormatJSONL, nil
	}
	return FormatCSV, nil
}

func readJSONL(r io.Reader) ([]Record, Date, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var recs []Record
	var asOf Date
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if bytes.Contains(b, []byte(`"kb_as_of"`)) {
			var h header
			if err := json.Unmarshal(b, &h); err != nil {
				return nil, asOf, fmt.Errorf("line %d: %w", line, err)
			}
			asOf = h.AsOf
			continue
		}
		var rec Record
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, asOf, fmt.Errorf("line %d: %w", line, err)
		}
		if err := rec.validate(); err != nil {
			return nil, asOf, fmt.Errorf("line %d: %w", line, err)
		}
		recs = append(recs, rec)
	}
	return recs, asOf, sc.Err()
}

func (r *Record) validate() error {
	if strings.TrimSpace(r.Name) == "" || strings.TrimSpace(r.Role) == "" {
		return errors.New("record needs a name and a role")
	}
	return nil
}

// WriteJSONL writes a header line with asOf and one record a line.
func WriteJSONL(w io.Writer, recs []Record, asOf Date) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if !asOf.IsZero() {
		if err := enc.Encode(header{AsOf: asOf}); err != nil {
			return err
		}
	}
	for i := range recs {
		if err := enc.Encode(&recs[i]); err != nil {
			return err
		}
	}
	return nil
}

// readCSV reads name, aliases, role, organization, country, start, end,
// source columns (any order; aliases separated by ";" or "|").
func readCSV(r io.Reader) ([]Record, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	hdr, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("csv header: %w", err)
	}
	col := map[string]int{}
	for i, h := range hdr {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"name", "role"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("csv header lacks %q (have %s)", need, strings.Join(hdr, ","))
		}
	}
	get := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	var recs []Record
	for line := 2; ; line++ {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("csv line %d: %w", line, err)
		}
		rec := Record{Name: get(row, "name"), Role: get(row, "role"), Organization: get(row, "organization"),
			Country: get(row, "country"), Source: get(row, "source")}
		if a := get(row, "aliases"); a != "" {
			for _, s := range strings.FieldsFunc(a, func(r rune) bool { return r == ';' || r == '|' }) {
				if s = strings.TrimSpace(s); s != "" {
					rec.Aliases = append(rec.Aliases, s)
				}
			}
		}
		if rec.Start, err = ParseDate(get(row, "start")); err != nil {
			return nil, fmt.Errorf("csv line %d: start: %w", line, err)
		}
		if rec.End, err = ParseDate(get(row, "end")); err != nil {
			return nil, fmt.Errorf("csv line %d: end: %w", line, err)
		}
		if rec.Checked, err = ParseDate(get(row, "checked")); err != nil {
			return nil, fmt.Errorf("csv line %d: checked: %w", line, err)
		}
		if err := rec.validate(); err != nil {
			return nil, fmt.Errorf("csv line %d: %w", line, err)
		}
		recs = append(recs, rec)
	}
	return recs, nil
}
