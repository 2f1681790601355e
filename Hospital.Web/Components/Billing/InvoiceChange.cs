using Gql.Client;
using Hospital.Web.GraphQL;

namespace Hospital.Web.Components.Billing;

/// <summary>
/// What a change to an invoice came to: the invoice as the API holds it now, or why it was not made: messages beside the
/// fields they concern (the input's field names: description, quantity, unitPrice, amount, reference, reason), one
/// for the form as a whole, and whether someone else's change to the invoice got in the way.
/// </summary>
public sealed record InvoiceChange(IInvoiceDetail? Invoice, string? Problem, IReadOnlyDictionary<string, string> Fields, bool Conflict)
{
    public const string ConflictText = "Someone else changed this invoice at the same moment, so nothing was saved. It now shows their change: check it and try again.";

    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>();

    public bool Saved => Invoice is not null;

    /// <summary>
    /// Reads a mutation's result. <paramref name="field"/> turns the mutation's own typed errors (a payment over the
    /// balance, say) into a message beside a field; the errors every billing mutation shares are handled here.
    /// </summary>
    public static InvoiceChange From<TResult>(
        IOperationResult<TResult> result,
        Func<TResult, IInvoiceDetail?> invoice,
        Func<TResult, IEnumerable<object>?> errors,
        Func<object, (string Field, string Message)?>? field = null)
        where TResult : class
    {
        if (!result.IsSuccess)
        {
            return new(null, ErrorText.Describe(result.Errors), NoFields, false);
        }

        var refused = errors(result.Data!)?.ToList() ?? [];
        if (refused.Count == 0)
        {
            return invoice(result.Data!) is { } changed
                ? new(changed, null, NoFields, false)
                : new(null, "The server answered without the invoice. Reload the page.", NoFields, false);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var conflict = false;
        foreach (var error in refused)
        {
            if (field?.Invoke(error) is { } own)
            {
                fields[own.Field] = own.Message;
            }
            else if (error is IInvoiceFieldErrors validation && validation.Fields.Count > 0)
            {
                foreach (var broken in validation.Fields)
                {
                    if (broken.Field is { Length: > 0 } name)
                    {
                        fields.TryAdd(name, Sentence(broken.Message));
                    }
                    else
                    {
                        problems.Add(broken.Message);
                    }
                }
            }
            else if (error is IUserError_ConcurrencyError)
            {
                conflict = true;
                problems.Add(ConflictText);
            }
            else
            {
                problems.Add(ErrorText.Message(error));
            }
        }

        return new(null, problems.Count == 0 ? null : string.Join(" ", problems.Distinct()), fields, conflict);
    }

    // The API's field messages read after the field's name ("must be positive"); beside the field they stand alone.
    private static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
}
