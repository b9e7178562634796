namespace DevEndpoint.Catalog;

/// <summary>The kinds of connection, as <c>--type</c> names them.</summary>
public static class ConnectionTypes
{
    public const string Postgres = "postgres";

    public const string MySql = "mysql";

    public const string Sqlite = "sqlite";

    public const string S3 = "s3";

    /// <summary>Every type, in the order help texts list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Postgres, MySql, Sqlite, S3];

    /// <summary>Whether the type is a database engine (crawled and loaded through ADO.NET).</summary>
    public static bool IsDatabase(string type) => type is Postgres or MySql or Sqlite;
}
