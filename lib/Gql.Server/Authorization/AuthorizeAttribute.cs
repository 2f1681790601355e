using Microsoft.AspNetCore.Authorization;

namespace Gql.Server.Authorization;

/// <summary>
/// Guards a field or a type (Hot Chocolate's <c>[Authorize]</c>). On a method or property: the field it becomes. On a
/// <c>[QueryType]</c>/<c>[MutationType]</c>/<c>[SubscriptionType]</c> class: every field that class contributes (a
/// member's <see cref="AllowAnonymousAttribute"/> exempts it). On an <c>[ObjectType&lt;T&gt;]</c> extension or on the
/// CLR type itself: the type, so every value of it is checked wherever it appears in a result (node, interfaces,
/// unions, nested paths, subscription events).
/// </summary>
/// <remarks>
/// The user must be authenticated, in at least one of <see cref="Roles"/> (when given) and satisfy
/// <see cref="Policy"/> (when given). Several <c>[Authorize]</c> on one member must all pass. Printed in SDL as
/// <c>@authorize(roles: [...], policy: "...")</c>. Microsoft's
/// <see cref="Microsoft.AspNetCore.Authorization.AuthorizeAttribute"/> is honoured the same way.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeAttribute : Attribute, IAuthorizeData
{
    /// <summary>Requires an authenticated user.</summary>
    public AuthorizeAttribute()
    {
    }

    /// <summary>Requires an authenticated user who satisfies the ASP.NET Core authorization policy <paramref name="policy"/>.</summary>
    /// <param name="policy">The policy name, as registered with <c>AddAuthorization</c>.</param>
    public AuthorizeAttribute(string policy) => Policy = policy;

    /// <summary>The ASP.NET Core authorization policy the user must satisfy; null for none.</summary>
    public string? Policy { get; set; }

    /// <summary>The user must be in at least one of these roles; null or empty for no role check.</summary>
    public string[]? Roles { get; set; }

    string? IAuthorizeData.Roles
    {
        get => Roles is null ? null : string.Join(',', Roles);
        set => Roles = value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    string? IAuthorizeData.AuthenticationSchemes
    {
        get => null;
        set => throw new NotSupportedException("GraphQL authorization does not choose authentication schemes: authenticate at the endpoint.");
    }
}

/// <summary>
/// Marks a field (or every field of a root class or type) as open to anyone, including anonymous users. It lifts the
/// rules of the class the field is declared in, and counts as an explicit rule for
/// <see cref="AuthorizationSchemaExtensions.EnsureAuthorized"/>. It cannot lift a type's rule (a value of a guarded type
/// is never shown to an unauthorized user): that combination fails the schema build. Printed as <c>@allowAnonymous</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Method | AttributeTargets.Property, Inherited = true)]
public sealed class AllowAnonymousAttribute : Attribute, IAllowAnonymous;
