// Package ingest turns input files, directories, globs and stdin into
// documents: plain text, Markdown with front matter, HTML, JSON Lines and
// RSS/Atom feeds. An input that cannot be read becomes an Article with Err
// set, so the caller reports it and goes on with the rest.
package ingest

import (
	"context"

	"github.com/copydesk/copydesk/internal/document"
)

// Article is one article read from the input, or one input that failed.
type Article struct {
	// ID is always set: the path, path#N for the Nth JSONL line or feed
	// item, or the article's own id field.
	ID   string
	Path string
	Doc  *document.Document // nil when Err is set
	Err  error
}

// Options control reading.
type Options struct {
	// Format forces an input format ("text", "markdown", "html", "jsonl",
	// "feed"); "" detects by extension, then by sniffing the content.
	Format string
	// Stdin is read for the path "-".
	Stdin interface{ Read([]byte) (int, error) }
	// MaxBytes caps one input file (0: the default, 64 MiB).
	MaxBytes int64
}

// Read expands specs (paths, directories walked recursively, globs, "-")
// and calls emit for every article in input order. It returns early only
// when ctx is cancelled or emit returns an error; a bad input is an Article
// with Err, never a returned error.
func Read(ctx context.Context, specs []string, opts Options, emit func(Article) error) error {
	return readAll(ctx, specs, opts, emit)
}
