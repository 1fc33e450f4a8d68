package rakor

import (
	"strings"
	"time"

	"selaras/backend/fault"
)

// A civil servant's NIP (Nomor Induk Pegawai, PP 11/2017 and BKN's rules)
// is 18 digits: the birth date (YYYYMMDD), the year and month of appointment
// (YYYYMM), the sex (1 male, 2 female) and a sequence number (001–999).
// PPPK employees' numbers have the same shape. A number whose parts cannot
// be true is a typo: it is refused with the part that is wrong named.

// NormalizeNIP drops the spaces, dots and dashes people write between the
// parts ("19850312 201001 1 005"); anything else is kept for CheckNIP to
// refuse.
func NormalizeNIP(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '\u00a0', '\t':
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

// Bounds of a plausible civil servant at the time of a meeting: appointed
// no younger than 18, born no more than 80 years before it.
const (
	nipMinAge = 18
	nipMaxAge = 80
)

// CheckNIP refuses a NIP (normalized) that cannot belong to a civil servant
// on day today; an empty NIP (someone who is not a civil servant) passes.
func CheckNIP(nip string, today time.Time) error {
	const field = "participant.nip"
	if nip == "" {
		return nil
	}
	if len(nip) != 18 || strings.IndexFunc(nip, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return fault.Reject(field, fault.ReasonNIPDigits)
	}
	born, err := time.Parse("20060102", nip[:8])
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	if err != nil || born.After(today.AddDate(-nipMinAge, 0, 0)) || born.Before(today.AddDate(-nipMaxAge, 0, 0)) {
		return fault.Reject(field, fault.ReasonNIPBirth, "value", nip[:8])
	}
	appointed, err := time.Parse("200601", nip[8:14])
	months := func(t time.Time) int { return t.Year()*12 + int(t.Month()) }
	if err != nil || months(appointed) < months(born)+nipMinAge*12 || appointed.After(today) {
		return fault.Reject(field, fault.ReasonNIPAppointment, "value", nip[8:14])
	}
	if s := nip[14]; s != '1' && s != '2' {
		return fault.Reject(field, fault.ReasonNIPSex, "value", string(s))
	}
	if nip[15:] == "000" {
		return fault.Reject(field, fault.ReasonNIPSequence)
	}
	return nil
}
