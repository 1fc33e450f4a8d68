/*
 * bcryptprimitives.dll for Wine 8, which lacks it: Go 1.24+ programs load it
 * from System32 at start-up and take their random numbers from ProcessPrng.
 * This shim answers from BCryptGenRandom (Wine's bcrypt.dll, backed by the
 * host's random source), as Windows' own ProcessPrng draws from the system
 * RNG. Only the test lane uses it (scripts/test-windows.sh compiles it with
 * mingw-w64 and puts it into a throwaway WINEPREFIX); Selaras never ships it.
 */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	/* BCryptGenRandom takes a ULONG length: draw in chunks. */
	while (len > 0) {
		ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
		if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, n, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
	(void)inst;
	(void)reason;
	(void)reserved;
	return TRUE;
}
