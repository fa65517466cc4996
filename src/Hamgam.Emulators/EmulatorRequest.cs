namespace Hamgam.Emulators;

/// <summary>A request an emulator has just served: its number since the emulator started (1-based), method and path.</summary>
public sealed record EmulatorRequest(long Count, string Method, string Path);
