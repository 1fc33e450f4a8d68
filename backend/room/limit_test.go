package room

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// A limit left at zero (or below) is the default; one given is kept. Every
// field counts: a limit added to Limits but not to withDefaults would come
// out zero here.
func TestLimitsWithDefaults(t *testing.T) {
	assert.Equal(t, DefaultLimits, Limits{}.withDefaults())
	assert.Equal(t, DefaultLimits, Limits{Requests: -1, Phones: -5}.withDefaults())
	own := Limits{Requests: 1, SignIns: 2, SignInEvery: time.Second, Followers: 3, MaxFollowers: 4,
		BadLinks: 5, Body: 6, Connections: 7, SignInsAtOnce: 8, Phones: 9}
	assert.Equal(t, own, own.withDefaults())
}
