package fault

// A shared workspace's roles and moves (selaras
// workspace init, user add, push and pull; backend/shared).
const (
	SharedNeedsServer Code = "shared_needs_server" // {path}: a file where a postgres:// URL is needed
	SharedNeedsFile   Code = "shared_needs_file"   // {path}: a URL where a workspace file is needed
	SharedBadName     Code = "shared_bad_name"     // {name}
	SharedBadRole     Code = "shared_bad_role"     // {role}
	SharedNoBidang    Code = "shared_no_bidang"    // {name}
	SharedNoPassword  Code = "shared_no_password"  // {name}
	SharedUserExists  Code = "shared_user_exists"  // {name}
	SharedNotEmpty    Code = "shared_not_empty"    // {path}, {found}: the tables and their row counts
)
