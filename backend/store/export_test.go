package store

// OnlyMigrationsTo makes Open stop at schema version v, as an earlier
// Selaras would, until restore is called.
func OnlyMigrationsTo(v int) (restore func()) {
	saved := migrations
	migrations = migrations[:v]
	return func() { migrations = saved }
}

// Audited lists, by step, the tables whose audit triggers a step builds.
func Audited() map[int][]string {
	out := map[int][]string{}
	for _, m := range migrations {
		out[m.Version] = m.Audit
	}
	return out
}
