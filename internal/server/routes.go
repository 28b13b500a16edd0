package server

import (
	_ "embed"
	"net/http"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/analysis"
)

// openAPI is the API description, kept beside the handlers; a test checks
// them against each other.
//
//go:embed openapi.json
var openAPI []byte

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/v1/score", s.only(http.MethodPost, s.scoreOne))
	mux.Handle("/v1/score:batch", s.only(http.MethodPost, s.scoreBatch))
	mux.Handle("/v1/rules", s.only(http.MethodGet, s.listRules))
	mux.Handle("/v1/rules/{id}", s.only(http.MethodGet, s.getRule))
	mux.Handle("/healthz", s.only(http.MethodGet, s.healthz))
	mux.Handle("/readyz", s.only(http.MethodGet, s.readyz))
	mux.Handle("/metrics", s.only(http.MethodGet, s.metrics.handler().ServeHTTP))
	mux.Handle("/openapi.json", s.only(http.MethodGet, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(openAPI)
	}))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusNotFound, codeNotFound, "no endpoint "+r.URL.Path+"; see /openapi.json", 0)
	})
	return s.wrap(mux)
}

// only answers method (and HEAD for GET) and refuses others with a JSON 405.
func (s *Server) only(method string, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != method && !(method == http.MethodGet && r.Method == http.MethodHead) {
			w.Header().Set("Allow", method)
			writeError(w, r, http.StatusMethodNotAllowed, codeMethod, r.Method+" "+r.URL.Path+" is not allowed; use "+method, 0)
			return
		}
		h(w, r)
	})
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	st := s.setup.Load()
	switch {
	case s.stopping.Load():
		writeError(w, r, http.StatusServiceUnavailable, codeNotReady, "shutting down", 0)
	case st == nil:
		writeError(w, r, http.StatusServiceUnavailable, codeNotReady, "loading the knowledge base and model", 2*time.Second)
	default:
		out := map[string]any{"status": "ready", "knowledge_as_of": st.KBAsOf, "window_articles": 0, "version": s.cfg.Version}
		if win := s.win.Load(); win != nil {
			out["window_articles"] = win.size()
		}
		writeJSON(w, http.StatusOK, out)
	}
}

// ruleJSON is a rule as /v1/rules shows it: the content of `copydesk
// rules` and, with doc and example, of `copydesk explain`.
type ruleJSON struct {
	ID        string `json:"id"`
	Dimension string `json:"dimension"`
	Severity  string `json:"severity"`
	Title     string `json:"title"`
	Since     string `json:"since,omitempty"`
	Doc       string `json:"doc,omitempty"`
	Example   string `json:"example,omitempty"`
}

func toRuleJSON(r analysis.Rule, full bool) ruleJSON {
	out := ruleJSON{ID: r.ID, Dimension: string(r.Dimension), Severity: r.Severity.String(), Title: r.Title, Since: r.Since}
	if full {
		out.Doc, out.Example = strings.TrimSpace(r.Doc), strings.TrimSpace(r.Example)
	}
	return out
}

func (s *Server) listRules(w http.ResponseWriter, r *http.Request) {
	st := s.ready(w, r)
	if st == nil {
		return
	}
	rules := []ruleJSON{}
	for _, rule := range st.Rules.All() {
		rules = append(rules, toRuleJSON(rule, false))
	}
	writeJSON(w, http.StatusOK, map[string]any{"rules": rules})
}

func (s *Server) getRule(w http.ResponseWriter, r *http.Request) {
	st := s.ready(w, r)
	if st == nil {
		return
	}
	id := strings.ToUpper(strings.TrimSpace(r.PathValue("id")))
	rule, ok := st.Rules.Lookup(id)
	if !ok {
		writeError(w, r, http.StatusNotFound, codeNotFound, "no rule "+r.PathValue("id")+"; GET /v1/rules lists them", 0)
		return
	}
	writeJSON(w, http.StatusOK, toRuleJSON(rule, true))
}
