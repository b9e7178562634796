using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace DevEndpoint.Catalog.Internals;

/// <summary>Words what goes wrong with a catalog file: every message names the file, what was found and what to do.</summary>
internal static partial class CatalogErrors
{
    public const int BusyCode = 5;
    public const int LockedCode = 6;
    public const int ReadOnlyCode = 8;
    public const int CorruptCode = 11;
    public const int FullCode = 13;
    public const int CannotOpenCode = 14;
    public const int NotADatabaseCode = 26;

    /// <summary>What SQLite reported about the catalog file, as an error naming the file.</summary>
    public static DevEndpointException Failed(string path, SqliteException e)
    {
        var found = Found(e);
        var message = e.SqliteErrorCode switch
        {
            CorruptCode or NotADatabaseCode => Damaged(path, found),
            ReadOnlyCode => ReadOnlyMessage(path),
            CannotOpenCode => $"Cannot open the catalog at {path}: SQLite found \"{found}\". Check that the file and its folder exist and that you may read them (and write them, to change the catalog).",
            FullCode => $"Cannot change the catalog at {path}: the disk is full (SQLite found \"{found}\"). Free some space and run the command again; the catalog is as it was before the command.",
            BusyCode or LockedCode => $"The catalog at {path} is busy: another process has held it for over 60 seconds (SQLite found \"{found}\"). Wait for that process to finish, then run the command again.",
            _ => $"The catalog at {path} failed: SQLite found \"{found}\". Run 'devendpoint catalog check --catalog {path}' to see whether the file is sound.",
        };
        return new DevEndpointException(message, e);
    }

    /// <summary>A change asked of a catalog opened read-only.</summary>
    public static DevEndpointException ReadOnly(string path) => new(ReadOnlyMessage(path));

    /// <summary>The scheme of a catalog named as a URL (<c>postgresql://host/db</c>), or null for a file path.</summary>
    public static string? StoreScheme(string path) => StoreUrl().Match(path) is { Success: true } match ? match.Groups["scheme"].Value : null;

    /// <summary>
    /// A catalog named as a URL of a store this build does not have: refused by name, rather than taken for a file
    /// path (which would make a folder called <c>postgresql:</c>). The URL is shown without its user and password.
    /// </summary>
    public static DevEndpointException UnsupportedStore(string path, string scheme) =>
        new($"The catalog {StoreUrl().Replace(path, "${scheme}://", 1)} names a {scheme}:// store, which this build of DevEndpoint does not support: a catalog is a SQLite file or a PostgreSQL database (postgresql://user@host:port/database). Name a catalog file (such as --catalog catalog.db), or leave --catalog out to use {DataCatalog.DefaultPath}.");

    public static DevEndpointException Newer(string path, int found, int reads) =>
        new($"The catalog at {path} was written by a newer DevEndpoint (schema {found}, this build reads {reads}). Upgrade DevEndpoint to use it.");

    public static DevEndpointException Older(string path, int found, int reads) =>
        new($"The catalog at {path} has schema {found}, older than this build's {reads}, and you may not write it, so it cannot be brought up to date. Open it once with write permission (any command), or work on a copy: devendpoint catalog backup --catalog {path} --to <file>.");

    public static DevEndpointException NoFileBackup(string path) =>
        new($"The catalog at {path} is a PostgreSQL database, which catalog backup cannot copy to a file: copy it with devendpoint catalog copy --from {path} --to <file.db>, or back the database up with pg_dump.");

    public static DevEndpointException Missing(string path) =>
        new($"The catalog file {path} does not exist. Check the path (relative paths start from {Environment.CurrentDirectory}), or crawl a folder into it first.");

    public static DevEndpointException NotSetUp(string path) =>
        new($"The file {path} is not a DevEndpoint catalog (it has no catalog tables), and it cannot be made one because you may not write it. Name a catalog file, or ask for write permission on this one.");

    public static DevEndpointException CannotCreate(string path, string reason) =>
        new($"Cannot create the catalog at {path}: {reason.TrimEnd('.')}. Choose a folder you may write, or name another catalog file (--catalog, or ${DataCatalog.PathVariable}).");

    public static DevEndpointException BackupExists(string target) =>
        new($"'{target}' already exists: a backup never replaces a file. Choose another file, or delete that one first.");

    /// <summary>A job run the catalog has no record of, with the latest runs it has.</summary>
    public static DevEndpointException UnknownJobRun(string path, string id, IReadOnlyList<string> latest) =>
        new(latest.Count == 0
            ? $"The catalog at {path} has no job runs, so none is '{id}'. Run a job first (devendpoint job run), or name the catalog it ran with (--catalog)."
            : $"The catalog at {path} has no job run '{id}'. Its latest: {string.Join(", ", latest)}; devendpoint job list shows them all.");

    /// <summary>The message of SQLite itself, without Microsoft.Data.Sqlite's <c>SQLite Error n: '...'.</c> wrapping.</summary>
    public static string Found(SqliteException e) =>
        SqliteMessage().Match(e.Message) is { Success: true } match ? match.Groups[1].Value : e.Message.TrimEnd('.');

    /// <summary>The path of the last good copy of the catalog at <paramref name="path"/>, which each crawl keeps.</summary>
    public static string LastGoodCopy(string path) => path + ".bak";

    private static string Damaged(string path, string found)
    {
        var copy = LastGoodCopy(path);
        var what = found.Contains("not a database", StringComparison.Ordinal) ? "is damaged or is not a catalog file" : "is damaged";
        var advice = File.Exists(copy)
            ? $"The last good copy, kept before the last crawl committed, is {copy}: move the damaged file away and copy {copy} in its place (crawl again what was crawled since)."
            : $"No good copy of it was kept (each crawl keeps one at {copy}): restore it from a backup (devendpoint catalog backup makes one), or move it away and crawl again to rebuild it.";
        return $"The catalog at {path} {what}: SQLite found \"{found}\". {advice} 'devendpoint catalog check --catalog {path}' reports what is wrong.";
    }

    private static string ReadOnlyMessage(string path) =>
        $"Cannot change the catalog at {path}: you may read it but not write it (no write permission on the file or its folder). Ask its owner for write permission, or work on a copy: devendpoint catalog backup --catalog {path} --to <file>.";

    /// <summary>A URL's scheme and, when given, its user and password (never shown).</summary>
    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?:[^@/]*@)?")]
    private static partial Regex StoreUrl();

    [GeneratedRegex(@"^SQLite Error \d+: '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex SqliteMessage();
}
