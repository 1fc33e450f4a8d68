/*
 * winhelper.exe: what the Windows lane needs from another Windows process.
 *
 *   winhelper hold FILE READY STOP [rw]
 *       Opens FILE for reading and writing with no sharing at all, as Excel
 *       holds a workbook it has open (with rw: sharing reading and writing
 *       but not deleting, as SQLite holds a database), creates READY, and
 *       keeps FILE open until STOP exists (at most ten minutes). Exit 0, or
 *       3 when FILE cannot be opened.
 *
 *   winhelper spawn IN OUT ERR COMMAND-LINE
 *       Starts COMMAND-LINE as Windows starts a GUI program from cmd.exe or
 *       Explorer: without a console of its own (DETACHED_PROCESS), with the
 *       standard handles given, each one of
 *         none        no handle (nothing redirected)
 *         nul         the NUL device
 *         file:PATH   a new file
 *         pipe:PATH   an anonymous pipe whose other end this helper copies
 *                     to the new file PATH
 *       and waits for it. The helper's own console is the one the program
 *       may attach to. Exits with the program's exit code, or 3 when it
 *       could not be started.
 *
 * Wine differs from Windows here: a GUI program that Wine starts directly
 * shares its parent's console, so only a detached start shows what a
 * Windows GUI program has to do to print in cmd.exe.
 */
#include <windows.h>
#include <wchar.h>
#include <stdio.h>

static void fail(const wchar_t *what, const wchar_t *arg)
{
	fwprintf(stderr, L"winhelper: %ls %ls: error %lu\n", what, arg, GetLastError());
}

static int hold(const wchar_t *file, const wchar_t *ready, const wchar_t *stop, DWORD share)
{
	HANDLE h = CreateFileW(file, GENERIC_READ | GENERIC_WRITE, share, NULL, OPEN_EXISTING,
			       FILE_ATTRIBUTE_NORMAL, NULL);
	if (h == INVALID_HANDLE_VALUE) {
		fail(L"open", file);
		return 3;
	}
	HANDLE r = CreateFileW(ready, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
	if (r == INVALID_HANDLE_VALUE) {
		fail(L"create", ready);
		CloseHandle(h);
		return 3;
	}
	CloseHandle(r);
	for (int i = 0; i < 6000 && GetFileAttributesW(stop) == INVALID_FILE_ATTRIBUTES; i++)
		Sleep(100);
	CloseHandle(h);
	return 0;
}

struct relay {
	HANDLE from, to;
};

static DWORD WINAPI copy(LPVOID p)
{
	struct relay *r = p;
	char buf[8192];
	DWORD n, w;
	while (ReadFile(r->from, buf, sizeof buf, &n, NULL) && n > 0)
		if (!WriteFile(r->to, buf, n, &w, NULL))
			break;
	CloseHandle(r->from);
	CloseHandle(r->to);
	return 0;
}

/* stdHandle opens what spec names as an inheritable handle; for a pipe it
 * starts the thread that copies the pipe into its file. */
static BOOL stdHandle(const wchar_t *spec, BOOL input, HANDLE *out, HANDLE *thread)
{
	SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, TRUE};
	DWORD access = input ? GENERIC_READ : GENERIC_WRITE;
	*out = NULL;
	*thread = NULL;
	if (wcscmp(spec, L"none") == 0)
		return TRUE;
	if (wcscmp(spec, L"nul") == 0) {
		*out = CreateFileW(L"NUL", access, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, OPEN_EXISTING, 0, NULL);
		return *out != INVALID_HANDLE_VALUE;
	}
	if (wcsncmp(spec, L"file:", 5) == 0 && !input) {
		*out = CreateFileW(spec + 5, access, FILE_SHARE_READ, &sa, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
		return *out != INVALID_HANDLE_VALUE;
	}
	if (wcsncmp(spec, L"pipe:", 5) == 0 && !input) {
		HANDLE rd, wr;
		if (!CreatePipe(&rd, &wr, &sa, 0))
			return FALSE;
		SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);
		struct relay *r = HeapAlloc(GetProcessHeap(), 0, sizeof *r);
		r->from = rd;
		r->to = CreateFileW(spec + 5, GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
		if (r->to == INVALID_HANDLE_VALUE)
			return FALSE;
		*out = wr;
		*thread = CreateThread(NULL, 0, copy, r, 0, NULL);
		return *thread != NULL;
	}
	SetLastError(ERROR_INVALID_PARAMETER);
	return FALSE;
}

static int spawn(wchar_t **specs, wchar_t *cmdline)
{
	HANDLE h[3], t[3];
	for (int i = 0; i < 3; i++) {
		if (!stdHandle(specs[i], i == 0, &h[i], &t[i])) {
			fail(L"handle", specs[i]);
			return 3;
		}
	}
	STARTUPINFOW si;
	ZeroMemory(&si, sizeof si);
	si.cb = sizeof si;
	si.dwFlags = STARTF_USESTDHANDLES;
	si.hStdInput = h[0];
	si.hStdOutput = h[1];
	si.hStdError = h[2];
	PROCESS_INFORMATION pi;
	if (!CreateProcessW(NULL, cmdline, NULL, NULL, TRUE, DETACHED_PROCESS, NULL, NULL, &si, &pi)) {
		fail(L"start", cmdline);
		return 3;
	}
	/* The program has its copies: close ours so a pipe ends with it. */
	for (int i = 0; i < 3; i++)
		if (h[i])
			CloseHandle(h[i]);
	WaitForSingleObject(pi.hProcess, INFINITE);
	DWORD code = 3;
	GetExitCodeProcess(pi.hProcess, &code);
	for (int i = 0; i < 3; i++)
		if (t[i])
			WaitForSingleObject(t[i], 30000);
	return (int)code;
}

/* The command line after the first n arguments, exactly as it was given. */
static wchar_t *rest(wchar_t *line, int n)
{
	for (int i = 0; i < n; i++) {
		BOOL quoted = FALSE;
		while (*line == L' ' || *line == L'\t')
			line++;
		while (*line && (quoted || (*line != L' ' && *line != L'\t'))) {
			if (*line == L'"')
				quoted = !quoted;
			line++;
		}
	}
	while (*line == L' ' || *line == L'\t')
		line++;
	return line;
}

int wmain(int argc, wchar_t **argv)
{
	if ((argc == 5 || (argc == 6 && wcscmp(argv[5], L"rw") == 0)) && wcscmp(argv[1], L"hold") == 0)
		return hold(argv[2], argv[3], argv[4], argc == 6 ? FILE_SHARE_READ | FILE_SHARE_WRITE : 0);
	if (argc >= 6 && wcscmp(argv[1], L"spawn") == 0)
		return spawn(argv + 2, rest(GetCommandLineW(), 5));
	fwprintf(stderr, L"usage: winhelper hold FILE READY STOP [rw] | spawn IN OUT ERR COMMAND-LINE\n");
	return 2;
}
