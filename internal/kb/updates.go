package kb

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// UpdateEnv names the environment variable that moves the file `copydesk
// kb update` writes and later runs read, or with "off" makes runs ignore
// it (a CI job that must be reproducible).
const UpdateEnv = "COPYDESK_KB_UPDATE"

// UpdatePath is where `copydesk kb update` writes by default and where
// every run looks for it: $COPYDESK_KB_UPDATE, else kb-update.jsonl in
// copydesk's directory under the user's cache directory
// ($XDG_CACHE_HOME or ~/.cache on Linux). "" when turned off.
func UpdatePath() (string, error) {
	switch v := os.Getenv(UpdateEnv); v {
	case "off":
		return "", nil
	case "":
	default:
		return v, nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory for the knowledge base update (set %s): %w", UpdateEnv, err)
	}
	return filepath.Join(dir, "copydesk", "kb-update.jsonl"), nil
}

// WithUpdates returns the embedded knowledge base merged with the file
// `copydesk kb update` wrote, when there is one, and that file's path
// ("" when none was read). A missing file is no error: the update is
// optional.
func WithUpdates() (*KB, string, error) {
	k, err := Default()
	if err != nil {
		return nil, "", err
	}
	path, err := UpdatePath()
	if err != nil || path == "" {
		return k, "", nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return k, "", nil
	}
	upd, err := Load(path)
	if err != nil {
		return nil, "", fmt.Errorf("knowledge base update %s (delete it or run copydesk kb update): %w", path, err)
	}
	k, err = k.Merge(upd)
	if err != nil {
		return nil, "", err
	}
	return k, path, nil
}
