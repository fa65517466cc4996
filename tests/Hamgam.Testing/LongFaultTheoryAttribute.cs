using Xunit;

namespace Hamgam.Testing;

/// <summary>
/// A <c>[Theory]</c> for the long fault runs: it runs only with <c>HAMGAM_LONG_FAULTS=1</c> and is reported as skipped
/// (with that advice) otherwise, so the normal suite stays bounded and never shows a run that did not happen as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LongFaultTheoryAttribute : TheoryAttribute
{
    public LongFaultTheoryAttribute()
    {
        if (!Enabled)
        {
            Skip = "A long fault run: set HAMGAM_LONG_FAULTS=1 to run it.";
        }
    }

    public static bool Enabled => Environment.GetEnvironmentVariable("HAMGAM_LONG_FAULTS") == "1";
}
