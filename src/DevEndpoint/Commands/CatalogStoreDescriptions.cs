namespace DevEndpoint.Commands;

/// <summary>
/// <c>devendpoint catalog copy|grant|revoke|grants</c>: moving a catalog between stores, and who may change what on
/// PostgreSQL. The command line's only: they are the catalog owner's work, not a notebook's.
/// </summary>
internal static class CatalogStoreDescriptions
{
    public static CommandDescription Copy { get; } = new(
        "catalog copy",
        "Copy a whole catalog (every database, table, version, partition, crawl run, classifier, bookmark, connection, ML transform and data quality result) to another store, in one transaction: a SQLite file to PostgreSQL, or back. Grants stay with their store.",
        [
            new("--from", "The catalog to copy: a file, a postgresql://user@host:port/database URL, or a postgres connection's name.") { Required = true },
            new("--to", "The catalog to copy into, named the same ways; created when missing.") { Required = true },
            new("--replace", "Empty the target first when it holds anything (without it, a target that is not empty is refused).") { Value = OptionValue.Flag },
        ])
    {
        Fronts = Fronts.Cli,
    };

    public static CommandDescription Grant { get; } = new(
        "catalog grant",
        "Grant a PostgreSQL role read or write access to a database of a PostgreSQL catalog (the owner of the catalog only). PostgreSQL enforces it: a reader can crawl, write and delete nothing in the database.",
        [
            new("--database", "The database (it need not exist yet).") { Positional = true, Required = true },
            new("--role", "The PostgreSQL role.") { Required = true },
            new("--read", "Read access: see the database and everything in it.") { Value = OptionValue.Flag },
            new("--write", "Write access: also crawl into it, write tables to it, change and delete them.") { Value = OptionValue.Flag },
            CommonOptions.Catalog,
        ])
    {
        Fronts = Fronts.Cli,
    };

    public static CommandDescription Revoke { get; } = new(
        "catalog revoke",
        "Take back a grant (the owner of the catalog only): --write leaves the role reading the database, --read takes all its access to it.",
        [
            new("--database", "The database.") { Positional = true, Required = true },
            new("--role", "The PostgreSQL role.") { Required = true },
            new("--read", "Take all the role's access to the database.") { Value = OptionValue.Flag },
            new("--write", "Take its write access, leaving it reading.") { Value = OptionValue.Flag },
            CommonOptions.Catalog,
        ])
    {
        Fronts = Fronts.Cli,
    };

    public static CommandDescription Grants { get; } = new(
        "catalog grants",
        "List the grants of a PostgreSQL catalog: which role may read or write which database.",
        [CommonOptions.Catalog])
    {
        Fronts = Fronts.Cli,
    };
}
