package server

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

func init() {
	// One document a line: each line is validated on its own.
	openapi3filter.RegisterBodyDecoder("application/x-ndjson", openapi3filter.JSONBodyDecoder)
}

// The handlers answer what openapi.json says, and it says what they
// answer: every operation is exercised, every response (status, content
// type, body) is validated against the description with kin-openapi, and
// every route the server registers is described.
func TestHandlersMatchOpenAPI(t *testing.T) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(openAPI)
	if err != nil {
		t.Fatalf("load openapi.json: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not valid OpenAPI 3: %v", err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	ts := startServer(t, func(c *Config) { c.Token = "tok"; c.MaxArticleBytes = 32 << 10 })
	auth := []string{"Authorization", "Bearer tok"}
	a := seeds(t)[0]
	big := article{ID: "big", Text: strings.Repeat("word ", 10000)}
	cases := []struct {
		method, path, ctype string
		body                []byte
		header              []string
		status              int
	}{
		{"POST", "/v1/score", "application/json", a.json(t), auth, 200},
		{"POST", "/v1/score?id=page", "text/html", []byte("<html><body><p>The council met on Tuesday and voted.</p></body></html>"), auth, 200},
		{"POST", "/v1/score", "application/json", []byte("{"), auth, 400},
		{"POST", "/v1/score", "application/json", a.json(t), nil, 401},
		{"GET", "/v1/score", "", nil, auth, 405},
		{"POST", "/v1/score", "application/json", big.json(t), auth, 413},
		{"POST", "/v1/score", "text/plain", a.json(t), auth, 415},
		{"POST", "/v1/score", "application/json", []byte(`{"id":"x"}`), auth, 422},
		{"POST", "/v1/score:batch", "application/x-ndjson", append(jsonLines(t, seeds(t)), "{oops\n"...), auth, 200},
		{"POST", "/v1/score:batch", "application/x-ndjson", nil, nil, 401},
		{"POST", "/v1/score:batch", "text/plain", nil, auth, 415},
		{"GET", "/v1/rules", "", nil, auth, 200},
		{"GET", "/v1/rules", "", nil, nil, 401},
		{"GET", "/v1/rules/FB001", "", nil, auth, 200},
		{"GET", "/v1/rules/NOPE", "", nil, auth, 404},
		{"GET", "/healthz", "", nil, nil, 200},
		{"GET", "/readyz", "", nil, nil, 200},
		{"GET", "/metrics", "", nil, auth, 200},
		{"GET", "/openapi.json", "", nil, nil, 200},
		{"POST", "/openapi.json", "", nil, nil, 405},
	}
	exercised := map[string]bool{}
	for _, tc := range cases {
		name := fmt.Sprintf("%s %s %d", tc.method, tc.path, tc.status)
		req, err := http.NewRequest(tc.method, ts.url+tc.path, bytes.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		if tc.ctype != "" {
			req.Header.Set("Content-Type", tc.ctype)
		}
		if tc.status == http.StatusMethodNotAllowed { // not an operation: described in info
			wantError(t, do(t, tc.method, ts.url+tc.path, tc.ctype, tc.body, tc.header...), 405, codeMethod)
			continue
		}
		route, params, err := router.FindRoute(req)
		if err != nil {
			t.Errorf("%s: not in openapi.json: %v", name, err)
			continue
		}
		r := do(t, tc.method, ts.url+tc.path, tc.ctype, tc.body, tc.header...)
		if r.status != tc.status {
			t.Errorf("%s: got %d: %s", name, r.status, r.body)
			continue
		}
		if r.status < 300 {
			exercised[route.Method+" "+route.Path] = true
		}
		in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
		bodies := [][]byte{r.body}
		if strings.HasPrefix(r.header.Get("Content-Type"), "application/x-ndjson") {
			bodies = bytes.SplitAfter(bytes.TrimRight(r.body, "\n"), []byte("\n"))
		}
		for _, b := range bodies {
			err := openapi3filter.ValidateResponse(context.Background(), (&openapi3filter.ResponseValidationInput{
				RequestValidationInput: in, Status: r.status, Header: r.header,
				Options: &openapi3filter.Options{IncludeResponseStatus: true},
			}).SetBodyBytes(b))
			if err != nil {
				t.Errorf("%s: response does not match openapi.json: %v\n%.300s", name, err, b)
			}
		}
	}
	var missing []string
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			if !exercised[method+" "+path] {
				missing = append(missing, method+" "+path)
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("operations in openapi.json with no successful response: %v", missing)
	}
	// Every route the server registers is described.
	for _, p := range []string{"/v1/score", "/v1/score:batch", "/v1/rules", "/v1/rules/{id}", "/healthz", "/readyz", "/metrics", "/openapi.json"} {
		if doc.Paths.Find(p) == nil {
			t.Errorf("route %s is not in openapi.json", p)
		}
	}
}
