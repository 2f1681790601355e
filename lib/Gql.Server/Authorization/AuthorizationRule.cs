using System.Text;
using Gql.Language;
using Gql.Language.Ast;
using Gql.Server.Types;

namespace Gql.Server.Authorization;

/// <summary>
/// One <c>@authorize</c>: the user must be authenticated, in at least one of <see cref="Roles"/> (when there are any)
/// and satisfy <see cref="Policy"/> (when there is one). A field or type with several rules needs all of them.
/// </summary>
public sealed class AuthorizationRule : IEquatable<AuthorizationRule>
{
    public AuthorizationRule(IEnumerable<string>? roles = null, string? policy = null)
    {
        Roles = (roles ?? []).SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToArray();
        Policy = string.IsNullOrWhiteSpace(policy) ? null : policy.Trim();
    }

    /// <summary>Any one of these roles is enough; empty when the rule checks no role.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The ASP.NET Core authorization policy the user must satisfy, or null.</summary>
    public string? Policy { get; }

    /// <summary>The rule as it is printed in SDL, e.g. <c>@authorize(roles: ["Doctor"], policy: "OwnRecord")</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("@authorize");
        if (Roles.Count > 0 || Policy is not null)
        {
            text.Append('(');
            if (Roles.Count > 0)
            {
                text.Append("roles: [").AppendJoin(", ", Roles.Select(r => "\"" + r + "\"")).Append(']');
            }

            if (Policy is not null)
            {
                text.Append(Roles.Count > 0 ? ", " : string.Empty).Append("policy: \"").Append(Policy).Append('"');
            }

            text.Append(')');
        }

        return text.ToString();
    }

    public bool Equals(AuthorizationRule? other) =>
        other is not null && Policy == other.Policy && Roles.Count == other.Roles.Count && Roles.Order(StringComparer.Ordinal).SequenceEqual(other.Roles.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as AuthorizationRule);

    public override int GetHashCode() => HashCode.Combine(Policy, Roles.Count);

    /// <summary>The rule as a directive applied in the schema.</summary>
    public AppliedDirective ToDirective()
    {
        var arguments = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
        if (Roles.Count > 0)
        {
            arguments["roles"] = new ListValueNode(Roles.Select(r => (ValueNode)new StringValueNode(r, false)).ToList());
        }

        if (Policy is not null)
        {
            arguments["policy"] = new StringValueNode(Policy, false);
        }

        return new AppliedDirective(AuthorizationDirectives.AuthorizeName, arguments);
    }
}

/// <summary>The <c>@authorize</c> and <c>@allowAnonymous</c> directives, which carry authorization rules in the schema.</summary>
public static class AuthorizationDirectives
{
    public const string AuthorizeName = "authorize";
    public const string AllowAnonymousName = "allowAnonymous";

    /// <summary><c>directive @authorize(roles: [String!], policy: String) repeatable on OBJECT | FIELD_DEFINITION</c>.</summary>
    public static DirectiveType Authorize { get; } = CreateAuthorize();

    /// <summary><c>directive @allowAnonymous on OBJECT | FIELD_DEFINITION</c>.</summary>
    public static DirectiveType AllowAnonymous { get; } = new(
        AllowAnonymousName,
        [DirectiveLocation.Object, DirectiveLocation.FieldDefinition],
        "Opens the field (or every field of the root type) to anyone, signed in or not.");

    /// <summary>The applied <c>@allowAnonymous</c>.</summary>
    public static AppliedDirective AllowAnonymousDirective { get; } = new(AllowAnonymousName, new Dictionary<string, ValueNode>());

    internal static bool IsAuthorizationDirective(string name) => name is AuthorizeName or AllowAnonymousName;

    /// <summary>Reads the rules of applied <c>@authorize</c> directives; malformed arguments are reported in <paramref name="errors"/>.</summary>
    internal static List<AuthorizationRule> Rules(IEnumerable<AppliedDirective> directives, string where, List<string> errors)
    {
        var rules = new List<AuthorizationRule>();
        foreach (var directive in directives)
        {
            if (directive.Name != AuthorizeName)
            {
                continue;
            }

            List<string>? roles = null;
            string? policy = null;
            foreach (var (name, value) in directive.Arguments)
            {
                switch (name, value)
                {
                    case ("roles", ListValueNode list) when list.Values.All(v => v is StringValueNode):
                        roles = list.Values.Select(v => ((StringValueNode)v).Value).ToList();
                        break;
                    case ("roles", StringValueNode single):
                        roles = [single.Value];
                        break;
                    case ("roles" or "policy", NullValueNode):
                        break;
                    case ("policy", StringValueNode s):
                        policy = s.Value;
                        break;
                    default:
                        errors.Add($"{where}: @authorize({name}:) must be {(name == "policy" ? "a String" : name == "roles" ? "a list of Strings" : "roles or policy")}.");
                        break;
                }
            }

            var rule = new AuthorizationRule(roles, policy);
            if (!rules.Contains(rule))
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    internal static bool HasAllowAnonymous(IEnumerable<AppliedDirective> directives) => directives.Any(d => d.Name == AllowAnonymousName);

    private static DirectiveType CreateAuthorize()
    {
        var directive = new DirectiveType(
            AuthorizeName,
            [DirectiveLocation.Object, DirectiveLocation.FieldDefinition],
            "Only authenticated users in one of the roles (when given) who satisfy the policy (when given) may see the field, or any value of the type. Several on one element must all pass.",
            isRepeatable: true);
        directive.Arguments.Add(new InputField("roles", new ListType(new NonNullType(Scalars.String)), "The user needs at least one of these roles."));
        directive.Arguments.Add(new InputField("policy", Scalars.String, "The ASP.NET Core authorization policy the user must satisfy."));
        return directive;
    }
}
