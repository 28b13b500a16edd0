package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/copydesk/copydesk/internal/analysis"
)

func init() {
	Register("json", func(w io.Writer) Reporter { return &jsonReporter{w: w} })
	Register("jsonl", func(w io.Writer) Reporter { return &jsonlReporter{w: w} })
}

// jsonReporter writes one JSON object holding every document, indented, at
// Finish. Documents are encoded as they arrive so only their bytes are held,
// not the results (which carry the article text).
type jsonReporter struct {
	w    io.Writer
	info RunInfo
	docs []json.RawMessage
}

func (r *jsonReporter) Start(info RunInfo) error {
	r.info = info
	r.docs = []json.RawMessage{}
	return nil
}

func (r *jsonReporter) Document(res *analysis.Result) error { return documentVia(r, res) }

func (r *jsonReporter) Encode(res *analysis.Result) (Encoded, error) {
	b, err := encodeDocument(res)
	return Encoded{bytes: bytes.Clone(bytes.TrimRight(b, "\n"))}, err // no spare capacity: held to the end
}

func (r *jsonReporter) WriteEncoded(_ *analysis.Result, e Encoded) error {
	r.docs = append(r.docs, e.bytes)
	return nil
}

func (r *jsonReporter) Finish(sum Summary) error {
	out := struct {
		Version       string `json:"version"`
		KnowledgeAsOf string `json:"knowledge_as_of"`
		// Config is the configuration file that applied ("" for none).
		Config string `json:"config"`
		// Interrupted: the run was stopped; documents holds what finished.
		Interrupted bool              `json:"interrupted,omitempty"`
		Documents   []json.RawMessage `json:"documents"`
	}{r.info.Version, r.info.KnowledgeAsOf, r.info.Config, sum.Interrupted, r.docs}
	if out.Documents == nil {
		out.Documents = []json.RawMessage{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("encode json report: %w", err)
	}
	r.docs = nil
	return writeAll(r.w, "json", escapeBidiJSON(b.Bytes()))
}

// jsonlReporter streams one compact document per line as each article
// finishes, so memory stays flat however long the run.
type jsonlReporter struct{ w io.Writer }

func (r *jsonlReporter) Start(RunInfo) error { return nil }

func (r *jsonlReporter) Document(res *analysis.Result) error { return documentVia(r, res) }

func (r *jsonlReporter) Encode(res *analysis.Result) (Encoded, error) {
	b, err := encodeDocument(res)
	return Encoded{bytes: b}, err
}

func (r *jsonlReporter) WriteEncoded(_ *analysis.Result, e Encoded) error {
	return writeAll(r.w, "jsonl", e.bytes)
}

func (r *jsonlReporter) Finish(Summary) error { return flush(r.w) }

// encodeDocument is the public per-article schema: findings and entities are
// always arrays, and an unreadable article carries only its id, path and
// error. HTML characters stay literal: articles are full of "&".
func encodeDocument(res *analysis.Result) ([]byte, error) {
	doc := *res
	if res.Failed() {
		doc = analysis.Result{ID: res.ID, Path: res.Path, Error: res.Error}
	}
	if doc.Findings == nil {
		doc.Findings = []analysis.Finding{}
	}
	if doc.Entities == nil {
		doc.Entities = []analysis.Entity{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("encode %s: %w", res.ID, err)
	}
	return escapeBidiJSON(b.Bytes()), nil
}
