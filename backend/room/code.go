package room

import (
	"crypto/rand"
	"crypto/subtle"
	"fmt"
	"math/big"
	"strings"
)

// The secret in a room's link: six characters a person can read off the
// wall and type on a phone (no 0/O, 1/I/L to confuse), about 30 bits. A
// phone trying wrong secrets is refused after a few (Limits.BadLinks), so
// guessing one within a meeting is out of reach.
const (
	codeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
	codeLen      = 6
)

func newCode() (string, error) {
	var b strings.Builder
	n := big.NewInt(int64(len(codeAlphabet)))
	for i := 0; i < codeLen; i++ {
		k, err := rand.Int(rand.Reader, n)
		if err != nil {
			return "", fmt.Errorf("room: secret: %w", err)
		}
		b.WriteByte(codeAlphabet[k.Int64()])
	}
	return b.String(), nil
}

// sameCode compares a typed secret with the room's, in constant time and
// in any case (a phone's keyboard may capitalise or not).
func sameCode(typed, code string) bool {
	return subtle.ConstantTimeCompare([]byte(strings.ToUpper(typed)), []byte(code)) == 1
}
