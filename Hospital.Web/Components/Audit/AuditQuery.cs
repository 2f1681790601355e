using System.Globalization;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Http;

namespace Hospital.Web.Components.Audit;

/// <summary>
/// The audit log's filters as the API takes them: a patient number, a user name, an action and a range of the
/// hospital's days (both ends inclusive). The page and the CSV export share it, so the export has what the page shows.
/// </summary>
public sealed record AuditQuery(int? Patient, string? User, AuditAction? Action, DateOnly? From, DateOnly? To)
{
    public static AuditQuery All { get; } = new(null, null, null, null, null);

    public string? PatientId => Patient is { } patient ? AuditLinks.Patient(patient) : null;

    /// <summary>An input field set to null is sent as null, which the API refuses: no user means no <c>where</c>.</summary>
    public AuditEntryFilterInput? Where => User is { Length: > 0 } user
        ? new AuditEntryFilterInput { UserName = new StringOperationFilterInput { Eq = user } }
        : null;

    /// <summary>The range as instants: from the first day's start to the end of the last day, in the hospital's zone.</summary>
    public (DateTimeOffset? From, DateTimeOffset? To) Range(HospitalTime time) =>
        (From is { } from ? time.Day(from).Start : null, To is { } to ? time.Day(to).End : null);

    /// <summary>The filters as a query string (for the export link), empty when there are none.</summary>
    public string QueryString(HospitalTime time)
    {
        var parts = new List<string>();
        Add("patient", Patient?.ToString(CultureInfo.InvariantCulture));
        Add("user", User);
        Add("action", Action?.ToString());
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);

        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
    }

    /// <summary>Reads the filters of a query string; null when one is malformed.</summary>
    public static AuditQuery? Parse(IQueryCollection query) =>
        new AuditFilter { Patient = query["patient"], User = query["user"], Action = query["action"], From = Day(query["from"]), To = Day(query["to"]) }.Parse();

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary>The filter form's fields as typed.</summary>
public sealed class AuditFilter
{
    public string? Patient { get; set; }

    public string? User { get; set; }

    public string? Action { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    /// <summary>The query these fields ask for; null when the patient number is not a number or the range is backwards.</summary>
    public AuditQuery? Parse()
    {
        int? patient = null;
        if (!string.IsNullOrWhiteSpace(Patient))
        {
            if (!int.TryParse(Patient.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            {
                return null;
            }

            patient = number;
        }

        AuditAction? action = null;
        if (!string.IsNullOrEmpty(Action))
        {
            if (!Enum.TryParse<AuditAction>(Action, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return null;
            }

            action = parsed;
        }

        if (From is { } from && To is { } to && to < from)
        {
            return null;
        }

        return new AuditQuery(patient, string.IsNullOrWhiteSpace(User) ? null : User.Trim(), action, From, To);
    }
}

/// <summary>Links from the log to what it names.</summary>
public static class AuditLinks
{
    /// <summary>The global id of a patient number (the chart's address uses it).</summary>
    public static string Patient(int patient) => Gql.Server.Relay.NodeIds.Encode("Patient", patient);
}
