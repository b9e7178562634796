namespace DevEndpoint.Sources.Databases;

/// <summary>
/// A table or view of a database, named by its path: PostgreSQL <c>database/schema/table</c>, MySQL <c>database/table</c>
/// (a MySQL schema is a database), SQLite <c>schema/table</c> (<c>main</c> for the file itself).
/// </summary>
internal sealed record SourceTable(IReadOnlyList<string> Path, bool IsView, string? Comment, long? Rows)
{
    public string Name => Path[^1];

    public override string ToString() => string.Join('/', Path);
}

/// <summary>A column of a source table: its declared type, the Hive type it is catalogued as, and whether it may be null.</summary>
internal sealed record SourceColumn(string Name, string DeclaredType, string HiveType, bool Nullable, string? Comment);
