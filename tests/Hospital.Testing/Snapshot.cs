using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hospital.Testing;

/// <summary>
/// Snapshooter-style snapshots: <c>value.MatchSnapshot()</c> compares the value, as indented JSON, with
/// <c>__snapshots__/&lt;Class&gt;.&lt;Test&gt;.snap</c> beside the test file. A mismatch is written to
/// <c>__snapshots__/__mismatch__/</c> for review; a missing snapshot is created, except on CI, where it fails.
/// </summary>
public static class Snapshot
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void MatchSnapshot(this object? value, string? suffix = null, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        var text = value as string ?? JsonSerializer.Serialize(value, Json);
        Match(text.ReplaceLineEndings("\n").TrimEnd() + "\n", suffix, file, test);
    }

    private static void Match(string actual, string? suffix, string file, string test)
    {
        var folder = Path.Combine(Path.GetDirectoryName(file)!, "__snapshots__");
        var name = $"{Path.GetFileNameWithoutExtension(file)}.{test}{(suffix is null ? "" : "_" + suffix)}.snap";
        var path = Path.Combine(folder, name);
        var mismatch = Path.Combine(folder, "__mismatch__", name);
        if (!File.Exists(path))
        {
            if (Environment.GetEnvironmentVariable("CI") is "true" or "1")
            {
                throw new InvalidOperationException($"Snapshot {name} is missing; run the test locally and commit {path}.");
            }

            Directory.CreateDirectory(folder);
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            if (File.Exists(mismatch))
            {
                File.Delete(mismatch);
            }

            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(mismatch)!);
        File.WriteAllText(mismatch, actual);
        Assert.Fail($"Snapshot {name} does not match; the actual value is in {mismatch}.\n{FirstDifference(expected, actual)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}:\n  expected: {left}\n  actual:   {right}";
            }
        }

        return "";
    }
}
