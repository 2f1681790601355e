using System.Data.Common;
using System.Globalization;
using System.Text;
using Hospital.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hospital.Data.Audit;

/// <summary>
/// Inserts the read entries of one request in one statement: EF Core sends one INSERT per row on SQLite, and reads are
/// audited on every request, so this writes a single multi-row INSERT whose shared values (who, when, from where, which
/// fields) are parameters given once and only the patient differs per row.
/// </summary>
public static class AuditWriter
{
    /// <summary>Rows per statement: far below every provider's parameter limit.</summary>
    private const int ChunkSize = 500;

    /// <summary>Inserts <paramref name="template"/> once per patient id (once with no patient when the list is empty).</summary>
    /// <param name="db">A context; its connection is used and left as found.</param>
    /// <param name="template">The values every row shares; its patient id and entity key are ignored.</param>
    /// <param name="patientIds">The patients, one row each.</param>
    /// <param name="cancellationToken">Cancels the insert.</param>
    /// <returns>A task.</returns>
    public static async Task InsertAsync(HospitalDbContext db, AuditEntry template, IReadOnlyList<int> patientIds, CancellationToken cancellationToken)
    {
        var q = db.Database.IsMySql() ? '`' : '"';
        string[] shared = ["user_id", "user_name", "role", "staff_member_id", "action", "entity_type", "fields", "occurred_at", "remote_address", "user_agent", "transport", "operation_name"];
        object?[] values =
        [
            template.UserId, template.UserName, template.Role, template.StaffMemberId, template.Action.ToString(), template.EntityType,
            template.Fields, template.OccurredAt, template.RemoteAddress, template.UserAgent, template.Transport, template.OperationName,
        ];
        // Through EF Core (not the connection directly), so its command interceptors (tracing, tests) see the statement.
        var factory = db.Database.GetDbConnection();
        IReadOnlyList<int?> rows = patientIds.Count == 0 ? [null] : patientIds.Select(p => (int?)p).ToList();
        for (var start = 0; start < rows.Count; start += ChunkSize)
        {
            var parameters = new List<DbParameter>();
            var sql = new StringBuilder("INSERT INTO ").Append(q).Append("audit_entries").Append(q).Append(" (");
            sql.AppendJoin(", ", shared.Select(c => q + c + q)).Append(", ").Append(q).Append("patient_id").Append(q).Append(", ").Append(q).Append("entity_key").Append(q).Append(") VALUES ");
            for (var i = 0; i < shared.Length; i++)
            {
                parameters.Add(Parameter(factory, "@s" + i, values[i]));
            }

            var end = Math.Min(rows.Count, start + ChunkSize);
            for (var row = start; row < end; row++)
            {
                sql.Append(row == start ? "(" : ", (");
                for (var i = 0; i < shared.Length; i++)
                {
                    sql.Append("@s").Append(i).Append(", ");
                }

                sql.Append("@p").Append(row).Append(", @k").Append(row).Append(')');
                parameters.Add(Parameter(factory, "@p" + row, rows[row]));
                parameters.Add(Parameter(factory, "@k" + row, rows[row]?.ToString(CultureInfo.InvariantCulture)));
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }
    }

    private static DbParameter Parameter(DbConnection connection, string name, object? value)
    {
        using var command = connection.CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}
