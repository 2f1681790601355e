using System.Runtime.CompilerServices;

namespace Gql.Client.Tests.Infrastructure;

/// <summary>
/// Compares text with a file in <c>__snapshots__</c> beside the calling test file. A missing snapshot is written (and the
/// test passes) unless the environment variable CI is true, where it fails: snapshots are reviewed and committed.
/// </summary>
public static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "__snapshots__");
        var path = Path.Combine(directory, name);
        actual = actual.Replace("\r\n", "\n");
        if (!File.Exists(path))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"The snapshot {path} is missing (not created when CI=true). Run the tests locally and commit it.");
            }

            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected != actual)
        {
            File.WriteAllText(path + ".received", actual);
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var line = 0;
            while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
            {
                line++;
            }

            Assert.Fail($"{name} differs from its snapshot at line {line + 1}:\n  expected: {(line < expectedLines.Length ? expectedLines[line] : "<end>")}\n  actual:   {(line < actualLines.Length ? actualLines[line] : "<end>")}\nThe new output is in {path}.received; replace the snapshot with it if the change is intended.");
        }
    }
}
