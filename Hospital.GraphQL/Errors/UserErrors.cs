using Hospital.Data.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hospital.GraphQL.Errors;

// The errors mutations declare with [Error<T>] (the mutation conventions): each stands for the exceptions its
// constructors take, and the engine turns a thrown one into the payload's typed error. `code` is a stable word for
// programs that do not switch on __typename. They are open ([AllowAnonymous]): they appear only in the payloads of
// mutations that have rules of their own, and say nothing the caller did not send.

[GraphQLDescription("The record does not exist (or is not visible to you).")]
[AllowAnonymous]
public sealed class NotFoundError(NotFoundException exception)
{
    public string Message { get; } = exception.Message;

    [GraphQLDescription("A stable word for programs: NOT_FOUND.")]
    public string Code => "NOT_FOUND";
}

[GraphQLDescription("The record is not in a state that allows this step, e.g. completing an appointment that never started.")]
[AllowAnonymous]
public sealed class InvalidTransitionError(InvalidStatusTransitionException exception)
{
    public string Message { get; } = exception.Message;

    [GraphQLDescription("A stable word for programs: INVALID_TRANSITION.")]
    public string Code => "INVALID_TRANSITION";

    [GraphQLDescription("The record's status now.")]
    public string From { get; } = exception.From;

    [GraphQLDescription("The status the step would have set.")]
    public string To { get; } = exception.To;
}

[GraphQLDescription("Someone else changed the record since you loaded it; reload and try again.")]
[AllowAnonymous]
public sealed class ConcurrencyError
{
    public ConcurrencyError(DbUpdateConcurrencyException exception) =>
        Message = $"Someone else changed this {exception.Entries.FirstOrDefault()?.Metadata.DisplayName().ToLowerInvariant() ?? "record"} in the meantime. Reload it and try again.";

    public ConcurrencyError(StaleVersionException exception)
    {
        Message = exception.Message + " Reload it and try again.";
        CurrentVersion = exception.CurrentVersion;
        ChangedFields = exception.ChangedFields;
    }

    public string Message { get; }

    [GraphQLDescription("A stable word for programs: CONCURRENT_CHANGE.")]
    public string Code => "CONCURRENT_CHANGE";

    [GraphQLDescription("The record's version now, where the mutation took a version: send it with your changes after you reviewed theirs.")]
    public int? CurrentVersion { get; }

    [GraphQLDescription("The input fields whose stored value differs from what you sent, e.g. phone or address.city (empty when not known).")]
    public IReadOnlyList<string> ChangedFields { get; } = [];
}

[GraphQLDescription("The input breaks a rule (a required reason is missing, a value is out of range, ...).")]
[AllowAnonymous]
public sealed class ValidationError
{
    public ValidationError(DomainValidationException exception)
    {
        Message = string.Join("; ", exception.Errors);
        Errors = exception.Errors;
        Fields = [.. exception.Errors.Select(InputField.FromError)];
    }

    public ValidationError(DomainException exception)
    {
        Message = exception.Message;
        Errors = [exception.Message];
        Fields = [new InputFieldError(null, exception.Message)];
    }

    public string Message { get; }

    [GraphQLDescription("A stable word for programs: VALIDATION.")]
    public string Code => "VALIDATION";

    [GraphQLDescription("Each broken rule, as \"Entity.field: message\" where it concerns one field.")]
    public IReadOnlyList<string> Errors { get; }

    [GraphQLDescription("The same rules by input field (e.g. firstName, address.city), for forms to show beside the field; field is null where a rule concerns no one field.")]
    public IReadOnlyList<InputFieldError> Fields { get; } = [];
}

[GraphQLDescription("A broken rule of one input field.")]
[AllowAnonymous]
public sealed record InputFieldError(
    [property: GraphQLDescription("The input field's path in the mutation's input, e.g. dateOfBirth or emergencyContact.phone.")] string? Field,
    string Message);

/// <summary>Turns the domain's "Entity.Field.Sub: message" into the input path "field.sub" (entity dropped, camelCase).</summary>
internal static class InputField
{
    public static InputFieldError FromError(string error)
    {
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        var path = colon < 0 ? [] : error[..colon].Split('.');
        return path.Length < 2
            ? new InputFieldError(null, error)
            : new InputFieldError(string.Join('.', path[1..].Select(f => char.ToLowerInvariant(f[0]) + f[1..])), error[(colon + 2)..]);
    }
}

[GraphQLDescription("The payment is more than the invoice's balance.")]
[AllowAnonymous]
public sealed class PaymentExceedsBalanceError(PaymentExceedsBalanceException exception)
{
    public string Message { get; } = exception.Message;

    [GraphQLDescription("A stable word for programs: PAYMENT_EXCEEDS_BALANCE.")]
    public string Code => "PAYMENT_EXCEEDS_BALANCE";

    [GraphQLDescription("What is still owed, the most a payment can be.")]
    public decimal Balance { get; } = exception.Balance;
}

[GraphQLDescription("The refund is more than is left of the payment.")]
[AllowAnonymous]
public sealed class RefundExceedsPaymentError(RefundExceedsPaymentException exception)
{
    public string Message { get; } = exception.Message;

    [GraphQLDescription("A stable word for programs: REFUND_EXCEEDS_PAYMENT.")]
    public string Code => "REFUND_EXCEEDS_PAYMENT";

    [GraphQLDescription("What of the payment can still be refunded.")]
    public decimal Refundable { get; } = exception.Refundable;
}

[GraphQLDescription("The visit or stay is already billed on an invoice that is not void.")]
[AllowAnonymous]
public sealed class AlreadyInvoicedError(AlreadyInvoicedException exception)
{
    public string Message { get; } = exception.Message;

    [GraphQLDescription("A stable word for programs: ALREADY_INVOICED.")]
    public string Code => "ALREADY_INVOICED";

    [GraphQLDescription("The number of the invoice that bills it, e.g. INV-2026-000123.")]
    public string InvoiceNumber { get; } = exception.InvoiceNumber;
}
