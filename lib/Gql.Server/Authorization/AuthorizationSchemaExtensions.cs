using System.Security.Claims;
using System.Text;
using Gql.Server.Types;
using Microsoft.AspNetCore.Authorization;

namespace Gql.Server.Authorization;

/// <summary>The effective authorization of one field, as <see cref="AuthorizationSchemaExtensions.GetAuthorizationRules"/> lists it.</summary>
/// <param name="Coordinate">The field's schema coordinate, e.g. <c>Patient.diagnosis</c>.</param>
/// <param name="Field">The field.</param>
/// <param name="FieldRules">Rules checked before the field resolves (for root fields, including the root type's).</param>
/// <param name="TypeRules">Rules every value of the declaring type passes before any of its fields is read.</param>
/// <param name="AllowAnonymous">Explicitly open (<c>@allowAnonymous</c> on the field, or on its type with no field rule).</param>
public sealed record FieldAuthorization(string Coordinate, OutputField Field, IReadOnlyList<AuthorizationRule> FieldRules, IReadOnlyList<AuthorizationRule> TypeRules, bool AllowAnonymous)
{
    /// <summary>Whether some rule guards the field.</summary>
    public bool IsGuarded => FieldRules.Count > 0 || TypeRules.Count > 0;

    /// <summary>Whether the field has an effective rule: guarded, or explicitly anonymous.</summary>
    public bool HasRule => IsGuarded || AllowAnonymous;

    /// <summary>One line: <c>Patient.diagnosis: type @authorize(roles: ["Doctor"]) field @authorize(policy: "OwnRecord")</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Coordinate).Append(':');
        foreach (var rule in TypeRules)
        {
            text.Append(" type ").Append(rule);
        }

        foreach (var rule in FieldRules)
        {
            text.Append(" field ").Append(rule);
        }

        if (AllowAnonymous)
        {
            text.Append(" @allowAnonymous");
        }

        if (!HasRule)
        {
            text.Append(" (no rule)");
        }

        return text.ToString();
    }
}

/// <summary>Who may introspect the schema: a predicate over the user, or an authorization policy.</summary>
public sealed class IntrospectionAccess
{
    internal const string MetadataKey = "Gql.Authorization.Introspection";

    private readonly Func<ClaimsPrincipal?, bool>? predicate;
    private readonly string? policy;

    public IntrospectionAccess(Func<ClaimsPrincipal?, bool> predicate) => this.predicate = predicate ?? throw new ArgumentNullException(nameof(predicate));

    public IntrospectionAccess(string policy) => this.policy = string.IsNullOrWhiteSpace(policy) ? throw new ArgumentException("A policy name is required.", nameof(policy)) : policy;

    /// <summary>The policy introspection needs, or null when a predicate decides.</summary>
    public string? Policy => policy;

    /// <summary>Whether <paramref name="user"/> may see the schema (<c>__schema</c>, <c>__type</c>, <c>?sdl</c>, the IDE).</summary>
    public async ValueTask<bool> IsAllowedAsync(ClaimsPrincipal? user, IServiceProvider services)
    {
        if (predicate is not null)
        {
            return predicate(user);
        }

        if (!RequestAuthorizer.IsAuthenticated(user))
        {
            return false;
        }

        var service = services.GetService(typeof(IAuthorizationService)) as IAuthorizationService
            ?? throw new InvalidOperationException("Introspection requires an authorization policy, but no IAuthorizationService is registered: call services.AddAuthorization().");
        return (await service.AuthorizeAsync(user!, null, policy!)).Succeeded;
    }
}

/// <summary>Authorization seen from the schema: the table of rules, deny-by-default, introspection access.</summary>
public static class AuthorizationSchemaExtensions
{
    /// <summary>
    /// Every field of every object type (introspection aside) with its effective rule, ordered by coordinate: a table
    /// an application test can snapshot, so a change to who may read what shows up in review.
    /// </summary>
    public static IReadOnlyList<FieldAuthorization> GetAuthorizationRules(this Schema schema)
    {
        var rules = new List<FieldAuthorization>();
        foreach (var type in schema.Types.Values.OfType<ObjectType>().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (AuthorizationCompiler.IsIntrospection(type))
            {
                continue;
            }

            foreach (var field in type.Fields)
            {
                rules.Add(new FieldAuthorization($"{type.Name}.{field.Name}", field, field.Authorization ?? [], type.Authorization ?? [], field.AllowsAnonymous && field.Authorization is null));
            }
        }

        return rules;
    }

    /// <summary><see cref="GetAuthorizationRules"/> as text, one field per line.</summary>
    public static string PrintAuthorizationRules(this Schema schema) => string.Join('\n', schema.GetAuthorizationRules()) + "\n";

    /// <summary>
    /// The default of <see cref="EnsureAuthorized"/>: every object type field needs a rule except introspection, the
    /// engine's own fields (<c>node</c>, <c>nodes</c>) and the fields of types the engine generates (connections, edges,
    /// page info, mutation payloads and errors), whose data comes from types that have rules of their own.
    /// </summary>
    public static bool RequiresRuleByDefault(OutputField field) =>
        !AuthorizationCompiler.IsIntrospection(field.DeclaringType)
        && !IsEngineGenerated(field.Metadata)
        && !IsEngineGenerated(field.DeclaringType.Metadata);

    /// <summary>
    /// Deny by default: throws a <see cref="SchemaException"/> naming every selected field (by default
    /// <see cref="RequiresRuleByDefault"/>) that has no effective rule: its own <c>@authorize</c>, its type's, or an
    /// explicit <c>@allowAnonymous</c>.
    /// </summary>
    public static Schema EnsureAuthorized(this Schema schema, Func<OutputField, bool>? which = null)
    {
        which ??= RequiresRuleByDefault;
        var missing = schema.GetAuthorizationRules().Where(r => !r.HasRule && which(r.Field)).Select(r => r.Coordinate).ToList();
        if (missing.Count > 0)
        {
            throw new SchemaException([
                $"Authorization is required, but {missing.Count} field(s) have no rule: {string.Join(", ", missing)}. "
                + "Add [Authorize] (or [AllowAnonymous]) to each field, to its declaring class, or to its type."]);
        }

        return schema;
    }

    /// <summary>Every policy name the schema's rules (and its introspection access) use, sorted.</summary>
    public static IReadOnlyList<string> GetAuthorizationPolicies(this Schema schema)
    {
        var policies = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in schema.Types.Values.OfType<ObjectType>())
        {
            foreach (var rule in (type.Authorization ?? []).Concat(type.Fields.SelectMany(f => f.Authorization ?? [])))
            {
                if (rule.Policy is { } policy)
                {
                    policies.Add(policy);
                }
            }
        }

        if (schema.GetIntrospectionAccess()?.Policy is { } introspection)
        {
            policies.Add(introspection);
        }

        return [.. policies];
    }

    /// <summary>
    /// Fails with a <see cref="SchemaException"/> when a policy the schema uses is not registered (or no authorization
    /// services are), so a misspelt policy name is found at startup rather than denying every request at run time.
    /// </summary>
    public static Schema EnsurePoliciesExist(this Schema schema, IServiceProvider services)
    {
        var policies = schema.GetAuthorizationPolicies();
        if (policies.Count == 0)
        {
            return schema;
        }

        if (services.GetService(typeof(IAuthorizationPolicyProvider)) is not IAuthorizationPolicyProvider provider)
        {
            throw new SchemaException([$"The schema uses the authorization policies {string.Join(", ", policies)}, but no authorization services are registered: call services.AddAuthorization()."]);
        }

        // The default provider answers synchronously; startup is the one place where waiting for a custom one is fine.
        var missing = policies.Where(p => provider.GetPolicyAsync(p).GetAwaiter().GetResult() is null).ToList();
        if (missing.Count > 0)
        {
            throw new SchemaException([$"The schema uses authorization policies that are not registered: {string.Join(", ", missing)}. Register them with services.AddAuthorization(o => o.AddPolicy(...))."]);
        }

        return schema;
    }

    /// <summary>Who may introspect the schema, or null when everyone may (the default).</summary>
    public static IntrospectionAccess? GetIntrospectionAccess(this Schema schema) =>
        schema.Metadata.GetValueOrDefault(IntrospectionAccess.MetadataKey) as IntrospectionAccess;

    /// <summary>Restricts introspection (<c>__schema</c>, <c>__type</c>, <c>?sdl</c> and the IDE) to users <paramref name="access"/> allows.</summary>
    public static Schema SetIntrospectionAccess(this Schema schema, IntrospectionAccess? access)
    {
        schema.Metadata[IntrospectionAccess.MetadataKey] = access;
        return schema;
    }

    /// <summary>Whether <paramref name="user"/> may introspect the schema; always true when no access rule is set.</summary>
    public static ValueTask<bool> IsIntrospectionAllowedAsync(this Schema schema, ClaimsPrincipal? user, IServiceProvider services) =>
        schema.GetIntrospectionAccess() is { } access ? access.IsAllowedAsync(user, services) : ValueTask.FromResult(true);

    /// <summary>Marks a type or field as made by the engine (paging, node fields, mutation conventions).</summary>
    internal const string EngineGeneratedKey = "Gql.EngineGenerated";

    private static bool IsEngineGenerated(Dictionary<string, object?> metadata) => metadata.GetValueOrDefault(EngineGeneratedKey) is true;
}
