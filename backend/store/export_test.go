package store

// OnlyMigrationsTo makes Open stop at schema version v, as an earlier
// Selaras would, until restore is called.
func OnlyMigrationsTo(v int) (restore func()) {
	saved := migrations
	migrations = migrations[:v]
	return func() { migrations = saved }
}
