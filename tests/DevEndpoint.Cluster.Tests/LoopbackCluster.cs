using System.Diagnostics;
using DevEndpoint.Catalog;
using Npgsql;

namespace DevEndpoint.Cluster.Tests;

/// <summary>
/// Worker processes on 127.0.0.1 (the cluster executable shipped beside the command, started as users start it) that
/// join a membership database of their own, <c>cluster_&lt;random&gt;</c>, created on the test PostgreSQL and dropped on dispose.
/// </summary>
internal sealed class LoopbackCluster : IAsyncDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, (Process Process, List<string> Lines)> workers = [];
    private readonly string adminConnection;
    private readonly string database;

    private LoopbackCluster(string adminConnection, string database, string url)
    {
        this.adminConnection = adminConnection;
        this.database = database;
        Url = url;
        Database = ClusterDatabase.Parse(url, Password);
    }

    public string Url { get; }

    public ClusterDatabase Database { get; }

    public static string Executable { get; } = Path.Combine(AppContext.BaseDirectory, "cluster", "DevEndpoint.Cluster.dll");

    private static string Password => TestServers.Password(ConnectionTypes.Postgres);

    public static async Task<LoopbackCluster> StartAsync(params string[] names)
    {
        var server = new NpgsqlConnectionStringBuilder(TestServers.Url(ConnectionTypes.Postgres))
        {
            Username = TestServers.User(ConnectionTypes.Postgres),
            Password = Password,
            Pooling = false,
        };
        var database = $"cluster_{Guid.NewGuid().ToString("N")[..10]}";
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {database}");
        var cluster = new LoopbackCluster(server.ConnectionString, database, $"postgresql://{server.Username}@{server.Host}:{server.Port}/{database}");
        try
        {
            foreach (var name in names)
            {
                cluster.Start(name);
            }

            foreach (var name in names)
            {
                await cluster.WaitForAsync(name, "joined the cluster", JoinTimeout);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>What a worker printed so far.</summary>
    public IReadOnlyList<string> Lines(string name)
    {
        var lines = workers[name].Lines;
        lock (lines)
        {
            return [.. lines];
        }
    }

    /// <summary>Waits until one of the workers prints a line holding <paramref name="text"/>; returns that worker's name.</summary>
    public async Task<string> WaitForAnyAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (workers.Keys.FirstOrDefault(name => Lines(name).Any(l => l.Contains(text, StringComparison.Ordinal))) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No worker printed '{text}' within {timeout}.");
    }

    /// <summary>Kills a worker at once (SIGKILL): it leaves no word, its tasks are left half done.</summary>
    public void Kill(string name)
    {
        workers[name].Process.Kill();
        workers[name].Process.WaitForExit();
    }

    /// <summary>Stops a worker as Ctrl+C or a service manager does (SIGTERM) and waits until it exits.</summary>
    public async Task StopAsync(string name)
    {
        using var terminate = Process.Start("kill", ["-TERM", workers[name].Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await terminate.WaitForExitAsync();
        await workers[name].Process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (process, _) in workers.Values)
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        await ExecuteAsync(adminConnection, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    private void Start(string name)
    {
        Assert.True(File.Exists(Executable), $"The cluster executable is not next to the tests: {Executable} is missing. Build tests/DevEndpoint.Cluster.Tests.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Executable, "worker", "--cluster", Url, "--name", name })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = Password;

        // Workers end killed (SIGKILL), which leaves the runtime no chance to remove its debugger pipes and diagnostics
        // socket from the temp folder: a worker makes none.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        var process = Process.Start(start)!;
        var lines = new List<string>();
        void Keep(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        }

        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        workers[name] = (process, lines);
    }

    private async Task WaitForAsync(string name, string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Lines(name).Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            if (workers[name].Process.HasExited || clock.Elapsed > timeout)
            {
                throw new InvalidOperationException($"Worker {name} did not join the cluster:{Environment.NewLine}{string.Join(Environment.NewLine, Lines(name))}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
