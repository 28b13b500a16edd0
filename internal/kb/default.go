package kb

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// defaultKB is built by `copydesk kb build` (see data/README.md).
//
//go:embed data/kb.jsonl.gz
var defaultKB []byte

var (
	defOnce sync.Once
	defVal  *KB
	defErr  error
)

// Default returns the embedded knowledge base (parsed once).
func Default() (*KB, error) {
	defOnce.Do(func() {
		recs, asOf, err := Import(bytes.NewReader(defaultKB), FormatJSONL)
		if err != nil {
			defErr = fmt.Errorf("embedded knowledge base: %w", err)
			return
		}
		defVal, defErr = New(recs, asOf)
	})
	return defVal, defErr
}
