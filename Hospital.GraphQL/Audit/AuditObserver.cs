using System.Collections.Concurrent;
using Gql.Language.Ast;
using Gql.Server.Execution;
using Gql.Server.Types;
using Hospital.Data;
using Hospital.Data.Audit;
using Hospital.Data.Entities;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hospital.GraphQL.Audit;

/// <summary>
/// The access log of one GraphQL operation (one per request scope, or per subscription event). When the operation
/// starts it names the actor for the writes the operation makes (the <see cref="AuditParticipant"/> reads it); while it
/// runs it collects, in memory, the patients whose record objects were answered and the selection paths read at those
/// positions; when it has finished, before the response goes out, it has one entry per patient written in one insert,
/// committed together with concurrent requests' entries (<see cref="AuditReadBatcher"/>). So a crash loses no answered
/// read, and the cost is one statement per request and one commit per batch, none per field.
/// </summary>
internal sealed class AuditObserver(
    AuditReadBatcher batcher,
    IOptions<AuditOptions> options,
    IHttpContextAccessor http,
    TimeProvider clock) : IExecutionObserver
{
    private static readonly ConcurrentDictionary<ObjectType, bool> PatientTypes = new();

    private readonly bool reads = options.Value.Reads;
    private readonly Lock gate = new();
    private readonly HashSet<int> patients = [];
    private readonly HashSet<ObservedSelection> selections = [];
    private readonly HashSet<string> types = new(StringComparer.Ordinal);
    private AuditActor? actor;

    public void OnStart(RequestContext context, OperationDefinitionNode operation)
    {
        actor = AuditLog.Actor(context.User, http.HttpContext, context.Transport, operation.Name?.Value ?? operation.Operation.ToString().ToLowerInvariant());
        AuditScope.Set(actor);
    }

    public bool Observes(ObjectType type) =>
        reads && PatientTypes.GetOrAdd(type, static t => t.RuntimeType is { } clr && PatientRecord.IsPatientData(clr));

    public void OnObject(ObjectType type, object value, ObservedSelection selection)
    {
        var patient = PatientRecord.PatientIdOf(value);
        lock (gate)
        {
            if (patient is { } id)
            {
                patients.Add(id);
            }

            if (selections.Add(selection))
            {
                types.Add(type.Name);
            }
        }
    }

    public async ValueTask OnCompletedAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        if (actor is null || selections.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entityType = string.Join(',', types.Order(StringComparer.Ordinal));
        var fields = AuditEntryLimits.Cut(
            string.Join(',', selections.SelectMany(s => s.Fields.Select(f => s.Path.Length == 0 ? f : s.Path + "." + f)).Distinct().Order(StringComparer.Ordinal)),
            AuditEntryLimits.Fields);
        var template = actor.Entry(AuditAction.Read, entityType, now);
        template.Fields = fields;

        // Committed with other requests' entries (group commit), before this response goes out.
        await batcher.WriteAsync(template, patients.Order().ToList());
    }
}
