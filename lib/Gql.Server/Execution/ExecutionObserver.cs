using Gql.Language.Ast;
using Gql.Server.Types;

namespace Gql.Server.Execution;

/// <summary>
/// Sees what one execution reads, for an access log: resolved from the request's services (scoped, so one per
/// request or subscription event), told when the operation starts, handed every completed object of a type it
/// <see cref="Observes"/>, and awaited when the operation has finished, before the result goes back to the transport.
/// </summary>
public interface IExecutionObserver
{
    /// <summary>Called once, before the first resolver runs (on the same async flow as the resolvers).</summary>
    void OnStart(RequestContext context, OperationDefinitionNode operation);

    /// <summary>Whether objects of <paramref name="type"/> are handed to <see cref="OnObject"/>; asked per object, so keep it cheap.</summary>
    bool Observes(ObjectType type);

    /// <summary>An object value of an observed type, with its place in the operation. May be called concurrently.</summary>
    void OnObject(ObjectType type, object value, ObservedSelection selection);

    /// <summary>Called when the operation has executed; the result is returned once this completes.</summary>
    ValueTask OnCompletedAsync(ExecutionResult result, CancellationToken cancellationToken);
}

/// <summary>
/// One position in an operation: the response path without list indices (<c>patients.nodes</c>) and the names of the
/// fields selected there. Every object completed at that position gets the same instance, so observers can key on it.
/// </summary>
public sealed record ObservedSelection(string Path, IReadOnlyList<string> Fields);
