package refingest

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/copydesk/copydesk/internal/pipeline"
	"github.com/copydesk/copydesk/internal/refstore"
)

// Batch indexes the articles of a run into a temporary store, so that
// they can serve as coverage for each other (score --coverage batch): a
// first pass over the inputs, through the same run path as `ref add`.
// The articles are indexed with trust other, so they corroborate and
// class quotes but never contradict. close removes the store.
func Batch(ctx context.Context, source pipeline.Source, defaultDate time.Time, jobs int) (st *refstore.Store, stats Stats, close func() error, err error) {
	dir, err := os.MkdirTemp("", "copydesk-batch-coverage-")
	if err != nil {
		return nil, Stats{}, nil, fmt.Errorf("batch coverage: %w", err)
	}
	st, err = refstore.Open(dir, false)
	if err != nil {
		os.RemoveAll(dir)
		return nil, Stats{}, nil, fmt.Errorf("batch coverage: %w", err)
	}
	close = func() error {
		err := st.Close()
		if rerr := os.RemoveAll(dir); err == nil {
			err = rerr
		}
		return err
	}
	setup, err := pipeline.NewSetup(pipeline.SetupOptions{Fitting: true})
	if err != nil {
		close()
		return nil, Stats{}, nil, err
	}
	stats, err = Add(ctx, st, setup, source, Options{Trust: refstore.Other, DefaultDate: defaultDate, Jobs: jobs})
	if err != nil {
		close()
		return nil, stats, nil, fmt.Errorf("batch coverage: %w", err)
	}
	return st, stats, close, nil
}
