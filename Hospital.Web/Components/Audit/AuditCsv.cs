using System.Globalization;
using System.Text;
using Hospital.Web.GraphQL;
using Microsoft.AspNetCore.Http;

namespace Hospital.Web.Components.Audit;

/// <summary>
/// <c>GET /audit/export.csv</c> (Admins): the filtered audit log as UTF-8 CSV with a header row, streamed page by page
/// through the app's own client (500 entries a page), so a long log never sits in memory. Cells that a spreadsheet
/// would read as a formula (starting with <c>= + - @</c>, tab or carriage return) are prefixed with an apostrophe.
/// </summary>
public static class AuditCsv
{
    private const int PageSize = 500;

    private static readonly string[] Header = ["occurred_at_utc", "user_name", "role", "action", "entity_type", "entity_key", "patient_id", "fields", "remote_address", "user_agent", "transport", "operation_name"];

    public static async Task ExportAsync(HttpContext context, IGetAuditLogQuery query, HospitalTime time)
    {
        if (AuditQuery.Parse(context.Request.Query) is not { } filter)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("The filters are malformed: patient is a whole number, action an audit action, from and to days (yyyy-MM-dd) in order.", context.RequestAborted);
            return;
        }

        var (from, to) = filter.Range(time);
        var token = context.RequestAborted;
        var first = await query.ExecuteAsync(patientId: filter.PatientId, action: filter.Action, from: from, to: to, where: filter.Where, first: PageSize, after: null, cancellationToken: token);
        if (first.Errors.Count > 0 || first.Data is null)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync(ErrorText.Describe(first.Errors), token);
            return;
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{time.Today:yyyy-MM-dd}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024);
        await writer.WriteAsync(Line(Header));
        var page = first.Data.AuditEntries;
        while (true)
        {
            foreach (var e in page.Nodes ?? [])
            {
                await writer.WriteAsync(Line([
                    e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.UserName, e.Role, e.Action.ToString(), e.EntityType, e.EntityKey,
                    e.PatientId?.ToString(CultureInfo.InvariantCulture), e.Fields, e.RemoteAddress, e.UserAgent, e.Transport, e.OperationName,
                ]));
            }

            await writer.FlushAsync(token);
            if (!page.PageInfo.HasNextPage)
            {
                break;
            }

            var next = await query.ExecuteAsync(patientId: filter.PatientId, action: filter.Action, from: from, to: to, where: filter.Where, first: PageSize, after: page.PageInfo.EndCursor, cancellationToken: token);
            if (next.Data is null)
            {
                // The header is out: the best a stream can do is say so in its last line.
                await writer.WriteAsync(Line(["# the export stopped: " + ErrorText.Describe(next.Errors)]));
                break;
            }

            page = next.Data.AuditEntries;
        }
    }

    /// <summary>One CSV record (RFC 4180 quoting), its cells made safe from formula injection.</summary>
    public static string Line(IReadOnlyList<string?> cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var cell = cells[i] ?? "";
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                cell = "'" + cell;
            }

            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                cell = "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            }

            line.Append(cell);
        }

        return line.Append("\r\n").ToString();
    }
}
