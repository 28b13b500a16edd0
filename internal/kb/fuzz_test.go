package kb

import (
	"bytes"
	"compress/gzip"
	"testing"
)

// FuzzImport feeds arbitrary bytes (plain, or gzip-wrapped when gz is set)
// to the knowledge base importer in every format: it must return records
// or an error, never panic, and never expand input without bound. The
// decompression limits are lowered so a bomb the fuzzer builds fails fast.
//
//	go test ./internal/kb -run '^$' -fuzz '^FuzzImport$' -fuzztime 10m -timeout 30m
func FuzzImport(f *testing.F) {
	f.Add([]byte(`{"name":"Jane Roe","role":"mayor","organization":"Springfield","country":"US","start":"2020-02-31","source":"x"}`+"\n"), false, uint8(0))
	f.Add([]byte("name,role,organization,country,start,end,source\nJane Roe,mayor,Springfield,US,2020-01-01,,x\n"), true, uint8(0))
	f.Add([]byte(`[{"id":"Q1","labels":{"en":{"value":"X"}},"claims":{"P39":[{"mainsnak":{"datavalue":{"value":{"id":"Q2"}}}}]}}]`), false, uint8(3))
	f.Add([]byte(`{"head":{"vars":["p"]},"results":{"bindings":[{"p":{"value":"x"}}]}}`), false, uint8(4))
	f.Add(make([]byte, 4096), true, uint8(0))
	f.Add([]byte("BZh91AY&SY"), false, uint8(0))
	formats := []Format{FormatAuto, FormatJSONL, FormatCSV, FormatWikidata, FormatWDQS}
	f.Fuzz(func(t *testing.T, data []byte, gz bool, format uint8) {
		defer func(size, ratio int64) { MaxDecompressedBytes, MaxCompressionRatio = size, ratio }(MaxDecompressedBytes, MaxCompressionRatio)
		MaxDecompressedBytes, MaxCompressionRatio = 1<<20, 200
		in := data
		if gz {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(data)
			zw.Close()
			in = buf.Bytes()
		}
		recs, _, err := Import(bytes.NewReader(in), formats[int(format)%len(formats)])
		if err != nil && recs != nil {
			t.Fatalf("error %v with %d records", err, len(recs))
		}
	})
}
