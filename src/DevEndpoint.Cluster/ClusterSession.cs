using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Runtime;

namespace DevEndpoint.Cluster;

/// <summary>A coordinator's connection to the cluster's workers (an Orleans client that finds them through membership).</summary>
internal sealed class ClusterSession : IAsyncDisposable
{
    /// <summary>How many times the list of workers is asked for while a refused call waits for a dead worker to be declared dead.</summary>
    private const int WorkerListAttempts = 20;

    private readonly IHost host;

    private ClusterSession(IHost host, ClusterDatabase database, DeadWorkers deaths)
    {
        this.host = host;
        Database = database;
        Deaths = deaths;
    }

    public ClusterDatabase Database { get; }

    /// <summary>The live and lost workers: the membership table read four times a second, and a check of every worker when a gateway connection drops.</summary>
    public DeadWorkers Deaths { get; }

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ClusterSession> ConnectAsync(ClusterDatabase database, CancellationToken cancellationToken = default)
    {
        await database.EnsureMembershipTablesAsync(cancellationToken);
        var deaths = new DeadWorkers(database, TimeSpan.FromMilliseconds(250));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .AddClusterConnectionStatusObserver(new GatewayWatch(deaths))
            .UseAdoNetClustering(options => OrleansSetup.Membership(options, database))
            .Configure<ClusterOptions>(OrleansSetup.Ids)
            .Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2))
            // Every call is short (start a task, ask how it goes): a call unanswered this long went to a worker that is gone.
            .Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(15)));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e)
        {
            host.Dispose();
            await deaths.DisposeAsync();
            if (e is OperationCanceledException)
            {
                throw;
            }

            throw NoWorkers(database);
        }

        return new ClusterSession(host, database, deaths);
    }

    /// <summary>
    /// The names of the workers in the cluster now. The management grain may have lived on a worker that just died: until
    /// the cluster declares it dead, calls to it are refused, so a refused call is tried again a few times.
    /// </summary>
    public async Task<IReadOnlyList<string>> WorkersAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var hosts = await Client.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
                var workers = hosts.Select(h => h.SiloName).Order(StringComparer.Ordinal).ToList();
                return workers.Count > 0 ? workers : throw NoWorkers(Database);
            }
            catch (OrleansException) when (attempt < WorkerListAttempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Deaths.DisposeAsync();
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }

    private static DevEndpointException NoWorkers(ClusterDatabase database) => new(
        $"No worker has joined the cluster at {database.Display}. Start workers first: devendpoint worker --cluster {database.Display}");
}

/// <summary>
/// Told by the Orleans client when its connections to the workers' gateways change: one dropped (a killed worker's
/// kernel resets its connections at once), so every worker is checked and a dead one's tasks are sent elsewhere.
/// </summary>
internal sealed class GatewayWatch(DeadWorkers deaths) : IClusterConnectionStatusObserver
{
    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        if (currentNumberOfGateways < previousNumberOfGateways)
        {
            _ = Task.Run(deaths.CheckAllAsync);
        }
    }

    public void NotifyClusterConnectionLost() => _ = Task.Run(deaths.CheckAllAsync);
}
