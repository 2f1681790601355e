using Gql.Client;

namespace Hospital.Web.Components;

/// <summary>How pages read a mutation's result: the changed record, or the words for why it was not changed.</summary>
public static class MutationOutcome
{
    /// <summary>A mutation's outcome: the changed record, or the words for why not (typed payload errors, else transport or GraphQL errors).</summary>
    public static (T? Value, string Error) Unpack<TData, T>(IOperationResult<TData> result, Func<TData, (T? Value, IEnumerable<object>? Errors)> read)
        where TData : class
        where T : class
    {
        if (result.Data is null || result.Errors.Count > 0)
        {
            return (null, ErrorText.Describe(result.Errors));
        }

        var (value, errors) = read(result.Data);
        var messages = errors?.Select(ErrorText.Message).ToList() ?? [];
        return messages.Count > 0 || value is null ? (null, messages.Count > 0 ? string.Join(" ", messages) : "The change was not made.") : (value, "");
    }
}
