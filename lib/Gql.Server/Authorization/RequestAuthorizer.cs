using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Gql.Server.Authorization;

/// <summary>The outcome of checking rules for one user.</summary>
internal enum AuthorizationOutcome
{
    Allowed,
    NotAuthenticated,
    NotAuthorized,
}

/// <summary>
/// Checks rules for the user of one execution. Role answers depend only on the user and are cached for the execution;
/// policies may depend on the resource, so they are asked every time (through the request's IAuthorizationService).
/// </summary>
internal sealed class RequestAuthorizer(ClaimsPrincipal? user, IServiceProvider services)
{
    private readonly bool authenticated = IsAuthenticated(user);
    private Dictionary<AuthorizationRule, bool>? roleAnswers;
    private IAuthorizationService? authorizationService;

    public static bool IsAuthenticated(ClaimsPrincipal? user)
    {
        if (user is null)
        {
            return false;
        }

        foreach (var identity in user.Identities)
        {
            if (identity.IsAuthenticated)
            {
                return true;
            }
        }

        return false;
    }

    public ClaimsPrincipal? User => user;

    public IServiceProvider Services => services;

    /// <summary>Checks every rule; the resource is created only when a policy needs it.</summary>
    public ValueTask<AuthorizationOutcome> AuthorizeAsync(AuthorizationRule[] rules, Func<AuthorizationResource> resource)
    {
        if (!authenticated)
        {
            return ValueTask.FromResult(AuthorizationOutcome.NotAuthenticated);
        }

        var needsPolicy = false;
        foreach (var rule in rules)
        {
            if (rule.Roles.Count > 0 && !IsInAnyRole(rule))
            {
                return ValueTask.FromResult(AuthorizationOutcome.NotAuthorized);
            }

            needsPolicy |= rule.Policy is not null;
        }

        return needsPolicy ? AuthorizePoliciesAsync(rules, resource()) : ValueTask.FromResult(AuthorizationOutcome.Allowed);
    }

    private async ValueTask<AuthorizationOutcome> AuthorizePoliciesAsync(AuthorizationRule[] rules, AuthorizationResource resource)
    {
        var service = authorizationService ??= services.GetService(typeof(IAuthorizationService)) as IAuthorizationService
            ?? throw new InvalidOperationException("A GraphQL field or type requires an authorization policy, but no IAuthorizationService is registered: call services.AddAuthorization().");
        foreach (var rule in rules)
        {
            if (rule.Policy is { } policy && !(await service.AuthorizeAsync(user!, resource, policy)).Succeeded)
            {
                return AuthorizationOutcome.NotAuthorized;
            }
        }

        return AuthorizationOutcome.Allowed;
    }

    private bool IsInAnyRole(AuthorizationRule rule)
    {
        roleAnswers ??= new Dictionary<AuthorizationRule, bool>(ReferenceEqualityComparer.Instance);
        lock (roleAnswers)
        {
            if (roleAnswers.TryGetValue(rule, out var known))
            {
                return known;
            }
        }

        var answer = false;
        foreach (var role in rule.Roles)
        {
            if (user!.IsInRole(role))
            {
                answer = true;
                break;
            }
        }

        lock (roleAnswers)
        {
            roleAnswers[rule] = answer;
        }

        return answer;
    }
}
