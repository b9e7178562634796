using System.Reflection;
using Npgsql;

namespace DevEndpoint.Cluster;

/// <summary>
/// The PostgreSQL database that holds a cluster's membership, named as <c>postgresql://user@host:port/database</c>; the
/// password comes from <c>PGPASSWORD</c>, never from the URL, and is never shown.
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

    public static ClusterDatabase Parse(string url) => Parse(url, Environment.GetEnvironmentVariable("PGPASSWORD"));

    /// <param name="password">The user's password (<c>PGPASSWORD</c> for the commands).</param>
    public static ClusterDatabase Parse(string url, string? password)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgresql" or "postgres") || uri.AbsolutePath.Trim('/').Length == 0)
        {
            throw new DevEndpointException(
                $"--cluster takes the PostgreSQL database that holds the cluster's membership, as postgresql://user@host:port/database; got '{Shown(url)}'.");
        }

        if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            throw new DevEndpointException(
                $"--cluster {Shown(url)} holds a password. Give the user only (postgresql://user@host:port/database) and the password in PGPASSWORD, so it is never shown or stored.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')),
            Username = uri.UserInfo.Length > 0 ? Uri.UnescapeDataString(uri.UserInfo) : Environment.GetEnvironmentVariable("PGUSER") ?? Environment.UserName,
            Password = password,
            Pooling = true,
        };
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

    /// <summary>A URL as it may be shown: without a password.</summary>
    private static string Shown(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 ? url.Replace(uri.UserInfo + "@", string.Empty, StringComparison.Ordinal) : url;
}
