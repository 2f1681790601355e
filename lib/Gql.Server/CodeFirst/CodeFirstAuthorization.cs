using System.Reflection;
using Gql.Server.Authorization;
using Gql.Server.Types;
using Microsoft.AspNetCore.Authorization;

namespace Gql.Server;

/// <summary>
/// Reads authorization attributes into <c>@authorize</c>/<c>@allowAnonymous</c> directives. Any
/// <see cref="IAuthorizeData"/> counts (ours and Microsoft's <c>[Authorize]</c>), and any <see cref="IAllowAnonymous"/>,
/// so a rule written with the ASP.NET Core attribute is enforced the same way instead of being ignored.
/// </summary>
internal static class CodeFirstAuthorization
{
    public static List<AuthorizationRule> Rules(ICustomAttributeProvider element, string where)
    {
        var rules = new List<AuthorizationRule>();
        foreach (var attribute in Attributes(element))
        {
            if (attribute is not IAuthorizeData data)
            {
                continue;
            }

            if (attribute is not Authorization.AuthorizeAttribute && !string.IsNullOrWhiteSpace(data.AuthenticationSchemes))
            {
                throw new SchemaException([$"{where}: [Authorize(AuthenticationSchemes = \"{data.AuthenticationSchemes}\")] cannot be honoured on a GraphQL field or type: the user is authenticated once per request, at the endpoint. Remove AuthenticationSchemes (use a policy, or the endpoint's authorization)."]);
            }

            var rule = attribute is Authorization.AuthorizeAttribute ours ? new AuthorizationRule(ours.Roles, ours.Policy) : new AuthorizationRule(data.Roles is null ? null : [data.Roles], data.Policy);
            if (!rules.Contains(rule))
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    public static bool IsAnonymous(ICustomAttributeProvider element) => Attributes(element).Any(a => a is IAllowAnonymous);

    public static bool HasAny(ICustomAttributeProvider element) => Attributes(element).Any(a => a is IAuthorizeData or IAllowAnonymous);

    /// <summary>The rules of a class that adds fields to a root type: they apply to each of its fields.</summary>
    public static (List<AuthorizationRule> Rules, bool Anonymous) ClassRules(Type declaring) =>
        (Rules(declaring, declaring.Name), IsAnonymous(declaring));

    /// <summary>Adds the member's rules to the field, and the declaring class's unless the member is anonymous.</summary>
    public static void ApplyToField(OutputField field, MemberInfo member, (List<AuthorizationRule> Rules, bool Anonymous) declaring, params MemberInfo?[] more)
    {
        var where = $"{member.DeclaringType?.Name}.{member.Name}";
        var rules = Rules(member, where);
        var anonymous = IsAnonymous(member);
        foreach (var other in more)
        {
            if (other is not null)
            {
                rules.AddRange(Rules(other, where).Where(r => !rules.Contains(r)));
                anonymous |= IsAnonymous(other);
            }
        }

        if (!anonymous)
        {
            rules.AddRange(declaring.Rules.Where(r => !rules.Contains(r)));
        }

        // Both on one member: the compiler reports the contradiction instead of picking one.
        AddDirectives(field.Directives, rules, anonymous || (declaring.Anonymous && rules.Count == 0));
    }

    public static void AddDirectives(List<AppliedDirective> directives, IEnumerable<AuthorizationRule> rules, bool anonymous)
    {
        foreach (var rule in rules)
        {
            directives.Add(rule.ToDirective());
        }

        if (anonymous)
        {
            directives.Add(AuthorizationDirectives.AllowAnonymousDirective);
        }
    }

    private static object[] Attributes(ICustomAttributeProvider element) => element switch
    {
        // Attribute.GetCustomAttributes honours inheritance for properties and methods (MemberInfo's own overload does not).
        MemberInfo member and not Type => Attribute.GetCustomAttributes(member, true),
        _ => element.GetCustomAttributes(true),
    };
}
