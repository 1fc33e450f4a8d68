package template

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"selaras/backend/program"
)

// StructureSum hashes what must not change in the values sheet between
// export and import: the version, region and year, the column titles and
// the indicator codes in their order.
func StructureSum(version int, regionCode string, year int, codes []string) string {
	h := sha256.New()
	fmt.Fprintf(h, "v%d|%s|%d|", version, regionCode, year)
	for _, c := range ValueColumns() {
		fmt.Fprintf(h, "%s|", c.Title)
	}
	for _, c := range codes {
		fmt.Fprintf(h, "%s|", c)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// PlanSum hashes the plan sheet's structure: the region and year, the
// number of blank rows, the column titles and the listed lines (id and
// sub-kegiatan code) in their order.
func PlanSum(regionCode string, year int, lines []program.PlanLine) string {
	h := sha256.New()
	fmt.Fprintf(h, "plan|%s|%d|%d|", regionCode, year, PlanBlankRows)
	for _, c := range PlanColumns(year) {
		fmt.Fprintf(h, "%s|", c.Title)
	}
	for _, l := range lines {
		fmt.Fprintf(h, "%d:%s|", l.ID, l.SubKegiatanCode)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func itoa(n int) string { return strconv.Itoa(n) }
