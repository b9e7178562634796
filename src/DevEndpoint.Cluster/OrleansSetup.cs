using Orleans.Configuration;

namespace DevEndpoint.Cluster;

/// <summary>The Orleans settings workers and coordinators share: one cluster per membership database, ADO.NET membership on PostgreSQL.</summary>
internal static class OrleansSetup
{
    /// <summary>The cluster and service id: a membership database holds one DevEndpoint cluster.</summary>
    public const string ClusterId = "devendpoint";

    public static void Membership(AdoNetClusteringSiloOptions options, ClusterDatabase database)
    {
        options.Invariant = "Npgsql";
        options.ConnectionString = database.ConnectionString;
    }

    public static void Membership(AdoNetClusteringClientOptions options, ClusterDatabase database)
    {
        options.Invariant = "Npgsql";
        options.ConnectionString = database.ConnectionString;
    }

    public static void Ids(ClusterOptions options)
    {
        options.ClusterId = ClusterId;
        options.ServiceId = ClusterId;
    }
}
