package ingest

import (
	"bytes"
)

// feedItemSpan is one item (RSS <item>, Atom <entry>) of a feed's bytes.
type feedItemSpan struct {
	start, end int  // [start, end) of the element in the feed
	complete   bool // its end tag was found (false: the feed ends inside it)
}

// feedLayout is what a tolerant read needs of a feed's raw bytes: where
// each item lies, and the header before the first with the elements it
// leaves open (closed again after each item).
type feedLayout struct {
	items   []feedItemSpan
	header  []byte
	closing []byte // end tags for the elements open at the first item
}

// scanFeed finds a feed's items without parsing it as a whole, so one bad
// item or a truncated tail costs only those items. Comments, CDATA
// sections and processing instructions are skipped; an item is an element
// named item or entry (any prefix).
func scanFeed(data []byte) feedLayout {
	var l feedLayout
	var open []string // elements open before the first item
	for i := 0; i < len(data); {
		k := bytes.IndexByte(data[i:], '<')
		if k < 0 {
			break
		}
		i += k
		if skip := skipMarkup(data, i); skip > i {
			i = skip
			continue
		}
		name, end, closing, selfClosing := tagAt(data, i)
		if name == "" {
			i++
			continue
		}
		local := name[bytes.LastIndexByte([]byte(name), ':')+1:]
		if !closing && !selfClosing && (local == "item" || local == "entry") {
			if l.items == nil {
				l.header = data[:i]
				for j := len(open) - 1; j >= 0; j-- {
					l.closing = append(l.closing, "</"+open[j]+">"...)
				}
			}
			stop, ok := itemEnd(data, end, name)
			l.items = append(l.items, feedItemSpan{start: i, end: stop, complete: ok})
			i = stop
			continue
		}
		if l.items == nil && !selfClosing {
			if closing {
				if n := len(open); n > 0 && open[n-1] == name {
					open = open[:n-1]
				}
			} else if name[0] != '?' && name[0] != '!' {
				open = append(open, name)
			}
		}
		i = end
	}
	return l
}

// skipMarkup returns the offset after a comment, CDATA section,
// processing instruction or declaration at i, or i when there is none.
func skipMarkup(data []byte, i int) int {
	for _, m := range [][2]string{{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"}, {"<!", ">"}} {
		if bytes.HasPrefix(data[i:], []byte(m[0])) {
			if e := bytes.Index(data[i+len(m[0]):], []byte(m[1])); e >= 0 {
				return i + len(m[0]) + e + len(m[1])
			}
			return len(data)
		}
	}
	return i
}

// tagAt reads the tag at data[i] ('<'): its name, the offset after '>',
// and whether it is an end tag or self-closing. name is "" when there is
// no well-formed tag.
func tagAt(data []byte, i int) (name string, end int, closing, selfClosing bool) {
	j := i + 1
	if j < len(data) && data[j] == '/' {
		closing = true
		j++
	}
	s := j
	for j < len(data) && !bytes.ContainsRune([]byte(" \t\r\n/>"), rune(data[j])) {
		j++
	}
	if j == s {
		return "", 0, false, false
	}
	name = string(data[s:j])
	gt := bytes.IndexByte(data[j:], '>')
	if gt < 0 {
		return "", 0, false, false
	}
	end = j + gt + 1
	selfClosing = data[end-2] == '/'
	return name, end, closing, selfClosing
}

// itemEnd finds the end tag of the item element opened before from.
func itemEnd(data []byte, from int, name string) (int, bool) {
	for i := from; i < len(data); {
		k := bytes.IndexByte(data[i:], '<')
		if k < 0 {
			break
		}
		i += k
		if skip := skipMarkup(data, i); skip > i {
			i = skip
			continue
		}
		if n, end, closing, _ := tagAt(data, i); closing && n == name {
			return end, true
		}
		i++
	}
	return len(data), false
}
