// Package version says which copydesk this is.
package version

import "runtime/debug"

// Version is copydesk's release version; release builds set it with
// -ldflags "-X github.com/copydesk/copydesk/internal/version.Version=…".
var Version = "0.1.0"

// Commit returns the VCS revision the binary was built from, or "".
func Commit() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			return s.Value
		}
	}
	return ""
}
