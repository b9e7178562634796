using Npgsql;

namespace DevEndpoint.Cluster;

/// <summary>
/// The workers the cluster declared dead, as Orleans' failure detection records them in the membership table (status
/// <c>Dead</c>): the workers probe each other and vote a silo that stops answering dead within seconds
/// (<see cref="WorkerHost"/> sets how fast). The coordinator reads the table twice a second, so a task on a dead worker
/// is sent elsewhere at once, rather than after its calls time out. A worker's name counts by its latest start: a
/// worker restarted under the same name is alive again.
/// </summary>
internal sealed class DeadWorkers : IAsyncDisposable
{
    /// <summary>Orleans' <c>SiloStatus.Dead</c> in the membership table.</summary>
    private const int DeadStatus = 6;

    private readonly ClusterDatabase database;
    private readonly CancellationTokenSource stop = new();
    private readonly HashSet<string> dead = new(StringComparer.Ordinal);
    private readonly Task watch;
    private TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool known;

    public DeadWorkers(ClusterDatabase database, TimeSpan interval)
    {
        this.database = database;
        watch = Task.Run(() => WatchAsync(interval, stop.Token));
    }

    /// <summary>Completes when a worker is next declared dead.</summary>
    public Task NextDeath
    {
        get
        {
            lock (dead)
            {
                return next.Task;
            }
        }
    }

    /// <summary>Whether the cluster declared <paramref name="worker"/> dead.</summary>
    public bool IsDead(string worker)
    {
        lock (dead)
        {
            return dead.Contains(worker);
        }
    }

    /// <summary>Completes when <paramref name="worker"/> is declared dead (at once when it is).</summary>
    public async Task WhenDeadAsync(string worker, CancellationToken cancellationToken)
    {
        while (!IsDead(worker))
        {
            await NextDeath.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await watch;
        stop.Dispose();
    }

    private async Task WatchAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                Update(await ReadDeadAsync(cancellationToken));
                await Task.Delay(interval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The membership database did not answer this time: the calls' own timeouts still find a lost worker.
                await Task.Delay(interval, CancellationToken.None);
            }
        }
    }

    private async Task<List<string>> ReadDeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT SiloName FROM (
                SELECT DISTINCT ON (SiloName) SiloName, Status FROM OrleansMembershipTable
                WHERE DeploymentId = @cluster ORDER BY SiloName, StartTime DESC, Generation DESC) AS latest
            WHERE Status = @dead
            """,
            connection);
        command.Parameters.AddWithValue("cluster", OrleansSetup.ClusterId);
        command.Parameters.AddWithValue("dead", DeadStatus);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private void Update(List<string> names)
    {
        TaskCompletionSource? fired = null;
        lock (dead)
        {
            var now = names.ToHashSet(StringComparer.Ordinal);
            var first = !known;
            known = true;
            if (!now.SetEquals(dead))
            {
                var added = now.Except(dead).Any();
                dead.Clear();
                dead.UnionWith(now);
                if (added && !first)
                {
                    (fired, next) = (next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                }
            }
        }

        fired?.SetResult();
    }
}
