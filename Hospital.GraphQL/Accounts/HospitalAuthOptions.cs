namespace Hospital.GraphQL.Accounts;

/// <summary>Sign-in and tokens, from the configuration section <c>Hospital:Auth</c>.</summary>
public sealed class HospitalAuthOptions
{
    public const string Section = "Hospital:Auth";

    /// <summary>The <c>iss</c> of issued access tokens, and the only one accepted.</summary>
    public string Issuer { get; set; } = "hospital";

    /// <summary>The <c>aud</c> of issued access tokens, and the only one accepted.</summary>
    public string Audience { get; set; } = "hospital-api";

    /// <summary>
    /// The HMAC-SHA256 key that signs access tokens, base64 (at least 32 bytes; <c>openssl rand -base64 48</c>). Every
    /// instance needs the same one. Unset in Development: a key is generated on first run and kept in the data folder.
    /// Unset elsewhere: the app refuses to start.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Where the generated Development key is kept; by default <c>data/jwt-signing.key</c> next to the app.</summary>
    public string? DevelopmentKeyPath { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a session may go without refreshing before it must sign in again.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Sign-in attempts per user name per minute before <c>429</c>.</summary>
    public int SignInAttemptsPerUserName { get; set; } = 10;

    /// <summary>Sign-in attempts per client address per minute before <c>429</c>.</summary>
    public int SignInAttemptsPerAddress { get; set; } = 50;

    /// <summary>
    /// The roles that may introspect the schema (<c>__schema</c>, <c>?sdl</c>, the IDE) outside Development; unset means
    /// Admin and Analyst. (Null rather than a default list: the configuration binder appends to a list it finds filled.)
    /// </summary>
    public string[]? IntrospectionRoles { get; set; }

    /// <summary>Opens introspection to everyone in every environment (it is always open in Development).</summary>
    public bool IntrospectionOpen { get; set; }

    /// <summary>The effective <see cref="IntrospectionRoles"/>.</summary>
    public IReadOnlyList<string> EffectiveIntrospectionRoles => IntrospectionRoles is { Length: > 0 } roles ? roles : [Hospital.Data.Entities.Roles.Admin, Hospital.Data.Entities.Roles.Analyst];
}
