package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPlainTextKeepsTitleLine(t *testing.T) {
	a := readOne(t, Options{}, "testdata/plain.txt")
	mustDoc(t, a)
	data, _ := os.ReadFile("testdata/plain.txt")
	if a.Doc.Text != string(data) {
		t.Error("plain text was altered; offsets would not map to the input")
	}
	if a.Doc.Title != "Reservoir levels fall to lowest point in a decade" {
		t.Errorf("title %q", a.Doc.Title)
	}
	if l, c := positionOf(t, a, "Elin Vaughan"); l != 5 || c != 82 {
		t.Errorf("Elin Vaughan at %d:%d, want 5:82", l, c)
	}
	if l, c := positionOf(t, a, "Craigmoor"); l != 3 || c != 17 {
		t.Errorf("Craigmoor at %d:%d, want 3:17", l, c)
	}
}

func TestInferTitle(t *testing.T) {
	long := "This first line is a whole paragraph that goes on and on well past the length of any headline a newsroom would print on a page or a screen today, and then it keeps going"
	cases := []struct{ text, want string }{
		{"Storm closes coastal road\n\nThe A92 was shut on Friday.", "Storm closes coastal road"},
		{"\n\n  Is the pier safe?  \nEngineers say yes.", "Is the pier safe?"},
		{"The A92 was shut on Friday.\nIt reopened later.", ""},
		{"Storm closes coastal road", ""},
		{"Storm closes coastal road\n   \n", ""},
		{long + "\nMore text.", ""},
		{"- first bullet\n- second bullet", ""},
		{"2025\nA year of change.", ""},
	}
	for _, c := range cases {
		if got := inferTitle(c.text); got != c.want {
			t.Errorf("inferTitle(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
