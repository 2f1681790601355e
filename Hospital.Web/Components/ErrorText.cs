using Gql.Client;

namespace Hospital.Web.Components;

/// <summary>Turns GraphQL and transport errors into one sentence for staff: messages only, never exceptions or stack traces.</summary>
public static class ErrorText
{
    public static string Describe(IReadOnlyList<GraphQLClientError> errors)
    {
        if (errors.Count == 0)
        {
            return "The server returned no data.";
        }

        if (errors.Any(e => e.Code is ClientErrorCodes.NetworkError or ClientErrorCodes.HttpError))
        {
            return "The hospital server could not be reached. Check the connection and try again.";
        }

        return string.Join(" ", errors.Select(e => e.Message).Distinct().Take(3));
    }

    /// <summary>The words of a mutation's payload error (each implements the schema's <c>Error</c>, read by the <c>UserError</c> fragment).</summary>
    public static string Message(object error) =>
        error is Hospital.Web.GraphQL.IUserError known ? known.Message : "The change was not made, for a reason this version of the app does not know. Reload the page.";
}
