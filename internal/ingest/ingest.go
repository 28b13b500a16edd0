// Package ingest turns input files, directories, globs and stdin into
// documents: plain text, Markdown with front matter, HTML, JSON Lines and
// RSS/Atom feeds. An input that cannot be read becomes an Article with Err
// set, so the caller reports it and goes on with the rest.
//
// # Which files are read
//
// A file named explicitly (or matched by a glob) is always read: its format
// comes from Options.Format, else its extension, else its first 8 KiB.
// A directory is walked recursively in lexical order, skipping hidden files
// and directories (names starting with "."); the walk takes files with a
// known extension (.txt .text .md .markdown .html .htm .xhtml .jsonl .ndjson
// .rss .atom .xml) and files with no extension whose first 8 KiB look like
// text. Other files (images, .json, source code, …) are skipped, and a
// directory with nothing to read is itself an error Article, so no input
// disappears silently.
//
// A walk cannot loop or hang: links to directories are not followed;
// FIFOs, devices and sockets are skipped with a note (Options.Notice) and
// never opened, and naming one is an error unless Options.NonRegular; a
// dangling link is an error for that input, and so is a link leading out
// of the walked directory unless Options.FollowOutside. The run's own
// output file (Options.Exclude) is never read, and a report copydesk
// wrote (any output format, recognised by its content) is an error, not
// an article.
//
// # Identity and positions
//
// ID is the path; path#N for the Nth line of a JSON Lines input or the Nth
// item of a feed (position-based, so it is unique and stable even when
// guids repeat; a feed item's guid is kept in Doc.Extra["guid"]); a JSON
// Lines "id" field (string or number) wins, also for a line that parsed but
// is not an article, whose message then names path#N. Stdin is named
// "stdin".
//
// Every Document.Position is a line and column of the input file. Plain
// text and Markdown keep the input bytes as Doc.Text (the title line too);
// Markdown front matter is skipped by setting Doc.BaseLine. Elsewhere
// Doc.Anchors map the text back: a JSON Lines article's text to its line
// and the columns of the raw JSON (escapes included); HTML and feed text,
// extracted one paragraph per line, word by word to the markup (a feed
// item's within its element of the feed).
//
// # Limits and bad input
//
// Every failure message starts with the input's name. An input is refused
// when it is binary (a NUL byte, UTF-16, or over 10% control characters in
// its first 8 KiB), not valid UTF-8 (the byte offset is given), empty or
// whitespace only, larger than Options.MaxBytes (64 MiB by default), or, for
// text and Markdown, has a line longer than MaxLineBytes (1 MiB: no article
// has such a paragraph; it is a data dump, not an article). JSON Lines are
// streamed a line at a time, so a JSONL input has no total size cap; each
// line is capped at MaxBytes and a bad line (malformed, or text that is
// mostly control characters) is an error for that line only; the file is
// refused whole only when its first line is not a JSON object and it looks
// binary.
// HTML and feeds may be minified onto one line, so for them the limit is a
// run of MaxLineBytes with no markup. HTML with invalid UTF-8 is decoded
// when it declares another charset. An unparseable date leaves Doc.Date
// zero and adds a note to Article.Notes; so does unreadable front matter,
// and front matter over 64 KiB, nesting brackets over 32 deep or whose
// aliases expand to over 10,000 values, which is not decoded. A feed that
// does not parse whole is read item by item: a bad or cut-off item is a
// path#N error and the others are read.
//
// # HTML
//
// go-readability (the maintained fork, codeberg.org/readeck/go-readability/v2)
// picks the main text; metadata comes from <meta>
// (article:published_time, author, og:site_name…), JSON-LD (headline,
// datePublished, author, publisher) and <time>. Every visible text block of
// the page that the extractor left out is page chrome: it follows the main
// text, one block per page region (the outermost landmark — nav, header,
// footer, aside, form, section, or a box whose class or id says share,
// related, comments, cookie… — that holds no main text), each after a blank
// line and marked document.RegionChrome.
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
	// Notes are things the reader could not use but did not fail on (an
	// unparseable date, malformed front matter); the article is still read.
	Notes []string
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
	// Exclude lists files never read as input, wherever a spec or walk
	// meets them: the run's own -o output file.
	Exclude []string
	// NonRegular reads FIFOs, devices and sockets named explicitly (a walk
	// always skips them); without it naming one is an error, since reading
	// it may block forever.
	NonRegular bool
	// FollowOutside follows symbolic links in a walked directory that lead
	// out of it; without it such a link is an error for that input.
	FollowOutside bool
	// Notice receives what the walk skipped on purpose (a FIFO, the
	// output file, a link to a directory), one sentence each; nil drops
	// them.
	Notice func(string)
}

// DefaultMaxBytes is the size cap of one input when Options.MaxBytes is 0.
const DefaultMaxBytes = 64 << 20

// MaxLineBytes is the longest line a text or Markdown input may have.
const MaxLineBytes = 1 << 20

// StdinName is the ID and Path of articles read from "-".
const StdinName = "stdin"

// Formats lists the values Options.Format accepts, for flag help and
// completion.
var Formats = []string{FormatText, FormatMarkdown, FormatHTML, FormatJSONL, FormatFeed}

// The input formats.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatJSONL    = "jsonl"
	FormatFeed     = "feed"
)

// Read expands specs (paths, directories walked recursively, globs, "-")
// and calls emit for every article in input order. It returns early only
// when ctx is cancelled or emit returns an error; a bad input is an Article
// with Err, never a returned error.
func Read(ctx context.Context, specs []string, opts Options, emit func(Article) error) error {
	return readAll(ctx, specs, opts, emit)
}
