package ingest

import (
	"context"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// readAll is a minimal plain-text reader (being replaced by the full set of
// readers).
func readAll(ctx context.Context, specs []string, opts Options, emit func(Article) error) error {
	for _, p := range specs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var b []byte
		var err error
		if p == "-" {
			b, err = io.ReadAll(opts.Stdin)
		} else {
			b, err = os.ReadFile(p)
		}
		a := Article{ID: p, Path: p}
		switch {
		case err != nil:
			a.Err = fmt.Errorf("read %s: %w", p, err)
		case !utf8.Valid(b):
			a.Err = fmt.Errorf("%s: not valid UTF-8 text", p)
		default:
			a.Doc = document.New(p, string(b))
			a.Doc.Path = p
		}
		if err := emit(a); err != nil {
			return err
		}
	}
	return nil
}
