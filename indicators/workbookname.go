package indicators

import (
	"path/filepath"
	"strings"
)

// IsWorkbook says whether path names an xlsx workbook by its extension
// (.xlsx, .xlsm), as Read takes it; a file of another name may still be
// one, which Read finds from its first bytes.
func IsWorkbook(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".xlsx" || ext == ".xlsm"
}
