using System.Diagnostics;
using DevEndpoint.Cluster;
using Npgsql;

namespace DevEndpoint.ClusterBench;

/// <summary>The test PostgreSQL the benchmarks use for membership and catalogs, and worker processes joined through it.</summary>
internal sealed class BenchWorkers : IDisposable
{
    private readonly List<Process> started = [];
    private readonly List<string> databases = [];

    public BenchWorkers(string prefix)
    {
        Server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("DEVENDPOINT_TEST_POSTGRES") ?? throw new InvalidOperationException("Set DEVENDPOINT_TEST_POSTGRES."))
        {
            Username = Environment.GetEnvironmentVariable("DEVENDPOINT_TEST_POSTGRES_USER"),
            Password = Environment.GetEnvironmentVariable("DEVENDPOINT_TEST_POSTGRES_PASSWORD"),
            Pooling = false,
        };
        Membership = CreateDatabase(prefix);
        Url = UrlOf(Membership);
        Database = ClusterDatabase.Parse(Url, Server.Password);
    }

    public NpgsqlConnectionStringBuilder Server { get; }

    public string Membership { get; }

    public string Url { get; }

    public ClusterDatabase Database { get; }

    public IReadOnlyList<Process> Started => started;

    /// <summary>A new database on the server, <c>&lt;prefix&gt;_&lt;random&gt;</c>; dropped with the others on dispose.</summary>
    public string CreateDatabase(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid().ToString("N")[..8]}";
        Sql($"CREATE DATABASE {name}");
        databases.Add(name);
        return name;
    }

    public string UrlOf(string database) => $"postgresql://{Server.Username}@{Server.Host}:{Server.Port}/{database}";

    /// <summary>Starts a worker process and waits until it joined.</summary>
    public Process Start(string name)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "cluster", "DevEndpoint.Cluster.dll"), "worker", "--cluster", Url, "--name", name })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = Server.Password;
        var process = Process.Start(start)!;
        while (process.StandardOutput.ReadLine() is { } line && !line.Contains("joined the cluster", StringComparison.Ordinal))
        {
        }

        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        started.Add(process);
        return process;
    }

    public void Dispose()
    {
        foreach (var process in started.Where(p => !p.HasExited))
        {
            process.Kill();
            process.WaitForExit();
        }

        foreach (var database in databases)
        {
            Sql($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private void Sql(string sql)
    {
        using var connection = new NpgsqlConnection(Server.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
