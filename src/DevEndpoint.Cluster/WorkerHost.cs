using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace DevEndpoint.Cluster;

/// <summary><c>devendpoint worker</c>: an Orleans silo that joins the cluster and runs crawl and job tasks until stopped.</summary>
internal static class WorkerHost
{
    public static async Task RunAsync(ClusterDatabase database, string? name, string address, TextWriter output, CancellationToken cancellationToken)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            throw new DevEndpointException($"--address '{address}' is not an IP address. Give the address other machines reach this worker at, for example 10.0.0.12.");
        }

        await database.EnsureMembershipTablesAsync(cancellationToken);
        var (siloPort, gatewayPort) = (FreePort(ip), FreePort(ip));
        using var info = new WorkerInfo(name ?? $"{Environment.MachineName}:{Environment.ProcessId}", output);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(info);
        builder.UseOrleans(silo => silo
            .UseAdoNetClustering(options => OrleansSetup.Membership(options, database))
            .Configure<ClusterOptions>(OrleansSetup.Ids)
            .Configure<SiloOptions>(options => options.SiloName = info.Name)
            .Configure<ClusterMembershipOptions>(options =>
            {
                // Tuned for a LAN (see docs/scale-out.md, failure detection): a worker that dies is declared dead within
                // a few seconds. Coordinators find a killed worker sooner (its port closes), but a new activation whose
                // directory entry belongs to the dead worker waits for the declaration.
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
                options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
            })
            .ConfigureEndpoints(ip, siloPort, gatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(ip)));
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        info.Log($"joined the cluster at {database.Display} (silo {ip}:{siloPort}, gateway port {gatewayPort}, process {Environment.ProcessId}); stop it with Ctrl+C");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        await host.StopAsync(CancellationToken.None);
        info.Log("left the cluster");
    }

    private static int FreePort(IPAddress ip)
    {
        using var listener = new TcpListener(ip, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
