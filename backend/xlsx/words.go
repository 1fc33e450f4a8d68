package xlsx

import (
	"time"

	"selaras/backend/rakor"
)

// DayDate writes a date with its weekday: "Jumat, 23 Februari 2024".
func DayDate(t time.Time) string { return rakor.DayNames[t.Weekday()] + ", " + LongDate(t) }
