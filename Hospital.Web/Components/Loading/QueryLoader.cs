using System.Text.Json;
using Gql.Client;
using Radzen;

namespace Hospital.Web.Components.Loading;

/// <summary>
/// What a page shows of one query: its data, or the words for why it could not be loaded (told once as a notification
/// too), and whether a load is under way. Loads may overlap (typing, fast paging): only the latest one's answer is
/// shown. The data's JSON is kept for the page to persist at the end of prerendering, and <see cref="Restore"/> reads it
/// back in the interactive render, so the circuit does not ask again for what the prerender loaded.
/// </summary>
/// <param name="notifications">Where failures are told.</param>
/// <param name="failure">The notification's summary, e.g. "Patients could not be loaded".</param>
public sealed class QueryLoader<TData>(NotificationService notifications, string failure)
    where TData : class
{
    // Persisted state travels in the circuit's first SignalR message: a result larger than this is loaded again
    // rather than making that message too large (HospitalWebExtensions raises the hub's limit to fit this).
    internal const int MaxKeptJsonLength = 256 * 1024;

    private int version;

    /// <summary>The latest data shown, kept after a failed refresh.</summary>
    public TData? Data { get; private set; }

    /// <summary>Why the latest load failed, in words for staff; null after a success.</summary>
    public string? Error { get; private set; }

    public bool Loading { get; private set; }

    /// <summary>The shown data's JSON, to persist across prerendering; null when there is none or it is too large to hand over.</summary>
    public JsonElement? Json { get; private set; }

    /// <summary>Shows data a prerender kept (its JSON); false when there is none or it does not fit, and the page loads instead.</summary>
    public bool Restore(JsonElement? json, Func<JsonElement, TData> read)
    {
        if (json is not { } kept)
        {
            return false;
        }

        var result = OperationResultFactory.FromData(kept, read);
        if (!result.IsSuccess)
        {
            return false;
        }

        Show(result);
        return true;
    }

    /// <summary>
    /// Runs <paramref name="query"/> and shows its answer; true when that answer's data is shown, false when it failed,
    /// was cancelled, or a later load overtook it.
    /// </summary>
    public async Task<bool> LoadAsync(Func<CancellationToken, Task<IOperationResult<TData>>> query, CancellationToken cancellationToken = default)
    {
        var mine = ++version;
        Loading = true;
        IOperationResult<TData> result;
        try
        {
            result = await query(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            if (mine == version)
            {
                Loading = false;
            }

            return false;
        }

        if (mine != version)
        {
            return false;
        }

        Loading = false;
        return Show(result);
    }

    /// <summary>Shows a result (a watched query's next one, say): its data, or its error with the last data kept.</summary>
    public bool Show(IOperationResult<TData> result)
    {
        if (result.Data is null || result.Errors.Count > 0)
        {
            Error = ErrorText.Describe(result.Errors);
            notifications.Notify(NotificationSeverity.Error, failure, Error, TimeSpan.FromSeconds(8));
            return false;
        }

        Error = null;
        Data = result.Data;
        Json = result.DataJson is { } json && json.GetRawText().Length <= MaxKeptJsonLength ? json : null;
        return true;
    }

    /// <summary>Puts changed data in place (a subscription payload applied by the page); it has no JSON to hand over.</summary>
    public void Replace(TData data)
    {
        Data = data;
        Json = null;
    }
}
