package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/internal/document"
)

// readJSONL streams a JSON Lines input one line at a time: memory holds
// one line (up to maxLine bytes), however long the input. Each non-blank
// line is one Article; a bad line is an Article with Err and reading goes
// on.
func readJSONL(ctx context.Context, name string, r *bufio.Reader, maxLine int64, emit func(Article) error) error {
	var (
		lineNo   int
		offset   int64
		articles int
	)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, n, tooLong, err := readLine(r, maxLine)
		if err != nil && !errors.Is(err, io.EOF) {
			return emit(failed(name, "read error after line %d: %v", lineNo, pathError(err)))
		}
		if n == 0 && errors.Is(err, io.EOF) {
			break
		}
		lineNo++
		start := offset
		offset += n
		if !tooLong && len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		articles++
		id := fmt.Sprintf("%s#%d", name, lineNo)
		var a Article
		if tooLong {
			a = failed(id, "line is over the %s limit for one article", byteSize(maxLine))
		} else {
			a = jsonLine(name, id, lineNo, start, line)
		}
		a.Path = name
		if err := emit(a); err != nil {
			return err
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if articles == 0 {
		return emit(failed(name, "no JSON lines, only blank lines"))
	}
	return nil
}

// looksLikeJSONLines reports whether an input's first line opens a JSON
// object, so it is read line by line whatever its other lines hold; a
// UTF-16 file never is.
func looksLikeJSONLines(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return false
	}
	b := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	return len(b) > 0 && b[0] == '{'
}

// controlReason says why an article's text is not text (a NUL, or over 10%
// control characters, as for a whole file), or "".
func controlReason(text string) string {
	control := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == 0 {
			return fmt.Sprintf("holds a NUL character at byte %d: binary, not an article", i)
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f {
			control++
		}
	}
	if control*10 > len(text) {
		return fmt.Sprintf("is %d%% control characters (%d of %d bytes): binary, not an article", control*100/len(text), control, len(text))
	}
	return ""
}

// readLine reads up to and including '\n'. A line longer than max is
// consumed without being kept (tooLong); n counts every byte consumed.
func readLine(r *bufio.Reader, max int64) (line []byte, n int64, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		n += int64(len(chunk))
		if !tooLong {
			if n > max {
				tooLong, buf = true, nil
			} else if buf == nil && err == nil {
				// The common case: the whole line fits the reader's buffer.
				return bytes.TrimRight(chunk, "\r\n"), n, false, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), n, tooLong, err
	}
}

// jsonFields are the keys copydesk reads; in each list the first present
// wins and the others pass through to Extra.
var (
	jsonText   = []string{"text", "body", "content"}
	jsonByline = []string{"byline", "author"}
	jsonURL    = []string{"url"}
)

// jsonLine decodes one JSON Lines article. start is the line's byte offset
// in the input, for error messages.
func jsonLine(name, id string, lineNo int, start int64, line []byte) Article {
	if i := invalidUTF8At(line); i >= 0 {
		return failed(id, "not valid UTF-8 (first bad byte at offset %d of the input)", start+int64(i))
	}
	members, err := scanObject(line)
	if errors.Is(err, errNotObject) {
		return failed(id, "malformed JSON line: not a JSON object")
	}
	if err != nil {
		return failed(id, "malformed JSON line: %v", err)
	}
	fields := make(map[string]json.RawMessage, len(members))
	byKey := make(map[string]jsonMember, len(members))
	for _, m := range members {
		fields[m.key] = m.raw // a repeated key: the last wins, as in encoding/json
		byKey[m.key] = m
	}
	a := Article{ID: id}
	if raw, ok := fields["id"]; ok {
		// An id that is an object or array is not an id; it passes through.
		if s := jsonScalar(raw); s != "" {
			a.ID = s
			delete(fields, "id")
		}
	}
	// A line that parsed but is not an article keeps the line's own id,
	// so the report lines up with the user's ids; the message names the
	// line.
	text, key, err := jsonStringField(fields, jsonText...)
	switch {
	case err != nil:
		return withID(failed(id, "%v", err), a.ID)
	case key == "":
		return withID(failed(id, "no text field (want \"text\", \"body\" or \"content\")"), a.ID)
	case strings.TrimFunc(text, unicode.IsSpace) == "":
		return withID(failed(id, "%q is empty, no article", key), a.ID)
	}
	if reason := controlReason(text); reason != "" {
		return withID(failed(id, "%q %s", key, reason), a.ID)
	}
	doc := newDoc(a.ID, text)
	doc.Path = name // the input file; the id stays separate
	doc.BaseLine = lineNo
	doc.Anchors = textAnchors(line, byKey[key], lineNo)
	note := func(s string) { a.Notes = append(a.Notes, s) }
	doc.Title = jsonOptional(fields, note, "title")
	doc.URL = jsonOptional(fields, note, jsonURL...)
	doc.Source = jsonOptional(fields, note, "source")
	doc.Byline = jsonPeople(fields, note, jsonByline...)
	if raw, ok := fields["date"]; ok {
		delete(fields, "date")
		s := jsonScalar(raw)
		if t, ok := parseDate(s); ok {
			doc.Date = t
		} else if s != "" {
			note(fmt.Sprintf("date %s not understood; the article has no date", raw))
		}
	}
	if len(fields) > 0 {
		doc.Extra = make(map[string]any, len(fields))
		for k, raw := range fields {
			doc.Extra[k] = jsonValue(raw)
		}
	}
	a.Doc = doc
	return a
}

// textAnchors maps an article's text back to its JSON line: the text
// starts one column after the string's opening quote, and every escape
// ("\n", "\u00e9", "\"") moves the rest of the text along the raw line.
// Columns count code points of the raw line.
func textAnchors(line []byte, m jsonMember, lineNo int) []document.Anchor {
	ea := &escapeAnchors{line: int32(lineNo), col: int32(utf8.RuneCount(line[:m.off])) + 2}
	ea.anchors = []document.Anchor{{Offset: 0, Line: ea.line, Column: ea.col}}
	if bytes.IndexByte(m.raw, '\\') >= 0 {
		if _, err := unquoteJSONAnchored(m.raw, ea); err != nil {
			return nil
		}
	}
	return ea.anchors
}

func withID(a Article, id string) Article {
	a.ID = id
	return a
}

// jsonStringField takes the first of keys that is present; it must be a
// string. key is "" when none is present.
func jsonStringField(fields map[string]json.RawMessage, keys ...string) (s, key string, err error) {
	for _, k := range keys {
		raw, ok := fields[k]
		if !ok || string(raw) == "null" {
			continue
		}
		if len(raw) == 0 || raw[0] != '"' {
			return "", k, fmt.Errorf("%q is not a string", k)
		}
		s, err := unquoteJSON(raw)
		if err != nil {
			return "", k, fmt.Errorf("%q: %v", k, err)
		}
		delete(fields, k)
		return s, k, nil
	}
	return "", "", nil
}

// jsonOptional reads an optional string field; a field of another type is
// left in place (it passes through to Extra) with a note.
func jsonOptional(fields map[string]json.RawMessage, note func(string), keys ...string) string {
	s, key, err := jsonStringField(fields, keys...)
	if err != nil {
		note(fmt.Sprintf("field %q ignored: not a string", key))
		return ""
	}
	return strings.TrimSpace(s)
}

// jsonPeople reads a byline given as a string, an object with a name, or
// an array of either.
func jsonPeople(fields map[string]json.RawMessage, note func(string), keys ...string) string {
	for _, k := range keys {
		raw, ok := fields[k]
		if !ok {
			continue
		}
		var v any
		if err := json.Unmarshal(raw, &v); err == nil {
			if s := personNames(v); s != "" {
				delete(fields, k)
				return s
			}
		}
		if string(raw) != "null" && string(raw) != `""` {
			note(fmt.Sprintf("field %q ignored: not a name", k))
		}
	}
	return ""
}

// jsonScalar is a string's value or a number's or bool's literal text; ""
// for null, objects and arrays.
func jsonScalar(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		s, _ := unquoteJSON(raw)
		return strings.TrimSpace(s)
	case '{', '[', 'n':
		return ""
	}
	return string(raw)
}

// jsonValue decodes a pass-through field; numbers stay json.Number so they
// are written back exactly as read.
func jsonValue(raw json.RawMessage) any {
	switch raw[0] {
	case '"':
		if s, err := unquoteJSON(raw); err == nil {
			return s
		}
	case 't':
		return true
	case 'f':
		return false
	case 'n':
		return nil
	case '{', '[':
	default:
		return json.Number(raw)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return raw
	}
	return v
}

// JSONLine decodes one JSON Lines article read outside a file (a Beam
// element): name stands for its input and lineNo for its line there (0:
// unknown); an article without an id gets "name#lineNo".
func JSONLine(name string, lineNo int, line []byte) Article {
	a := jsonLine(name, fmt.Sprintf("%s#%d", name, lineNo), lineNo, 0, line)
	a.Path = name
	return a
}
