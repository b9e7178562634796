using System.Net;
using System.Net.Sockets;
using Npgsql;
using Orleans.Runtime;

namespace DevEndpoint.Cluster;

/// <summary>
/// The workers of the cluster as this coordinator sees them: the live ones, where each listens (to place tasks on them
/// explicitly), and the lost ones. A worker is lost when the cluster declared it dead in the membership table (status
/// <c>Dead</c>: the workers probe each other and vote a silo that stops answering dead within seconds, see
/// <see cref="WorkerHost"/>), or as soon as its silo endpoint refuses a connection: a killed process's sockets are closed
/// by its kernel at once, so a worker whose call failed, or whose gateway connection dropped, is checked and, if its port
/// is closed, its tasks are sent elsewhere without waiting for the death declaration. The table is read
/// <see cref="Interval"/>; a worker's name counts by its latest start: a worker restarted under the same name is alive again.
/// </summary>
internal sealed class DeadWorkers : IAsyncDisposable
{
    /// <summary>Orleans' <c>SiloStatus.Active</c> in the membership table.</summary>
    private const int ActiveStatus = 3;

    /// <summary>Orleans' <c>SiloStatus.Dead</c> in the membership table.</summary>
    private const int DeadStatus = 6;

    /// <summary>How long a check waits for a worker's silo to accept a connection before it leaves the verdict to the cluster.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(1);

    private readonly ClusterDatabase database;
    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<string, Member> latest = new(StringComparer.Ordinal);
    private readonly HashSet<SiloAddress> closed = [];
    private readonly Task watch;
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool known;

    public DeadWorkers(ClusterDatabase database, TimeSpan interval)
    {
        this.database = database;
        Interval = interval;
        watch = Task.Run(() => WatchAsync(stop.Token));
    }

    /// <summary>How often the membership table is read.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Completes when a worker is next found lost.</summary>
    public Task NextDeath
    {
        get
        {
            lock (latest)
            {
                return next.Task;
            }
        }
    }

    /// <summary>Whether <paramref name="worker"/> is lost: declared dead by the cluster, or its silo refused a connection.</summary>
    public bool IsDead(string worker)
    {
        lock (latest)
        {
            return latest.TryGetValue(worker, out var member) && (member.Status == DeadStatus || closed.Contains(member.Silo));
        }
    }

    /// <summary>The active workers not lost, by name, with their silo addresses (for placement), as last read.</summary>
    public IReadOnlyList<(string Name, SiloAddress Silo)> Live()
    {
        lock (latest)
        {
            return latest.Values.Where(m => m.Status == ActiveStatus && !closed.Contains(m.Silo)).Select(m => (m.Name, m.Silo)).ToList();
        }
    }

    /// <summary>Where <paramref name="worker"/>'s silo listens, as last read; <c>null</c> when it is not known.</summary>
    public SiloAddress? SiloOf(string worker)
    {
        lock (latest)
        {
            return latest.TryGetValue(worker, out var member) ? member.Silo : null;
        }
    }

    /// <summary>Completes when <paramref name="worker"/> is lost (at once when it is).</summary>
    public async Task WhenDeadAsync(string worker, CancellationToken cancellationToken)
    {
        while (!IsDead(worker))
        {
            await NextDeath.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Checks whether <paramref name="worker"/>'s silo still accepts connections; whether it is lost after the check. A
    /// refused connection marks it lost at once; an unanswered one leaves the verdict to the cluster's failure detection.
    /// </summary>
    public async Task<bool> CheckAsync(string worker)
    {
        if (SiloOf(worker) is { } silo && await RefusesAsync(silo.Endpoint))
        {
            MarkClosed(silo);
        }

        return IsDead(worker);
    }

    /// <summary>Checks every live worker (a gateway connection dropped: one of them may have died).</summary>
    public Task CheckAllAsync() => Task.WhenAll(Live().Select(w => CheckAsync(w.Name)));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await watch;
        stop.Dispose();
    }

    private static async Task<bool> RefusesAsync(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(endpoint, timeout.Token);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
        {
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // Unreachable or slow, not refused: a machine that vanished; the cluster's probes decide.
            return false;
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                Update(await ReadAsync(cancellationToken));
                await Task.Delay(Interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The membership database did not answer this time: the calls' own failures still find a lost worker.
                await Task.Delay(Interval, CancellationToken.None);
            }
        }
    }

    private async Task<List<Member>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT DISTINCT ON (SiloName) SiloName, Address, Port, Generation, Status FROM OrleansMembershipTable
            WHERE DeploymentId = @cluster ORDER BY SiloName, StartTime DESC, Generation DESC
            """,
            connection);
        command.Parameters.AddWithValue("cluster", OrleansSetup.ClusterId);
        var members = new List<Member>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var silo = SiloAddress.New(new IPEndPoint(IPAddress.Parse(reader.GetString(1)), reader.GetInt32(2)), reader.GetInt32(3));
            members.Add(new Member(reader.GetString(0), silo, reader.GetInt32(4)));
        }

        return members;
    }

    private void Update(List<Member> members)
    {
        bool died;
        lock (latest)
        {
            var first = !known;
            known = true;
            died = !first && members.Any(m => m.Status == DeadStatus && !(latest.TryGetValue(m.Name, out var was) && was.Status == DeadStatus && was.Silo.Equals(m.Silo)));
            latest.Clear();
            foreach (var member in members)
            {
                latest[member.Name] = member;
            }
        }

        if (died)
        {
            Fire();
        }
    }

    private void MarkClosed(SiloAddress silo)
    {
        bool added;
        lock (latest)
        {
            added = closed.Add(silo);
        }

        if (added)
        {
            Fire();
        }
    }

    private void Fire()
    {
        TaskCompletionSource fired;
        lock (latest)
        {
            (fired, next) = (next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        fired.SetResult();
    }

    /// <summary>A worker's latest row in the membership table.</summary>
    private sealed record Member(string Name, SiloAddress Silo, int Status);
}
