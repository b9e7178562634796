using System.Data.Common;
using System.Globalization;
using DevEndpoint.Catalog.Internals;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Catalog;

public sealed partial class DataCatalog
{
    /// <summary>
    /// Checks the catalog file at <paramref name="path"/> (or <see cref="DefaultPath"/>) without changing it: SQLite's
    /// integrity check, then the catalog's own consistency (every definition readable, every table in a database, every
    /// partition in a table with as many values as the table has partition keys). A damaged file is reported, not thrown.
    /// </summary>
    public static CatalogCheck Check(string? path = null)
    {
        var location = CatalogLocation.Parse(path);
        if (location.IsPostgres)
        {
            var (found, (databases, tables, partitions), _) = OpenPostgres(location, readOnly: true).CheckFile();
            return new CatalogCheck(location.Display, found, databases, tables, partitions, null);
        }

        var fullPath = location.FilePath!;
        if (!File.Exists(fullPath))
        {
            throw CatalogErrors.Missing(fullPath);
        }

        var (problems, counts, cannotOpen) = new DataCatalog(fullPath, readOnly: true).CheckFile();
        if (cannotOpen)
        {
            // A reader who may not write the folder cannot create the WAL index: read the file as it is.
            (problems, counts, _) = new DataCatalog(fullPath, readOnly: true, immutable: true).CheckFile();
        }

        var copy = CatalogErrors.LastGoodCopy(fullPath);
        return new CatalogCheck(fullPath, problems, counts.Item1, counts.Item2, counts.Item3, File.Exists(copy) ? copy : null);
    }

    /// <summary>What SQLite and the consistency checks found; <c>CannotOpen</c> when SQLite could not open the file for reading.</summary>
    private (List<string> Problems, (int Databases, int Tables, int Partitions) Counts, bool CannotOpen) CheckFile()
    {
        var problems = new List<string>();
        var counts = (0, 0, 0);
        try
        {
            using var connection = store.Open(Path);
            if (store.HasRowIds)
            {
                var integrity = ReadStrings(connection, null, "PRAGMA integrity_check");
                problems.AddRange(integrity.Where(row => row != "ok").Select(row => $"SQLite's integrity check: {row}"));
            }

            if (problems.Count == 0)
            {
                counts = CheckConsistency(connection, problems);
            }
        }
        catch (Exception e) when ((e as SqliteException ?? e.InnerException as SqliteException) is { } sqlite)
        {
            problems.Add($"SQLite found \"{CatalogErrors.Found(sqlite)}\"");
            return (problems, counts, sqlite.SqliteErrorCode is CatalogErrors.CannotOpenCode or CatalogErrors.ReadOnlyCode);
        }

        return (problems, counts, false);
    }

    /// <summary>
    /// Copies the catalog to <paramref name="target"/>, a file that must not exist yet, with SQLite's online backup: the
    /// copy is consistent even while other processes write the catalog, and appears only once complete.
    /// </summary>
    public void Backup(string target)
    {
        if (!store.HasRowIds)
        {
            throw CatalogErrors.NoFileBackup(Path);
        }

        var full = System.IO.Path.GetFullPath(target);
        if (File.Exists(full) || Directory.Exists(full))
        {
            throw CatalogErrors.BackupExists(target);
        }

        CopyTo(full, overwrite: false);
    }

    /// <summary>
    /// Keeps a copy of the catalog, as it is, at <c>&lt;catalog&gt;.bak</c>, for a crawl to make before it commits; a
    /// file that fails SQLite's quick check is not copied, so the copy kept stays the last good one.
    /// </summary>
    internal void KeepLastGoodCopy()
    {
        RequireWritable();
        if (!store.HasRowIds)
        {
            // A PostgreSQL catalog is kept by its server (its backups, its write-ahead log), not by a file beside it.
            return;
        }

        var sound = Read(connection => ReadStrings(connection, null, "PRAGMA quick_check").SequenceEqual(["ok"]));
        if (sound)
        {
            CopyTo(CatalogErrors.LastGoodCopy(Path), overwrite: true);
        }
    }

    private void CopyTo(string target, bool overwrite)
    {
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                try
                {
                    destination.Open();
                }
                catch (SqliteException e)
                {
                    throw CannotCopy(target, $"SQLite found \"{CatalogErrors.Found(e)}\"", e);
                }

                Read(source =>
                {
                    ((SqliteConnection)source).BackupDatabase(destination);
                    return 0;
                });
            }

            File.Move(temporary, target, overwrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotCopy(target, e.Message.TrimEnd('.'), e);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private DevEndpointException CannotCopy(string target, string reason, Exception inner) =>
        new($"Cannot write the copy of the catalog at {Path} to {target}: {reason}. Choose a folder you may write, with room for {new FileInfo(Path).Length} bytes.", inner);

    private (int Databases, int Tables, int Partitions) CheckConsistency(DbConnection connection, List<string> problems)
    {
        if (!store.HasSchema(connection, null))
        {
            problems.Add("it has no catalog tables: it is not a DevEndpoint catalog");
            return (0, 0, 0);
        }

        var version = ReadStrings(connection, null, "SELECT CAST(version AS TEXT) FROM schema_info");
        if (version.Count != 1 || int.Parse(version[0], CultureInfo.InvariantCulture) > CatalogMigrations.Latest)
        {
            problems.Add($"schema_info holds {(version.Count == 0 ? "no version" : string.Join(", ", version))}; this build reads schema {CatalogMigrations.Latest}");
        }

        var databases = Definitions<Database>(connection, "SELECT name, definition FROM databases", "database", problems);
        var tables = Definitions<CatalogTable>(connection, "SELECT database_name || '.' || name, definition FROM tables", "table", problems);
        foreach (var (key, table) in tables)
        {
            if (!databases.ContainsKey(table.DatabaseName))
            {
                problems.Add($"table '{key}': its database '{table.DatabaseName}' is missing");
            }

            if ($"{table.DatabaseName}.{table.Name}" != key)
            {
                problems.Add($"table '{key}': its definition names it '{table.DatabaseName}.{table.Name}'");
            }
        }

        var partitions = Definitions<Partition>(connection, "SELECT database_name || '.' || table_name || ' ' || partition_values, definition FROM partitions", "partition", problems);
        foreach (var (key, partition) in partitions)
        {
            var table = $"{partition.DatabaseName}.{partition.TableName}";
            if (!tables.TryGetValue(table, out var owner))
            {
                problems.Add($"partition '{key}': its table '{table}' is missing");
            }
            else if (owner.PartitionKeys.Count != partition.Values.Count)
            {
                problems.Add($"partition '{key}': {partition.Values.Count} value(s), but table '{table}' has {owner.PartitionKeys.Count} partition key(s)");
            }
        }

        return (databases.Count, tables.Count, partitions.Count);
    }

    private static Dictionary<string, T> Definitions<T>(DbConnection connection, string sql, string kind, List<string> problems)
    {
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        using var command = Command(connection, null, sql, []);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = reader.GetString(0);
            try
            {
                found[key] = CatalogJson.Deserialize<T>(reader.GetString(1));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
            {
                problems.Add($"{kind} '{key}': its definition cannot be read ({e.Message.TrimEnd('.')})");
            }
        }

        return found;
    }
}

/// <summary>What <see cref="DataCatalog.Check"/> found in a catalog file.</summary>
/// <param name="Path">The catalog file checked.</param>
/// <param name="Problems">What is wrong, one line each; empty when the file is sound.</param>
/// <param name="Databases">The databases found (0 when the file could not be read).</param>
/// <param name="Tables">The tables found.</param>
/// <param name="Partitions">The partitions found.</param>
/// <param name="LastGoodCopy">The copy the last crawl kept before it committed, when there is one.</param>
public sealed record CatalogCheck(string Path, IReadOnlyList<string> Problems, int Databases, int Tables, int Partitions, string? LastGoodCopy)
{
    /// <summary>Whether SQLite and the catalog's own checks found nothing wrong.</summary>
    public bool IsSound => Problems.Count == 0;
}
