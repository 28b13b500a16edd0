//go:build race

package pipeline_test

// raceEnabled: the race detector slows code unevenly, so timing tests skip.
const raceEnabled = true
