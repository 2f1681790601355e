namespace Hospital.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    MySql,
}
