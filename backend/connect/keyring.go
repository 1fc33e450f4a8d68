package connect

import (
	"errors"
	"sync"

	"github.com/zalando/go-keyring"

	"selaras/backend/fault"
)

// Service is the name the passwords are kept under in the operating
// system's credential store (Windows Credential Manager, macOS Keychain,
// the Secret Service on Linux).
const Service = "Selaras"

// ErrNoPassword: the credential store holds no password for the account.
var ErrNoPassword = errors.New("connect: no password kept")

// Keyring keeps passwords per account. OS is the operating system's; a
// computer without one (Linux with no Secret Service on D-Bus) gets a
// Keyring whose Available says why.
type Keyring interface {
	// Available is nil when passwords can be kept, else why not.
	Available() error
	Get(account string) (string, error) // ErrNoPassword when none is kept
	Set(account, password string) error
	Delete(account string) error
}

// OS returns the operating system's credential store, probed once (at its
// first use) for whether it answers: go-keyring on Linux needs a Secret
// Service on the session bus, which servers and minimal desktops lack.
func OS() Keyring {
	return osKeyring{probe: sync.OnceValue(func() error {
		_, err := keyring.Get(Service, "probe")
		if err == nil || errors.Is(err, keyring.ErrNotFound) {
			return nil
		}
		return fault.Wrap(err, fault.KeyringMissing, "")
	})}
}

type osKeyring struct{ probe func() error }

func (k osKeyring) Available() error { return k.probe() }

func (k osKeyring) Get(account string) (string, error) {
	if err := k.Available(); err != nil {
		return "", ErrNoPassword
	}
	pw, err := keyring.Get(Service, account)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", ErrNoPassword
	}
	if err != nil {
		return "", fault.Wrap(err, fault.KeyringFailed, "")
	}
	return pw, nil
}

func (k osKeyring) Set(account, password string) error {
	if err := k.Available(); err != nil {
		return err
	}
	if err := keyring.Set(Service, account, password); err != nil {
		return fault.Wrap(err, fault.KeyringFailed, "")
	}
	return nil
}

func (k osKeyring) Delete(account string) error {
	if k.Available() != nil {
		return nil
	}
	if err := keyring.Delete(Service, account); err != nil && !errors.Is(err, keyring.ErrNotFound) {
		return fault.Wrap(err, fault.KeyringFailed, "")
	}
	return nil
}

// Resolve completes the URL of a shared workspace with its password: the
// one the URL carries (SELARAS_DB=postgres://u:p@…), else the one typed
// (asked at start), else the one kept in kr. need is true when none of
// these has it: the caller asks the user. The password never appears in
// what is returned except inside full.
func Resolve(raw, typed string, kr Keyring) (full string, need bool, err error) {
	t, pw, err := Parse(raw)
	if err != nil {
		return "", false, err
	}
	full = WithTimeout(raw)
	switch {
	case pw != "":
		return full, false, nil
	case typed != "":
		return WithPassword(full, typed), false, nil
	}
	kept, err := kr.Get(t.Account())
	if errors.Is(err, ErrNoPassword) {
		return full, true, nil
	}
	if err != nil {
		return full, true, nil // a store that fails to answer: ask, do not fail
	}
	return WithPassword(full, kept), false, nil
}

// Keep remembers password for t in kr when remember is set (and kr can),
// and forgets any kept one otherwise, so unticking "remember" takes effect.
func Keep(kr Keyring, t Target, password string, remember bool) error {
	if !remember {
		return kr.Delete(t.Account())
	}
	if password == "" {
		return nil
	}
	return kr.Set(t.Account(), password)
}
