using System.Reflection;
using DevEndpoint.Catalog;
using Npgsql;

namespace DevEndpoint.Cluster;

/// <summary>
/// The PostgreSQL database that holds a cluster's membership, named as a catalog is (<c>postgresql://user@host:port/database</c>
/// or a postgres connection's name); the password comes from <c>PGPASSWORD</c> or the password file, never from the URL,
/// and is never shown.
/// </summary>
internal sealed class ClusterDatabase
{
    private ClusterDatabase(string connectionString, string display)
    {
        ConnectionString = connectionString;
        Display = display;
    }

    /// <summary>The Npgsql connection string, with the password.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the database is, without user or password: <c>postgresql://host:port/database</c>.</summary>
    public string Display { get; }

    public static ClusterDatabase Parse(string url) => Parse(url, null);

    /// <summary>
    /// Reads <c>--cluster</c> as <c>--catalog</c> is read (<see cref="CatalogLocation.Parse"/>: a <c>postgresql://</c> URL,
    /// or the name of a postgres connection, with the same refusals); it must name a PostgreSQL database.
    /// </summary>
    /// <param name="password">The user's password, in place of the one the URL's location finds (<c>PGPASSWORD</c>, the password file).</param>
    public static ClusterDatabase Parse(string url, string? password)
    {
        var location = CatalogLocation.Parse(url);
        if (!location.IsPostgres)
        {
            throw new DevEndpointException(
                $"--cluster takes the PostgreSQL database that holds the cluster's membership, as postgresql://user@host:port/database; got '{url}'.");
        }

        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString) { Pooling = true };
        if (password is not null)
        {
            builder.Password = password;
        }

        return new ClusterDatabase(builder.ConnectionString, $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}");
    }

    /// <summary>Creates the membership tables and queries when missing (the script runs again without harm).</summary>
    public async Task EnsureMembershipTablesAsync(CancellationToken cancellationToken = default)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PostgreSQL-Membership.sql")!;
        using var reader = new StreamReader(stream);
        var script = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

            // Workers starting together would race to create the same tables: one at a time, the others then find them.
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(7316001)", connection, transaction))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var command = new NpgsqlCommand(script, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new DevEndpointException(
                $"The cluster's membership database {Display} cannot be reached or set up: {e.Message.TrimEnd('.')}. Check that PostgreSQL runs there, that the database exists and that PGPASSWORD holds the user's password.");
        }
    }
}
