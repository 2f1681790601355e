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
    [Error<NotFoundError>]
    [Error<ValidationError>]
    [Authorize(Roles = [Roles.Doctor])]
    public static async Task<LabOrder> OrderLabTestAsync(
        [ID<Patient>] int patientId,
        [ID<Doctor>] int orderedById,
        [GraphQLDescription("The test's code, e.g. K or CBC.")] string testCode,
        string testName,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        CancellationToken cancellationToken,
        LabPriority priority = LabPriority.Routine)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException("patient", patientId);
        }

        if (!await db.Doctors.AnyAsync(d => d.Id == orderedById, cancellationToken))
        {
            throw new NotFoundException("doctor", orderedById);
        }

        var order = new LabOrder
        {
            PatientId = patientId,
            OrderedById = orderedById,
            TestCode = testCode.Trim(),
            TestName = testName.Trim(),
            Priority = priority,
            OrderedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.LabOrders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        return order;
    }

    [GraphQLDescription("Writes a note on a lab order (an interpretation, a call to the ward, a specimen problem) as the signed-in doctor or nurse; subscribers of `labNoteAdded` hear of it.")]
    [Error<NotFoundError>]
    [Error<ValidationError>]
    [Authorize(Roles = [Roles.Doctor, Roles.Nurse])]
    public static async Task<LabNote> AddLabNoteAsync(
        [ID<LabOrder>] int labOrderId,
        [GraphQLDescription("The note (required, at most 4,000 characters).")] string text,
        HospitalDbContext db,
        [Service] TimeProvider clock,
        System.Security.Claims.ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainValidationException(["LabNote.text: the note is empty."]);
        }

        if (!int.TryParse(user.FindFirst(HospitalClaims.StaffMemberId)?.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var author))
        {
            throw new GraphQLException("Only a member of staff can write a lab note.", ErrorCodes.NotAuthorized);
        }

        var order = await db.LabOrders.SingleOrNotFoundAsync(o => o.Id == labOrderId, "lab order", labOrderId, cancellationToken);
        var note = new LabNote { LabOrderId = order.Id, LabOrder = order, AuthorId = author, Text = text.Trim(), WrittenAt = clock.GetUtcNow().UtcDateTime };
        db.LabNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return note;
    }

    [GraphQLDescription("The specimen was taken: ORDERED → COLLECTED.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    [Authorize(Roles = [Roles.Doctor, Roles.Nurse])]
    public static Task<LabOrder> CollectLabSpecimenAsync([ID<LabOrder>] int labOrderId, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, labOrderId, cancellationToken, order => order.TransitionTo(LabOrderStatus.Collected, clock.GetUtcNow().UtcDateTime));

    [GraphQLDescription("The laboratory started the analysis: COLLECTED → IN_PROGRESS.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ConcurrencyError>]
    [Authorize(Roles = [Roles.Doctor, Roles.Nurse])]
    public static Task<LabOrder> StartLabAnalysisAsync([ID<LabOrder>] int labOrderId, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, labOrderId, cancellationToken, order => order.TransitionTo(LabOrderStatus.InProgress, clock.GetUtcNow().UtcDateTime));

    [GraphQLDescription("Records the results of an analysis in progress and completes the order: IN_PROGRESS → RESULTED. Numeric values are flagged ABNORMAL or CRITICAL against their reference range.")]
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    [Authorize(Roles = [Roles.Doctor])]
    public static Task<LabOrder> RecordLabResultsAsync([ID<LabOrder>] int labOrderId, IReadOnlyList<LabResultInput> results, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, labOrderId, cancellationToken, order =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (results.Count == 0)
            {
                throw new DomainValidationException(["RecordLabResultsInput.results: at least one result is needed"]);
            }

            foreach (var result in results)
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
    [Error<NotFoundError>]
    [Error<InvalidTransitionError>]
    [Error<ValidationError>]
    [Error<ConcurrencyError>]
    [Authorize(Roles = [Roles.Doctor])]
    public static Task<LabOrder> CancelLabOrderAsync([ID<LabOrder>] int labOrderId, [GraphQLDescription("Why, for the record (required).")] string reason, HospitalDbContext db, [Service] TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(db, labOrderId, cancellationToken, order => order.TransitionTo(LabOrderStatus.Cancelled, clock.GetUtcNow().UtcDateTime, reason));

    private static async Task<LabOrder> StepAsync(HospitalDbContext db, int id, CancellationToken cancellationToken, Action<LabOrder> step)
    {
        var order = await db.LabOrders.Include(o => o.Results).SingleOrNotFoundAsync(o => o.Id == id, "lab order", id, cancellationToken);
        step(order);
        await db.SaveChangesAsync(cancellationToken);
        return order;
    }
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
