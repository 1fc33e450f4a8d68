package rakor

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"selaras/backend/fault"
	"selaras/backend/scribble"
	"selaras/backend/store"
	"selaras/backend/store/storetest"
)

var signedOn = time.Date(2024, 2, 23, 9, 5, 0, 0, time.UTC)

func TestCheckNIP(t *testing.T) {
	today := time.Date(2024, 2, 23, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		nip    string
		reason fault.Code
	}{
		{"", ""},
		{"198503122010011005", ""},
		{"196812311994032001", ""}, // born 1968, appointed March 1994, a woman
		{"19850312201001100", fault.ReasonNIPDigits},
		{"1985031220100110055", fault.ReasonNIPDigits},
		{"19850312201001100A", fault.ReasonNIPDigits},
		{"198502302010011005", fault.ReasonNIPBirth},       // 30 February
		{"201001012010011005", fault.ReasonNIPBirth},       // 14 years old
		{"193001012010011005", fault.ReasonNIPBirth},       // 94 years old
		{"198503122010131005", fault.ReasonNIPAppointment}, // month 13
		{"198503121995011005", fault.ReasonNIPAppointment}, // appointed at 9
		{"198503122025011005", fault.ReasonNIPAppointment}, // appointed after the meeting
		{"198503122010013005", fault.ReasonNIPSex},
		{"198503122010011000", fault.ReasonNIPSequence},
	}
	for _, tt := range tests {
		t.Run(tt.nip, func(t *testing.T) {
			err := CheckNIP(tt.nip, today)
			if tt.reason == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			var fe *fault.Error
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.reason, fe.Reason)
			assert.Equal(t, "nip", fault.FieldOf(err))
			assert.NotContains(t, fault.Message(err, fault.ID), "{")
			assert.NotContains(t, fault.Message(err, fault.EN), "{")
		})
	}
	assert.Equal(t, "198503122010011005", NormalizeNIP(" 19850312 201001 1 005 "))
	assert.Equal(t, "198503122010011005", NormalizeNIP("19850312.201001.1.005"))
}

func TestNameKey(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Drs. Jasmono, M.Si", "jasmono"},
		{"Hj. Riza  Aryani, S.E., M.M.", "riza aryani"},
		{"Dr. Ir. H. Koko Haryono", "koko haryono"},
		{"KOKO HARYONO", "koko haryono"},
		{"Muhamad Nasir Kilkoda", "muhamad nasir kilkoda"},
	} {
		assert.Equal(t, tt.b, NameKey(tt.a), tt.a)
	}
}

func TestCheckSignature(t *testing.T) {
	good, err := CheckSignature(scribble.Draw("Riza Aryani", 600, 240))
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(good))
	require.NoError(t, err)
	assert.Less(t, img.Bounds().Dx(), 600, "cropped to the strokes")
	assert.LessOrEqual(t, len(good), MaxSignatureBytes)

	// A PNG whose header claims a huge canvas is refused before decoding.
	huge := scribble.Blank(600, 240)
	copy(huge[16:24], []byte{0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30}) // 30000 x 30000 in IHDR
	binary.BigEndian.PutUint32(huge[29:33], crc32.ChecksumIEEE(huge[12:29]))
	tests := []struct {
		name   string
		data   []byte
		code   fault.Code
		reason fault.Code
	}{
		{"nothing", nil, fault.Required, ""},
		{"not a png", []byte("GIF89a this is not a signature"), fault.Invalid, fault.ReasonSignatureNotPNG},
		{"html", []byte("<script>alert(1)</script>"), fault.Invalid, fault.ReasonSignatureNotPNG},
		{"20 MB", bytes.Repeat([]byte{0x89}, 20<<20), fault.Invalid, fault.ReasonSignatureTooBig},
		{"a claimed huge canvas", huge, fault.Invalid, fault.ReasonSignatureSize},
		{"too small a pad", scribble.Draw("A", 40, 20), fault.Invalid, fault.ReasonSignatureSize},
		{"untouched pad", scribble.Blank(600, 240), fault.Invalid, fault.ReasonSignatureEmpty},
		{"a filled rectangle", scribble.Filled(600, 240), fault.Invalid, fault.ReasonSignatureEmpty},
		{"truncated", scribble.Draw("Riza Aryani", 600, 240)[:2000], fault.Invalid, fault.ReasonSignatureNotPNG},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CheckSignature(tt.data)
			require.Error(t, err)
			assert.Equal(t, tt.code, fault.CodeOf(err))
			var fe *fault.Error
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.reason, fe.Reason)
		})
	}
}

// meetingOn adds a meeting from start to end with the listed participants.
func meetingOn(t *testing.T, s *store.Store, start, end string, ps ...Participant) Meeting {
	t.Helper()
	ctx := context.Background()
	m, err := SaveMeeting(ctx, s, Meeting{Kind: Rakor, Title: "Rapat Koordinasi Renja", StartDate: start, EndDate: end, PlanningYear: 2025})
	require.NoError(t, err)
	if len(ps) > 0 {
		_, err = AddParticipants(ctx, s, m.ID, ps)
		require.NoError(t, err)
	}
	return m
}

func arrival(name, nip string) Arrival {
	return Arrival{Name: name, NIP: nip, Position: "Kepala Bidang", Institution: "Dinas KUKM Kabupaten Bangka", Region: "19.01",
		Signature: scribble.Draw(name, 600, 240)}
}

func TestSignInMatchesTheList(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meetingOn(t, s, "2024-02-23", "2024-02-23",
		Participant{Name: "Dr. Ir. Koko Haryono, M.Si", Position: "Sekretaris Deputi", Institution: "Kementerian Koperasi dan UKM"},
		Participant{Name: "Riza Aryani", NIP: "198503122010012005", Attendance: TidakHadir},
		Participant{Name: "Budi Santoso", NIP: "197001011995031001"})

	// By name, titles aside: the list keeps what the secretariat wrote and
	// gains the NIP and region it lacked.
	got, err := SignIn(ctx, s, m.ID, "2024-02-23", arrival("koko haryono", "196901011994031002"), signedOn)
	require.NoError(t, err)
	assert.False(t, got.Added)
	assert.Equal(t, 1, got.DayNo)
	ps, err := Participants(ctx, s, m.ID)
	require.NoError(t, err)
	require.Len(t, ps, 3)
	assert.Equal(t, "Dr. Ir. Koko Haryono, M.Si", ps[0].Name)
	assert.Equal(t, "Sekretaris Deputi", ps[0].Position)
	assert.Equal(t, "Kementerian Koperasi dan UKM", ps[0].Institution)
	assert.Equal(t, "196901011994031002", ps[0].NIP)
	assert.Equal(t, "19.01", ps[0].Region)

	// By NIP, whatever the name typed; someone marked absent came.
	got, err = SignIn(ctx, s, m.ID, "2024-02-23", arrival("Riza A.", "19850312 201001 2 005"), signedOn)
	require.NoError(t, err)
	assert.Equal(t, ps[1].ID, got.ParticipantID)
	p, err := getParticipant(ctx, s.Read(), ps[1].ID)
	require.NoError(t, err)
	assert.Equal(t, Hadir, p.Attendance)

	// The same name with another NIP is someone else: added at the end.
	got, err = SignIn(ctx, s, m.ID, "2024-02-23", arrival("Budi Santoso", "198001012005011003"), signedOn)
	require.NoError(t, err)
	assert.True(t, got.Added)
	ps, err = Participants(ctx, s, m.ID)
	require.NoError(t, err)
	require.Len(t, ps, 4)
	assert.Equal(t, 4, ps[3].SortOrder)
	assert.Equal(t, Peserta, ps[3].Role)

	signed, err := Attendances(ctx, s, m.ID)
	require.NoError(t, err)
	assert.Len(t, signed, 3)
	for _, x := range signed {
		assert.Len(t, x.SHA256, 64)
		assert.Equal(t, "2024-02-23T09:05:00Z", x.SignedAt)
	}
}

// A second sign-in the same day changes nothing (the first signature
// stays); the next day of the meeting has its own signature; a day outside
// the meeting is refused with nothing written.
func TestSignInOncePerDay(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meetingOn(t, s, "2024-06-11", "2024-06-13")
	first, err := SignIn(ctx, s, m.ID, "2024-06-11", arrival("Norhani", ""), signedOn)
	require.NoError(t, err)
	again := arrival("Norhani", "")
	again.Signature = scribble.Draw("someone else", 600, 240)
	second, err := SignIn(ctx, s, m.ID, "2024-06-11", again, signedOn.Add(time.Hour))
	require.NoError(t, err)
	assert.True(t, second.Already)
	assert.Equal(t, first.ParticipantID, second.ParticipantID)
	kept, err := Signature(ctx, s, first.ParticipantID, "2024-06-11")
	require.NoError(t, err)
	want, err := CheckSignature(scribble.Draw("Norhani", 600, 240))
	require.NoError(t, err)
	assert.Equal(t, want, kept, "the first signature of the day stays")

	third, err := SignIn(ctx, s, m.ID, "2024-06-13", again, signedOn)
	require.NoError(t, err)
	assert.Equal(t, 3, third.DayNo)
	assert.False(t, third.Already)
	sigs, err := Signatures(ctx, s, m.ID)
	require.NoError(t, err)
	assert.Len(t, sigs[first.ParticipantID], 2)

	_, err = SignIn(ctx, s, m.ID, "2024-06-14", arrival("Ani", ""), signedOn)
	assert.Equal(t, fault.NotMeetingDay, fault.CodeOf(err))
	ps, err := Participants(ctx, s, m.ID)
	require.NoError(t, err)
	assert.Len(t, ps, 1, "nothing written for a day outside the meeting")

	assert.Equal(t, []string{"2024-06-11", "2024-06-12", "2024-06-13"}, MeetingDays(m))
}

// Refused input writes nothing.
func TestSignInRefusesBadInput(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meetingOn(t, s, "2024-02-23", "2024-02-23")
	bad := []Arrival{
		{Name: "", Signature: scribble.Draw("x", 600, 240)},
		{Name: strings.Repeat("a", 121), Signature: scribble.Draw("x", 600, 240)},
		{Name: "Ani", NIP: "123", Signature: scribble.Draw("x", 600, 240)},
		{Name: "Ani", Region: "99.99", Signature: scribble.Draw("x", 600, 240)},
		{Name: "Ani", Signature: scribble.Blank(600, 240)},
		{Name: "Ani"},
	}
	for _, a := range bad {
		_, err := SignIn(ctx, s, m.ID, "2024-02-23", a, signedOn)
		assert.Error(t, err)
	}
	_, err := SignIn(ctx, s, 9999, "2024-02-23", arrival("Ani", ""), signedOn)
	assert.Equal(t, fault.NotFound, fault.CodeOf(err))
	ps, err := Participants(ctx, s, m.ID)
	require.NoError(t, err)
	assert.Empty(t, ps)
	var n int
	require.NoError(t, s.Read().QueryRow("SELECT count(*) FROM attendance_signature").Scan(&n))
	assert.Zero(t, n)
}

// Twenty phones sending the same person at once: one line, one signature.
func TestSignInAtOnceNeverDuplicates(t *testing.T) {
	s := setup(t)
	ctx := context.Background()
	m := meetingOn(t, s, "2024-02-23", "2024-02-23")
	// Half the sends carry the NIP, half the name alone in other letter case.
	errs := storetest.AtOnce(40, func(i int) error {
		who := arrival("Saeful Bahri", "197502142000031002")
		if i%2 == 1 {
			who = arrival("saeful bahri", "")
		}
		_, err := SignIn(ctx, s, m.ID, "2024-02-23", who, signedOn)
		return err
	})
	for i, err := range errs {
		require.NoError(t, err, "writer %d", i)
	}
	ps, err := Participants(ctx, s, m.ID)
	require.NoError(t, err)
	assert.Len(t, ps, 1)
	signed, err := Attendances(ctx, s, m.ID)
	require.NoError(t, err)
	assert.Len(t, signed, 1)
}
