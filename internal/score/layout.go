package score

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/stat"

	"github.com/copydesk/copydesk/internal/analysis"
)

// LayoutSensitive compares each feature of articles as written (orig) with
// the same articles reformatted (reformatted: paragraphs run together,
// curly quotes made straight) and returns the features that move by more
// than a quarter of their spread across orig, on average. In the labelled news, human
// XSum and Learning2Rewrite texts were stored as single paragraphs with
// straight quotes while machine texts kept paragraphs and curly quotes: a
// model reading paragraph or quote-glyph features learns that storage
// quirk, and would flag every properly paragraphed human article.
func LayoutSensitive(orig, reformatted []*analysis.Result) []string {
	n := min(len(orig), len(reformatted))
	var vo, vr []map[string]float64
	for i := 0; i < n; i++ {
		if orig[i].Failed() || reformatted[i].Failed() {
			continue
		}
		vo = append(vo, orig[i].Features)
		vr = append(vr, reformatted[i].Features)
	}
	names := map[string]bool{}
	for i := range vo {
		for k := range vo[i] {
			names[k] = true
		}
		for k := range vr[i] {
			names[k] = true
		}
	}
	var out []string
	col := make([]float64, len(vo))
	for name := range names {
		// Mean absolute change: a feature that follows the formatting
		// moves on most articles, not just on an odd one out.
		var moved float64
		for i := range vo {
			col[i] = vo[i][name]
			moved += math.Abs(vo[i][name] - vr[i][name])
		}
		if len(vo) == 0 {
			break
		}
		moved /= float64(len(vo))
		_, std := stat.MeanStdDev(col, nil)
		if moved > 0 && (std == 0 || moved > 0.25*std) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
