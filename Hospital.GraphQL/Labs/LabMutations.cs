using Gql.Server.Relay;
using Hospital.Data;
using Hospital.Data.Domain;
using Hospital.Data.Entities;
using Hospital.GraphQL.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Labs;

/// <summary>The laboratory's steps on an order (see LabOrderRules): specimen collected, analysis started, results recorded, or cancelled.</summary>
[MutationType]
public static class LabMutations
{
    [GraphQLDescription("Orders a lab test for a patient; the order starts ORDERED.")]
    public static async Task<LabOrderPayload> OrderLabTestAsync(OrderLabTestInput input, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == input.PatientId, cancellationToken))
        {
            return new LabOrderPayload(null, [new NotFoundError($"There is no patient with id {input.PatientId}.")]);
        }

        if (!await db.Doctors.AnyAsync(d => d.Id == input.OrderedById, cancellationToken))
        {
            return new LabOrderPayload(null, [new NotFoundError($"There is no doctor with id {input.OrderedById}.")]);
        }

        var order = new LabOrder
        {
            PatientId = input.PatientId,
            OrderedById = input.OrderedById,
            TestCode = input.TestCode.Trim(),
            TestName = input.TestName.Trim(),
            Priority = input.Priority,
            OrderedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.LabOrders.Add(order);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new LabOrderPayload(order, null);
        }
        catch (Exception e) when (UserErrors.From(e) is { } error)
        {
            return new LabOrderPayload(null, [error]);
        }
    }

    [GraphQLDescription("The specimen was taken: ORDERED → COLLECTED.")]
    public static Task<LabOrderPayload> CollectLabSpecimenAsync(LabOrderStepInput input, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, input.LabOrderId, cancellationToken, order => order.TransitionTo(LabOrderStatus.Collected, clock.GetUtcNow().UtcDateTime));

    [GraphQLDescription("The laboratory started the analysis: COLLECTED → IN_PROGRESS.")]
    public static Task<LabOrderPayload> StartLabAnalysisAsync(LabOrderStepInput input, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, input.LabOrderId, cancellationToken, order => order.TransitionTo(LabOrderStatus.InProgress, clock.GetUtcNow().UtcDateTime));

    [GraphQLDescription("Records the results of an analysis in progress and completes the order: IN_PROGRESS → RESULTED. Numeric values are flagged ABNORMAL or CRITICAL against their reference range.")]
    public static Task<LabOrderPayload> RecordLabResultsAsync(RecordLabResultsInput input, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, input.LabOrderId, cancellationToken, order =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (input.Results.Count == 0)
            {
                throw new DomainValidationException(["RecordLabResultsInput.results: at least one result is needed"]);
            }

            foreach (var result in input.Results)
            {
                order.Results.Add(new LabResult
                {
                    Analyte = result.Analyte.Trim(),
                    Value = result.Value.Trim(),
                    NumericValue = result.NumericValue,
                    Unit = result.Unit,
                    ReferenceLow = result.ReferenceLow,
                    ReferenceHigh = result.ReferenceHigh,
                    ReferenceRange = result.ReferenceLow is not null || result.ReferenceHigh is not null ? $"{result.ReferenceLow}–{result.ReferenceHigh}" : null,
                    Flag = result.NumericValue is { } value ? LabOrderRules.Flag(value, result.ReferenceLow, result.ReferenceHigh) : ResultFlag.Normal,
                    ResultedAt = now,
                });
            }

            order.TransitionTo(LabOrderStatus.Resulted, now);
        });

    [GraphQLDescription("Cancels an order that has no results yet; a reason is required.")]
    public static Task<LabOrderPayload> CancelLabOrderAsync(LabOrderReasonInput input, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, input.LabOrderId, cancellationToken, order => order.TransitionTo(LabOrderStatus.Cancelled, clock.GetUtcNow().UtcDateTime, input.Reason));

    private static async Task<LabOrderPayload> StepAsync(HospitalDbContext db, int id, CancellationToken cancellationToken, Action<LabOrder> step)
    {
        var order = await db.LabOrders.Include(o => o.Results).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return new LabOrderPayload(null, [new NotFoundError($"There is no lab order with id {id}.")]);
        }

        try
        {
            step(order);
            await db.SaveChangesAsync(cancellationToken);
            return new LabOrderPayload(order, null);
        }
        catch (Exception e) when (UserErrors.From(e) is { } error)
        {
            return new LabOrderPayload(null, [error]);
        }
    }
}

[GraphQLDescription("A new lab order: for whom, by which doctor, which test, how urgent (ROUTINE unless said).")]
public sealed record OrderLabTestInput(
    [property: ID<Patient>] int PatientId,
    [property: ID<Doctor>] int OrderedById,
    [property: GraphQLDescription("The test's code, e.g. K or CBC.")] string TestCode,
    string TestName,
    LabPriority Priority = LabPriority.Routine);

[GraphQLDescription("Which lab order to move along.")]
public sealed class LabOrderStepInput
{
    [ID<LabOrder>]
    public required int LabOrderId { get; init; }
}

[GraphQLDescription("Which lab order, and why it is cancelled.")]
public sealed class LabOrderReasonInput
{
    [ID<LabOrder>]
    public required int LabOrderId { get; init; }

    public required string Reason { get; init; }
}

[GraphQLDescription("The results of one lab order's analysis.")]
public sealed class RecordLabResultsInput
{
    [ID<LabOrder>]
    public required int LabOrderId { get; init; }

    public required IReadOnlyList<LabResultInput> Results { get; init; }
}

[GraphQLDescription("One measured value. With a numeric value and a reference range, the result is flagged.")]
public sealed class LabResultInput
{
    [GraphQLDescription("What was measured, e.g. Potassium.")]
    public required string Analyte { get; init; }

    [GraphQLDescription("The value as reported, e.g. \"4.1\" or \"negative\".")]
    public required string Value { get; init; }

    public decimal? NumericValue { get; init; }

    public string? Unit { get; init; }

    public decimal? ReferenceLow { get; init; }

    public decimal? ReferenceHigh { get; init; }
}

[GraphQLDescription("The lab order as it is after the change, or the errors that prevented it.")]
public sealed record LabOrderPayload(LabOrder? LabOrder, IReadOnlyList<IUserError>? Errors);
