package fault

// The titles and file types of the desktop's dialogs (app), worded in the
// user's language.
const (
	DialogExcelWorkbook   Code = "dialog_excel_workbook"
	DialogPNGImage        Code = "dialog_png_image"
	DialogTemplateFolder  Code = "dialog_template_folder"
	DialogRegencyTemplate Code = "dialog_regency_template"
	DialogWorkspaceFile   Code = "dialog_workspace_file"
	DialogOpenWorkspace   Code = "dialog_open_workspace"
	DialogChart           Code = "dialog_chart"
)
