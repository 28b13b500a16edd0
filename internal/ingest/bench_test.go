package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkReadJSONL measures JSON Lines throughput (MB/s) on a generated
// batch of 2,000 articles of about 3 KB each, read as stdin:
//
//	go test ./internal/ingest -run '^$' -bench BenchmarkReadJSONL -benchmem
func BenchmarkReadJSONL(b *testing.B) {
	data := generatedJSONL(2000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := 0
		err := Read(context.Background(), []string{"-"}, Options{Stdin: bytes.NewReader(data)}, func(a Article) error {
			if a.Err != nil {
				return a.Err
			}
			n++
			return nil
		})
		if err != nil || n != 2000 {
			b.Fatalf("read %d articles: %v", n, err)
		}
	}
}

// generatedJSONL writes n articles with the fields a real feed carries,
// including unknown ones that pass through to Extra.
func generatedJSONL(n int) []byte {
	sentences := []string{
		"The council met on Tuesday to discuss the harbour budget.",
		"Residents said the new timetable left them without a morning bus.",
		"\"We will look at it again in the spring,\" said the transport officer.",
		"Figures published last week show a 4.2% rise in visitor numbers.",
		"The proposal now goes to a public consultation lasting six weeks.",
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := range n {
		var text strings.Builder
		for p := range 8 {
			for s := range 5 {
				text.WriteString(sentences[(i+p+s)%len(sentences)])
				text.WriteByte(' ')
			}
			text.WriteString("\n\n")
		}
		_ = enc.Encode(map[string]any{
			"id": fmt.Sprintf("gen-%d", i), "title": fmt.Sprintf("Generated article %d", i),
			"text": text.String(), "date": "2025-03-05", "url": fmt.Sprintf("https://news.example/%d", i),
			"source": "Generated Gazette", "byline": "A. Writer", "label": "human", "split": "train",
		})
	}
	return buf.Bytes()
}
