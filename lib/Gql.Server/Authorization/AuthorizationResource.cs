using System.Security.Claims;
using Gql.Server.Types;

namespace Gql.Server.Authorization;

/// <summary>What an authorization rule guards at this moment.</summary>
public enum AuthorizationTarget
{
    /// <summary>A field, before its resolver runs.</summary>
    Field,

    /// <summary>A value of a guarded type, before any of its fields is read.</summary>
    Type,
}

/// <summary>
/// The resource handed to ASP.NET Core policies (<c>IAuthorizationService.AuthorizeAsync(user, resource, policy)</c>),
/// so a requirement handler can decide by the data: <c>context.Resource is AuthorizationResource r</c>.
/// </summary>
public sealed class AuthorizationResource
{
    internal AuthorizationResource(AuthorizationTarget target, ObjectType objectType, OutputField field, object? parent, object? value, IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<object> path, ClaimsPrincipal? user, IServiceProvider services)
    {
        Target = target;
        ObjectType = objectType;
        Field = field;
        Parent = parent;
        Value = value;
        Arguments = arguments;
        Path = path;
        User = user;
        Services = services;
    }

    public AuthorizationTarget Target { get; }

    /// <summary>Field rules: the type whose field is read. Type rules: the guarded object type of <see cref="Value"/>.</summary>
    public ObjectType ObjectType { get; }

    /// <summary>Field rules: the guarded field. Type rules: the field that returned <see cref="Value"/>.</summary>
    public OutputField Field { get; }

    /// <summary>The schema coordinate of what is guarded: <c>Patient.diagnosis</c> for a field, <c>Patient</c> for a type.</summary>
    public string Coordinate => Target == AuthorizationTarget.Field ? $"{ObjectType.Name}.{Field.Name}" : ObjectType.Name;

    /// <summary>Field rules: the object whose field is about to be resolved (the root value for root fields, the event for subscription fields). Type rules: null.</summary>
    public object? Parent { get; }

    /// <summary>Type rules: the object about to be returned. Field rules: null (the resolver has not run).</summary>
    public object? Value { get; }

    /// <summary>The object the rule is about: <see cref="Value"/> for type rules, <see cref="Parent"/> for field rules.</summary>
    public object? Instance => Target == AuthorizationTarget.Type ? Value : Parent;

    /// <summary>Field rules: the field's coerced arguments. Type rules: empty.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>Where in the response the guarded value goes, e.g. <c>["bed", "currentPatient"]</c>.</summary>
    public IReadOnlyList<object> Path { get; }

    public ClaimsPrincipal? User { get; }

    /// <summary>The request's services.</summary>
    public IServiceProvider Services { get; }
}
