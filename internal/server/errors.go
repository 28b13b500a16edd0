package server

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"
)

// apiError is the body of every error response: what went wrong, a stable
// code to branch on, and the request id to quote when reporting it.
type apiError struct {
	Code      string `json:"code"`
	Message   string `json:"error"`
	RequestID string `json:"request_id"`
}

// Error codes.
const (
	codeBadRequest   = "bad_request"
	codeMalformed    = "malformed_json"
	codeContentType  = "unsupported_content_type"
	codeTooLarge     = "too_large"
	codeTimeout      = "timeout"
	codeUnauthorized = "unauthorized"
	codeBusy         = "busy"
	codeNotReady     = "not_ready"
	codeNotFound     = "not_found"
	codeMethod       = "method_not_allowed"
	codeInternal     = "internal"
	codeUnreadable   = "unreadable_article"
)

// writeError sends a JSON error. retryAfter > 0 adds Retry-After.
func writeError(w http.ResponseWriter, r *http.Request, status int, code, msg string, retryAfter time.Duration) {
	if retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(max(retryAfter.Round(time.Second), time.Second)/time.Second)))
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="copydesk"`)
	}
	writeJSON(w, status, apiError{Code: code, Message: msg, RequestID: requestID(r.Context())})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"code":"internal","error":"encode response"}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)+1))
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}
