using System.Runtime.CompilerServices;

namespace Hospital.Tests.Shared;

/// <summary>
/// Snapshooter writes a missing snapshot and passes unless SNAPSHOOTER_STRICT_MODE is on; it does not look at CI.
/// Snapshots are reviewed and committed, so with CI=true a missing one fails, as it always has here.
/// </summary>
internal static class SnapshotStrictMode
{
    [ModuleInitializer]
    internal static void OnWhenCi()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            && Environment.GetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE") is null)
        {
            Environment.SetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE", "true");
        }
    }
}
