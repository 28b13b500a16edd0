package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// readAll reads every spec in order; see Read.
func readAll(ctx context.Context, specs []string, opts Options, emit func(Article) error) error {
	forced, err := ParseFormat(opts.Format)
	if err != nil {
		return err
	}
	e := newExpander(opts)
	for _, spec := range specs {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := e.expand(spec, func(in input) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if in.err != nil {
				return emit(Article{ID: in.name, Path: in.name, Err: in.err})
			}
			return readInput(ctx, in, forced, opts, emit)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// readInput opens one file (or stdin), detects its format from the first
// sniffLen bytes and hands it to the matching reader. Only JSON Lines are
// streamed; other formats are read whole, up to the size cap.
func readInput(ctx context.Context, in input, forced string, opts Options, emit func(Article) error) error {
	var r io.Reader
	size := int64(-1)
	if in.stdin {
		if opts.Stdin == nil {
			return emit(failed(in.name, "no standard input to read"))
		}
		r = opts.Stdin
	} else {
		f, err := os.Open(in.name)
		if err != nil {
			return emit(Article{ID: in.name, Path: in.name, Err: fmt.Errorf("%s: %w", in.name, pathError(err))})
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil {
			if st.IsDir() {
				return emit(failed(in.name, "is a directory"))
			}
			size = st.Size()
		}
		r = f
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return emit(Article{ID: in.name, Path: in.name, Err: fmt.Errorf("%s: %w", in.name, pathError(err))})
	}
	if len(head) == 0 {
		return emit(failed(in.name, "empty file, no article"))
	}
	if kind := reportKind(head); kind != "" {
		return emit(failed(in.name, "a report copydesk wrote (%s), not an article; not read as input", kind))
	}
	format := detectFormat(in.name, forced, head)
	max := opts.maxBytes()
	if format == FormatJSONL && looksLikeJSONLines(head) {
		// Judged line by line: one line of control characters is an
		// error for that line, not for the file.
		return readJSONL(ctx, in.name, br, max, emit)
	}
	if reason := binaryReason(head); reason != "" {
		return emit(failed(in.name, "%s", reason))
	}
	if format == FormatJSONL {
		return readJSONL(ctx, in.name, br, max, emit)
	}
	if size > max {
		return emit(failed(in.name, "%d bytes is over the %s limit for one input", size, byteSize(max)))
	}
	data, err := io.ReadAll(io.LimitReader(br, max+1))
	if err != nil {
		return emit(Article{ID: in.name, Path: in.name, Err: fmt.Errorf("%s: %w", in.name, pathError(err))})
	}
	if int64(len(data)) > max {
		return emit(failed(in.name, "over the %s limit for one input", byteSize(max)))
	}
	for _, a := range readWhole(in.name, format, data) {
		if err := emit(a); err != nil {
			return err
		}
	}
	return nil
}

// readWhole reads an input held in memory in the given format (not JSONL).
// It always returns at least one Article.
func readWhole(name, format string, data []byte) []Article {
	if a, bad := checkText(name, format, data); bad {
		return []Article{a}
	}
	data = trimBOM(data)
	switch format {
	case FormatMarkdown:
		return []Article{readMarkdown(name, string(data))}
	case FormatHTML:
		return []Article{readHTML(name, data)}
	case FormatFeed:
		return readFeed(name, data)
	default:
		return []Article{readText(name, string(data))}
	}
}

// failed is an Article for an input that could not be read; the message
// starts with the input's name.
func failed(name, format string, args ...any) Article {
	return Article{ID: name, Path: name, Err: fmt.Errorf("%s: %s", name, fmt.Sprintf(format, args...))}
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
