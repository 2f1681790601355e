using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hospital.GraphQL.Accounts;

/// <summary>
/// Limits sign-in attempts per user name and per client address (fixed one-minute windows from
/// System.Threading.RateLimiting, the limiters behind ASP.NET Core rate limiting). The account lockout stops guessing
/// one password; this stops spraying many accounts from one address and hammering one account from many.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> perUserName;
    private readonly PartitionedRateLimiter<string> perAddress;

    public SignInThrottle(IOptions<HospitalAuthOptions> options)
    {
        var settings = options.Value;
        perUserName = Limiter(settings.SignInAttemptsPerUserName);
        perAddress = Limiter(settings.SignInAttemptsPerAddress);
    }

    /// <summary>Counts an attempt; throws when either limit is reached.</summary>
    /// <exception cref="TooManySignInAttemptsException">A limit is reached.</exception>
    public void Attempt(string userName, string? address)
    {
        using var byName = perUserName.AttemptAcquire(userName.Trim().ToUpperInvariant());
        using var byAddress = perAddress.AttemptAcquire(address ?? "");
        foreach (var lease in new[] { byName, byAddress })
        {
            if (!lease.IsAcquired)
            {
                throw new TooManySignInAttemptsException(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1));
            }
        }
    }

    public void Dispose()
    {
        perUserName.Dispose();
        perAddress.Dispose();
    }

    private static PartitionedRateLimiter<string> Limiter(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
}
