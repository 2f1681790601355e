using Microsoft.EntityFrameworkCore;

namespace Hospital.Data;

/// <summary>Recognises a save the database refused for a unique index (a concurrent writer got there first), on every provider.</summary>
public static class UniqueViolations
{
    private const int SqliteConstraintUnique = 2067;
    private const int MySqlDuplicateEntry = 1062;

    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation }:
                case Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique }:
                case MySqlConnector.MySqlException { Number: MySqlDuplicateEntry }:
                    return true;
            }
        }

        return false;
    }
}
