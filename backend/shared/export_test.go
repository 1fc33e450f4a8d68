package shared

// Classified lists every table a role's rights name (see roles.go).
func Classified() []string {
	return append(append(append([]string{}, sekretariatTables...), bidangTables...), adminOnly...)
}
