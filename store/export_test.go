package store

import "database/sql"

// DB exposes the write pool to this package's tests and benchmarks.
func (s *Store) DB() *sql.DB { return s.db }
