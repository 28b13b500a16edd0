package scorecmd

var ProgressLineForTest = progressLine
