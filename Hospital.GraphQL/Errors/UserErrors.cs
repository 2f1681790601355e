using Hospital.Data.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Errors;

/// <summary>
/// An error the user can act on, returned in a mutation payload's <c>errors</c> (the mutation conventions): the change
/// was not made, and the message says why. Unexpected failures stay GraphQL errors.
/// </summary>
[GraphQLName("Error")]
[GraphQLDescription("An error the user can act on: the change was not made, and `message` says why.")]
public interface IUserError
{
    [GraphQLDescription("What went wrong, in words for the user.")]
    string Message { get; }

    [GraphQLDescription("A stable code for programs, e.g. NOT_FOUND or INVALID_TRANSITION.")]
    string Code { get; }
}

[GraphQLDescription("The record does not exist (or is not visible to you).")]
public sealed record NotFoundError(string Message) : IUserError
{
    public string Code => "NOT_FOUND";
}

[GraphQLDescription("The record is not in a state that allows this step, e.g. completing an appointment that never started.")]
public sealed record InvalidTransitionError(string Message, string From, string To) : IUserError
{
    public string Code => "INVALID_TRANSITION";
}

[GraphQLDescription("Someone else changed the record since you loaded it; reload and try again.")]
public sealed record ConcurrencyError(string Message) : IUserError
{
    public string Code => "CONCURRENT_CHANGE";
}

[GraphQLDescription("The input breaks a rule (a required reason is missing, a value is out of range, ...).")]
public sealed record ValidationError(string Message) : IUserError
{
    public string Code => "VALIDATION";
}

/// <summary>Maps the domain's exceptions to the errors a payload carries.</summary>
internal static class UserErrors
{
    public static IUserError? From(Exception exception) => exception switch
    {
        InvalidStatusTransitionException e => new InvalidTransitionError(e.Message, e.From, e.To),
        DbUpdateConcurrencyException => new ConcurrencyError("Someone else changed this record in the meantime. Reload it and try again."),
        DomainValidationException e => new ValidationError(string.Join("; ", e.Errors)),
        DomainException e => new ValidationError(e.Message),
        _ => null,
    };

    /// <summary>The error types, registered so that payloads can return any of them.</summary>
    public static readonly Type[] Types = [typeof(NotFoundError), typeof(InvalidTransitionError), typeof(ConcurrencyError), typeof(ValidationError)];
}
