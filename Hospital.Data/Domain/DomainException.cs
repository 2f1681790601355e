namespace Hospital.Data.Domain;

/// <summary>A broken domain rule. The API maps each subclass to a typed GraphQL error; the UI shows the message.</summary>
public abstract class DomainException(string message) : Exception(message);

public sealed class InvalidStatusTransitionException(string entity, string from, string to, string? why = null)
    : DomainException($"{entity} cannot move from {from} to {to}{(why is null ? "" : ": " + why)}.")
{
    public string Entity { get; } = entity;
    public string From { get; } = from;
    public string To { get; } = to;
}

public sealed class ReasonRequiredException(string action) : DomainException($"A reason is required to {action}.");

public sealed class AppointmentOverlapException(int doctorId, DateTime startsAt, DateTime endsAt)
    : DomainException($"Doctor {doctorId} already has an appointment between {startsAt:u} and {endsAt:u}.")
{
    public int DoctorId { get; } = doctorId;

    public DateTime StartsAt { get; } = startsAt;

    public DateTime EndsAt { get; } = endsAt;
}

public sealed class OutsideWorkingHoursException(int doctorId, DateTime startsAt)
    : DomainException($"Doctor {doctorId} does not work at {startsAt:u}.")
{
    public int DoctorId { get; } = doctorId;

    public DateTime StartsAt { get; } = startsAt;
}

public sealed class BedNotAvailableException(int bedId, string status)
    : DomainException($"Bed {bedId} is {status}, not available.")
{
    public int BedId { get; } = bedId;

    public string Status { get; } = status;
}

public sealed class PatientAlreadyAdmittedException(int patientId)
    : DomainException($"Patient {patientId} already has an active admission.")
{
    public int PatientId { get; } = patientId;
}

public sealed class PaymentExceedsBalanceException(string invoiceNumber, decimal amount, decimal balance)
    : DomainException($"Payment of {amount:0.00} exceeds the balance {balance:0.00} of invoice {invoiceNumber}.")
{
    public decimal Balance { get; } = balance;
}

/// <summary>The visit or stay already has an invoice that is not void.</summary>
public sealed class AlreadyInvoicedException(int invoiceId, string invoiceNumber)
    : DomainException($"This is already billed on invoice {invoiceNumber}; void that invoice first to bill it again.")
{
    public int InvoiceId { get; } = invoiceId;
    public string InvoiceNumber { get; } = invoiceNumber;
}

public sealed class RefundExceedsPaymentException(decimal amount, decimal refundable)
    : DomainException($"A refund of {amount:0.00} is more than the {refundable:0.00} left of the payment.")
{
    public decimal Refundable { get; } = refundable;
}

/// <summary>One or more field rules failed; <see cref="Errors"/> lists them as "Entity.Field: message".</summary>
public sealed class DomainValidationException(IReadOnlyList<string> errors)
    : DomainException("Validation failed: " + string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>The record a change names does not exist. Not a <see cref="DomainException"/>: no rule was broken.</summary>
public sealed class NotFoundException(string entity, object id) : Exception($"There is no {entity} with id {id}.")
{
    public string Entity { get; } = entity;
}

/// <summary>
/// The form was loaded at another version than the record has now: someone else changed it in the meantime.
/// <see cref="ChangedFields"/> names the fields whose stored value differs from what the form sent.
/// </summary>
public sealed class StaleVersionException(string entity, int sentVersion, int currentVersion, IReadOnlyList<string> changedFields)
    : DomainException($"Someone else changed this {entity} since you loaded it (version {sentVersion}, now {currentVersion}).")
{
    public int CurrentVersion { get; } = currentVersion;
    public IReadOnlyList<string> ChangedFields { get; } = changedFields;
}
