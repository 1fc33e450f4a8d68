package fault

// The meeting room: attendance signed on phones and decisions followed
// live (backend/room, backend/rakor's attendance). Kept in one block so
// merges stay easy.
const (
	// A NIP whose first 8 digits {value} are no plausible birth date.
	ReasonNIPBirth Code = "reason_room_nip_birth"
	// A NIP whose digits 9–14 {value} are no plausible year and month of appointment.
	ReasonNIPAppointment Code = "reason_room_nip_appointment"
	// A NIP whose 15th digit {value} is not 1 or 2.
	ReasonNIPSex Code = "reason_room_nip_sex"
	// A NIP ending in 000.
	ReasonNIPSequence Code = "reason_room_nip_sequence"
	// Text of {count} characters where {max} fit.
	ReasonTooLong Code = "reason_room_too_long"
	// A signature that is not a PNG, drawn on a canvas of {width}x{height}
	// beyond {maxWidth}x{maxHeight}, larger than {max} KB, or without ink.
	ReasonSignatureNotPNG Code = "reason_room_signature_not_png"
	ReasonSignatureSize   Code = "reason_room_signature_size"
	ReasonSignatureTooBig Code = "reason_room_signature_too_big"
	ReasonSignatureEmpty  Code = "reason_room_signature_empty"

	// A sign-in on {day}, not a day of the meeting ({start} to {end}).
	NotMeetingDay Code = "room_not_meeting_day"

	// Opening the room: no Wi-Fi or hotspot address to listen on; the
	// meeting ended on {date}; no free port from {from} to {to}; an address
	// {addr} given that cannot be listened on ({cause}).
	RoomNoNetwork    Code = "room_no_network"
	RoomMeetingEnded Code = "room_meeting_ended"
	RoomPortBusy     Code = "room_port_busy"
	RoomListen       Code = "room_listen"
	// No room is open.
	RoomNotOpen Code = "room_not_open"

	// What a phone is told when the room refuses a request: the link is
	// wrong or the room closed, too many requests, a request too large,
	// a request that is not what the page sends, downloads not allowed.
	RoomWrongLink   Code = "room_wrong_link"
	RoomSlowDown    Code = "room_slow_down"
	RoomTooLarge    Code = "room_too_large"
	RoomBadRequest  Code = "room_bad_request"
	RoomNoDownloads Code = "room_no_downloads"
	RoomBusy        Code = "room_busy"
)
