package people

import "testing"

func TestAdministrations(t *testing.T) {
	text := "Moreover, the Biden administration has emphasized the need. The Israeli government declined. " +
		"Under the Trump administration, and later the Starmer government, the Federal government and the New administration changed little."
	got := Administrations(text)
	want := []string{"Biden", "Trump", "Starmer"}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, a := range got {
		if a.Leader != want[i] || text[a.Start:a.End] != a.Text {
			t.Errorf("%d: %+v", i, a)
		}
	}
}
