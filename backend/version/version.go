// Package version holds the release of this build, set by the Makefile
// through -ldflags, and the schema it writes.
package version

// Version is overwritten at build time with -X selaras/backend/version.Version=...
var Version = "0.1.0-dev"

// Commit is the git commit of the build, when known.
var Commit = ""
