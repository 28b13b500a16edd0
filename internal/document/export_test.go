package document

// MayMatchLegal and MayMatchReading are the prefilters of legalLine and
// readingTime, with the patterns, for the external tests.
func MayMatchLegal(line string) bool   { return mayMatchASCII(line, legalMarks) }
func MayMatchReading(line string) bool { return mayMatchASCII(line, readingMarks) }
func MatchLegal(line string) bool      { return legalLine.MatchString(line) }
func MatchReading(line string) bool    { return readingTime.MatchString(line) }
