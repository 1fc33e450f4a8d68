package rakor

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"selaras/backend/fault"
	"selaras/backend/harmonise"
	"selaras/backend/profile"
	"selaras/backend/region"
	"selaras/backend/store"
)

// SnapshotInfo describes a frozen harmonisation matrix without the matrix.
type SnapshotInfo struct {
	ID        int64  `json:"id"`
	MeetingID int64  `json:"meetingId"`
	Label     string `json:"label"`
	Province  string `json:"province"`
	Years     []int  `json:"years"`
	TakenAt   string `json:"takenAt"` // RFC 3339, UTC
	SHA256    string `json:"sha256"`  // of the stored matrix JSON
}

// Snapshot is the matrix exactly as it was computed when taken.
type Snapshot struct {
	Info   SnapshotInfo     `json:"info"`
	Matrix harmonise.Matrix `json:"matrix"`
}

// SnapshotRequest asks for a snapshot; empty fields take the meeting's
// province and planning year and a label naming both.
type SnapshotRequest struct {
	MeetingID int64  `json:"meetingId"`
	Label     string `json:"label"`
	Province  string `json:"province"`
	Years     []int  `json:"years"`
}

// TakeSnapshot is the one way a snapshot is written: it computes the
// harmonisation matrix with harmonise.Compute, the same computation the
// screen shows, and stores it frozen with the meeting. Values edited later do
// not change it. It takes the store, not a Writer: Compute reads committed
// values through the store's read pool, so it cannot see inside a caller's
// transaction.
func TakeSnapshot(ctx context.Context, s *store.Store, req SnapshotRequest) (SnapshotInfo, error) {
	m, err := GetMeeting(ctx, s, req.MeetingID)
	if err != nil {
		return SnapshotInfo{}, err
	}
	prov := strings.TrimSpace(req.Province)
	if prov == "" {
		prov = m.ProvinceCode
	}
	if prov == "" {
		return SnapshotInfo{}, fault.New(fault.Required, "snapshot.province")
	}
	if !region.Default().IsProvince(prov) {
		return SnapshotInfo{}, fault.New(fault.UnknownRegion, "snapshot.province", "code", prov)
	}
	years := req.Years
	if len(years) == 0 {
		years = []int{m.PlanningYear}
	}
	for _, y := range years {
		if y < profile.MinYear || y > profile.MaxYear {
			return SnapshotInfo{}, fault.New(fault.OutOfRange, "snapshot.years", "min", strconv.Itoa(profile.MinYear), "max", strconv.Itoa(profile.MaxYear))
		}
	}
	mx, err := harmonise.Compute(ctx, s, prov, years)
	if err != nil {
		return SnapshotInfo{}, err
	}
	label := clean(req.Label)
	if label == "" {
		label = defaultLabel(prov, years)
	}
	info := SnapshotInfo{MeetingID: m.ID, Label: label, Province: prov, Years: append([]int{}, years...),
		TakenAt: time.Now().UTC().Format(time.RFC3339)}
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		info, err = putSnapshot(ctx, tx, info, mx)
		return err
	})
	if err != nil {
		return SnapshotInfo{}, err
	}
	return info, nil
}

func defaultLabel(prov string, years []int) string {
	name := region.Default().NameOr(prov)
	ys := make([]string, len(years))
	for i, y := range years {
		ys[i] = strconv.Itoa(y)
	}
	return "Matriks target " + name + " " + strings.Join(ys, ", ")
}

// putSnapshot stores an already computed matrix inside tx and returns the
// stored info with its id and hash; province, years and time default to the
// matrix's and now.
func putSnapshot(ctx context.Context, tx *sql.Tx, info SnapshotInfo, mx harmonise.Matrix) (SnapshotInfo, error) {
	if err := meetingExists(ctx, tx, info.MeetingID); err != nil {
		return SnapshotInfo{}, err
	}
	info.Label = clean(info.Label)
	if info.Label == "" {
		return SnapshotInfo{}, fault.New(fault.Required, "snapshot.label")
	}
	if info.Province == "" {
		info.Province = mx.Province.Code
	}
	if len(info.Years) == 0 {
		info.Years = append([]int{}, mx.Years...)
	}
	if info.TakenAt == "" {
		info.TakenAt = time.Now().UTC().Format(time.RFC3339)
	}
	body, err := json.Marshal(mx)
	if err != nil {
		return SnapshotInfo{}, fmt.Errorf("rakor: snapshot: %w", err)
	}
	sum := sha256.Sum256(body)
	info.SHA256 = hex.EncodeToString(sum[:])
	years, err := json.Marshal(info.Years)
	if err != nil {
		return SnapshotInfo{}, fmt.Errorf("rakor: snapshot: %w", err)
	}
	newID, err := store.Insert(ctx, tx, `INSERT INTO snapshot(meeting_id, label, province_code, years, taken_at, sha256)
VALUES(?, ?, ?, ?, ?, ?)`, info.MeetingID, info.Label, info.Province, string(years), info.TakenAt, info.SHA256)
	if err != nil {
		return SnapshotInfo{}, fmt.Errorf("rakor: insert snapshot: %w", err)
	}
	info.ID = newID
	if _, err := tx.ExecContext(ctx, "INSERT INTO snapshot_matrix(snapshot_id, matrix) VALUES(?, ?)", info.ID, string(body)); err != nil {
		return SnapshotInfo{}, fmt.Errorf("rakor: insert snapshot: %w", err)
	}
	return info, nil
}

const snapshotCols = `id, meeting_id, label, province_code, years, taken_at, sha256`

func scanSnapshot(row interface{ Scan(...any) error }) (SnapshotInfo, error) {
	var info SnapshotInfo
	var years string
	if err := row.Scan(&info.ID, &info.MeetingID, &info.Label, &info.Province, &years, &info.TakenAt, &info.SHA256); err != nil {
		return SnapshotInfo{}, err
	}
	if err := json.Unmarshal([]byte(years), &info.Years); err != nil {
		return SnapshotInfo{}, fmt.Errorf("rakor: years of snapshot %d: %w", info.ID, err)
	}
	if info.Years == nil {
		info.Years = []int{}
	}
	return info, nil
}

// Snapshots lists a meeting's snapshots, oldest first.
func Snapshots(ctx context.Context, s *store.Store, meetingID int64) ([]SnapshotInfo, error) {
	out, err := store.QueryAll(ctx, s.Read(), scanSnapshot,
		"SELECT "+snapshotCols+" FROM snapshot WHERE meeting_id = ? ORDER BY taken_at, id", meetingID)
	if err != nil {
		return nil, fmt.Errorf("rakor: snapshots: %w", err)
	}
	return out, nil
}

// GetSnapshot returns a snapshot with its matrix as stored.
func GetSnapshot(ctx context.Context, s *store.Store, id int64) (Snapshot, error) {
	info, err := scanSnapshot(s.Read().QueryRowContext(ctx, "SELECT "+snapshotCols+" FROM snapshot WHERE id = ?", id))
	if err != nil {
		return Snapshot{}, store.NoRow(err, notFound("snapshot.id"), "rakor: get snapshot")
	}
	var body string
	if err := s.Read().QueryRowContext(ctx, "SELECT matrix FROM snapshot_matrix WHERE snapshot_id = ?", id).Scan(&body); err != nil {
		return Snapshot{}, fmt.Errorf("rakor: get snapshot %d: %w", id, err)
	}
	snap := Snapshot{Info: info}
	if err := json.Unmarshal([]byte(body), &snap.Matrix); err != nil {
		return Snapshot{}, fmt.Errorf("rakor: get snapshot %d: %w", id, err)
	}
	return snap, nil
}

// DeleteSnapshot removes a snapshot taken by mistake (the audit log keeps its
// label and hash).
func DeleteSnapshot(ctx context.Context, w store.Writer, id int64) error {
	return deleteRow(ctx, w, "snapshot", "snapshot.id", id)
}
