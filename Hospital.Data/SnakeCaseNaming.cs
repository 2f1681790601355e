using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hospital.Data;

/// <summary>
/// snake_case tables, columns, keys and indexes for every provider, so SQL written by hand (checks, triggers, reports)
/// reads the same on SQLite, PostgreSQL and MySQL and needs no quoting.
/// </summary>
internal static class SnakeCaseNaming
{
    private static readonly Dictionary<string, string> IdentityTables = new()
    {
        ["AspNetUsers"] = "user_accounts",
        ["AspNetRoles"] = "roles",
        ["AspNetUserRoles"] = "user_roles",
        ["AspNetUserClaims"] = "user_claims",
        ["AspNetUserLogins"] = "user_logins",
        ["AspNetUserTokens"] = "user_tokens",
        ["AspNetRoleClaims"] = "role_claims",
        ["AspNetUserPasskeys"] = "user_passkeys",
    };

    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.BaseType is null && !entity.IsOwned() && entity.GetTableName() is { } table)
            {
                entity.SetTableName(IdentityTables.TryGetValue(table, out var renamed) ? renamed : ToSnakeCase(table));
            }
        }

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } tableName)
            {
                continue;
            }

            var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                if (property.GetColumnName(table) is { } column && property.FindAnnotation(RelationalAnnotationNames.ColumnName) is null)
                {
                    property.SetColumnName(ToSnakeCase(column));
                }
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetName() ?? key.GetDefaultName()!));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(ToSnakeCase(foreignKey.GetConstraintName() ?? foreignKey.GetDefaultName()!));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName() ?? index.GetDefaultDatabaseName()!));
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var prev = i > 0 ? name[i - 1] : '_';
                var next = i + 1 < name.Length ? name[i + 1] : '_';
                if (i > 0 && prev != '_' && (char.IsLower(prev) || char.IsDigit(prev) || (char.IsUpper(prev) && char.IsLower(next))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
