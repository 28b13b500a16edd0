package wdupdate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/kb"
)

// DefaultEndpoint is Wikidata's public SPARQL endpoint.
const DefaultEndpoint = "https://query.wikidata.org/sparql"

// Client asks the SPARQL endpoint for office holders.
type Client struct {
	Endpoint  string
	UserAgent string
	HTTP      *http.Client
	// Timeout bounds one request (the endpoint itself stops queries
	// after 60 seconds).
	Timeout time.Duration
	// Attempts is how many times one batch is tried; Backoff is the
	// first pause between tries, doubled each time (a Retry-After header
	// from the server wins when longer).
	Attempts int
	Backoff  time.Duration
	// Sleep waits between tries; tests replace it. Nil: time.Sleep that
	// ends early when ctx is done.
	Sleep func(ctx context.Context, d time.Duration) error
}

// query is the SPARQL for one batch: every P39 statement (not
// deprecated) whose value is one of the positions, with its start and
// end and their precision, and English labels. Terms that ended before
// 2000 are left out: articles the tool checks are about the present.
func query(batch []Position) string {
	var qids, labels []string
	for _, p := range batch {
		if p.QID != "" {
			qids = append(qids, "wd:"+p.QID)
		} else {
			labels = append(labels, strconv.Quote(p.Label)+"@en")
		}
	}
	var sel []string
	if len(qids) > 0 {
		sel = append(sel, "{ VALUES ?position { "+strings.Join(qids, " ")+" } }")
	}
	if len(labels) > 0 {
		sel = append(sel, "{ VALUES ?plabel { "+strings.Join(labels, " ")+" } ?position rdfs:label ?plabel . }")
	}
	return `SELECT ?position ?positionLabel ?person ?personLabel ?start ?startPrecision ?end ?endPrecision WHERE {
  ` + strings.Join(sel, " UNION ") + `
  ?person p:P39 ?st . ?st ps:P39 ?position .
  FILTER NOT EXISTS { ?st wikibase:rank wikibase:DeprecatedRank }
  OPTIONAL { ?st pqv:P580 ?sv . ?sv wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision . }
  OPTIONAL { ?st pqv:P582 ?ev . ?ev wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision . }
  FILTER(!BOUND(?end) || YEAR(?end) >= 2000)
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}`
}

// binding is one row of application/sparql-results+json.
type binding map[string]struct {
	Value string `json:"value"`
}

func (b binding) get(name string) string { return b[name].Value }

// errRetry marks a failure worth another try (rate limit, server error,
// timeout); the pause it asks for, if any, rides along.
type errRetry struct {
	err   error
	after time.Duration
}

func (e *errRetry) Error() string { return e.err.Error() }
func (e *errRetry) Unwrap() error { return e.err }

// fetch runs one batch's query, retrying what can be retried.
func (c *Client) fetch(ctx context.Context, batch []Position) ([]binding, error) {
	attempts := max(c.Attempts, 1)
	pause := c.Backoff
	var last error
	for try := 1; try <= attempts; try++ {
		rows, err := c.once(ctx, batch)
		if err == nil {
			return rows, nil
		}
		last = err
		var re *errRetry
		if !errors.As(err, &re) || try == attempts {
			break
		}
		wait := max(pause, re.after)
		if err := c.sleep(ctx, wait); err != nil {
			return nil, err
		}
		pause *= 2
	}
	return nil, last
}

func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// once sends one request. The query goes in a POST form body: a batch of
// labels is longer than some proxies accept in a URL.
func (c *Client) once(ctx context.Context, batch []Position) ([]binding, error) {
	if c.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.Timeout)
		defer cancel()
	}
	form := url.Values{"query": {query(batch)}, "format": {"json"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/sparql-results+json")
	req.Header.Set("User-Agent", c.UserAgent)
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		if ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &errRetry{err: fmt.Errorf("%s: no answer within %s", c.Endpoint, c.Timeout)}
		}
		return nil, &errRetry{err: fmt.Errorf("%s: %w", c.Endpoint, err)}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 300))
		err := fmt.Errorf("%s: HTTP %d: %s", c.Endpoint, resp.StatusCode, strings.TrimSpace(string(msg)))
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
			return nil, &errRetry{err: err, after: retryAfter(resp.Header.Get("Retry-After"))}
		}
		return nil, err
	}
	var res struct {
		Results struct {
			Bindings []binding `json:"bindings"`
		} `json:"results"`
	}
	// A body cut short by a timeout is retried like the timeout itself.
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		if ctx.Err() != nil {
			return nil, &errRetry{err: fmt.Errorf("%s: no complete answer within %s", c.Endpoint, c.Timeout)}
		}
		return nil, fmt.Errorf("%s: reading the answer: %w", c.Endpoint, err)
	}
	return res.Results.Bindings, nil
}

// retryAfter reads a Retry-After header in seconds (the endpoint's form).
func retryAfter(h string) time.Duration {
	if n, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	return 0
}

// records turns a batch's rows into knowledge base records: one term a
// row, dated to the precision Wikidata gives, sourced to the statement's
// person item, checked on the day of the update.
func records(rows []binding, batch []Position, checked kb.Date) ([]kb.Record, error) {
	byKey := map[string]Position{}
	for _, p := range batch {
		byKey[p.key()] = p
	}
	var out []kb.Record
	for i, b := range rows {
		qid := lastPathPart(b.get("position"))
		pos, ok := byKey[qid]
		if !ok {
			pos, ok = byKey["label:"+b.get("positionLabel")]
		}
		person := lastPathPart(b.get("person"))
		name := b.get("personLabel")
		if !ok || name == "" || name == person {
			continue // no English label: nothing an article would write
		}
		start, err := wdDate(b.get("start"), b.get("startPrecision"))
		if err != nil {
			return nil, fmt.Errorf("row %d (%s): start: %w", i+1, name, err)
		}
		end, err := wdDate(b.get("end"), b.get("endPrecision"))
		if err != nil {
			return nil, fmt.Errorf("row %d (%s): end: %w", i+1, name, err)
		}
		out = append(out, kb.Record{
			Name: name, Role: pos.Role, Country: pos.Country, Organization: pos.Organization,
			Start: start, End: end, ID: person, Position: qid,
			Source:  "wikidata:" + person + " P39 " + qid + " (query.wikidata.org)",
			Checked: checked,
		})
	}
	return out, nil
}

func lastPathPart(uri string) string { return uri[strings.LastIndexByte(uri, '/')+1:] }

// wdDate reads a SPARQL dateTime with its Wikidata precision (9 year,
// 10 month, 11 day).
func wdDate(v, precision string) (kb.Date, error) {
	if v == "" {
		return kb.Date{}, nil
	}
	d, err := kb.ParseDate(v)
	if err != nil {
		return kb.Date{}, err
	}
	p, err := strconv.Atoi(precision)
	if err != nil {
		p = 11
	}
	if p < 9 {
		return kb.Date{}, nil // a decade or vaguer says nothing about a term
	}
	return d.WithPrecision(p), nil
}
