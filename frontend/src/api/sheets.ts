// Go's sheet kinds that need a meeting, from the generated enum: a module of
// its own so the generated models stay off the first screen's script.
import { app } from '../lib/wailsjs/go/models'

/** The sheets about one meeting: a workbook holding one needs a meeting (Go's Sheet.NeedsMeeting). */
export const meetingSheets: readonly string[] = Object.values(app.MeetingSheet)
