using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Hospital.GraphQL.Accounts;

/// <summary>A start-up problem the operator must fix; the host prints its message as one line and exits.</summary>
public sealed class HospitalStartupException(string message) : Exception(message);

/// <summary>The access tokens' signing key: from configuration, or generated once for Development.</summary>
public static class SigningKeys
{
    private const int MinimumBytes = 32;

    /// <summary>The configured key; in Development without one, the key kept in the data folder (created on first run).</summary>
    /// <param name="options">The auth options.</param>
    /// <param name="isDevelopment">Whether a key may be generated.</param>
    /// <returns>The key.</returns>
    /// <exception cref="HospitalStartupException">No usable key.</exception>
    public static SymmetricSecurityKey Resolve(HospitalAuthOptions options, bool isDevelopment)
    {
        if (options.SigningKey is { Length: > 0 } configured)
        {
            return new SymmetricSecurityKey(Decode(configured, $"{HospitalAuthOptions.Section}:SigningKey"));
        }

        if (!isDevelopment)
        {
            throw new HospitalStartupException(
                $"{HospitalAuthOptions.Section}:SigningKey is not set: give every instance the same base64 key of at least {MinimumBytes} bytes (e.g. `openssl rand -base64 48`), for example in the environment variable Hospital__Auth__SigningKey.");
        }

        var path = options.DevelopmentKeyPath ?? Path.Combine(AppContext.BaseDirectory, "data", "jwt-signing.key");
        return new SymmetricSecurityKey(Decode(ReadOrCreate(path), path));
    }

    private static string ReadOrCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            // CreateNew: of several processes starting at once, exactly one writes the key and the others read it.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            using var writer = new StreamWriter(file);
            writer.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            for (var attempt = 0; ; attempt++)
            {
                var text = File.ReadAllText(path).Trim();
                if (text.Length > 0 || attempt == 50)
                {
                    return text;
                }

                Thread.Sleep(20); // the writer has created the file but not yet written it
            }
        }
    }

    private static byte[] Decode(string base64, string source)
    {
        try
        {
            var bytes = Convert.FromBase64String(base64.Trim());
            return bytes.Length >= MinimumBytes
                ? bytes
                : throw new HospitalStartupException($"The signing key in {source} has {bytes.Length} bytes; it needs at least {MinimumBytes}.");
        }
        catch (FormatException)
        {
            throw new HospitalStartupException($"The signing key in {source} is not base64.");
        }
    }
}

/// <summary>Checks what must be configured before a host starts, and says what is missing in one line.</summary>
public static class HospitalStartup
{
    /// <summary>True (after writing the reason to standard error) when the app cannot start as configured.</summary>
    /// <param name="app">The built host.</param>
    /// <returns>Whether start-up must stop.</returns>
    public static bool Fails(IHost app)
    {
        try
        {
            app.Services.GetRequiredService<Microsoft.IdentityModel.Tokens.SymmetricSecurityKey>();
            return false;
        }
        catch (HospitalStartupException e)
        {
            Console.Error.WriteLine($"Hospital cannot start: {e.Message}");
            return true;
        }
    }
}
