/*
 * bcryptprimitives.dll for Wine 8.0, test prefixes only; never shipped.
 *
 * Go 1.24+ programs read randomness through ProcessPrng, which the Go
 * runtime loads from system32's bcryptprimitives.dll at start and dies
 * without ("fatal error: bcryptprimitives.dll not found"). Wine gained
 * that DLL in 9.x; Debian 12 ships 8.0. RtlGenRandom (advapi32's
 * SystemFunction036) gives the same kind of bytes, so this forwards to it.
 * Built by scripts/wine-test with x86_64-w64-mingw32-gcc.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* ProcessPrng never fails, as documented; Go does not check its result. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
