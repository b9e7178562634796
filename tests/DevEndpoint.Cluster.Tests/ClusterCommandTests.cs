using DevEndpoint.Cli;

namespace DevEndpoint.Cluster.Tests;

/// <summary>What the cluster commands refuse before they reach a cluster, in their exact words.</summary>
public sealed class ClusterCommandTests
{
    [Fact]
    public void A_cluster_url_with_a_password_is_refused_without_showing_it()
    {
        var error = Assert.Throws<DevEndpointException>(() => ClusterDatabase.Parse("postgresql://ops:s3cret@db.internal:5432/cluster", null));

        Assert.Equal(
            "--cluster postgresql://db.internal:5432/cluster holds a password. Give the user only (postgresql://user@host:port/database) and the password in PGPASSWORD, so it is never shown or stored.",
            error.Message);
    }

    [Fact]
    public void A_cluster_that_is_not_a_postgresql_url_is_refused()
    {
        var error = Assert.Throws<DevEndpointException>(() => ClusterDatabase.Parse("cluster.db", null));

        Assert.Equal(
            "--cluster takes the PostgreSQL database that holds the cluster's membership, as postgresql://user@host:port/database; got 'cluster.db'.",
            error.Message);
    }

    [Fact]
    public void A_cluster_url_shows_where_it_points_without_user_or_password()
    {
        var database = ClusterDatabase.Parse("postgresql://ops@db.internal:6543/cluster", "pw");

        Assert.Equal("postgresql://db.internal:6543/cluster", database.Display);
        Assert.Contains("Password=pw", database.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crawl_with_a_cluster_refuses_the_options_it_does_not_take_yet()
    {
        var error = new StringWriter();

        var code = await CliApp.RunAsync(["crawl", "lake", "--database", "lake", "--cluster", "postgresql://u@127.0.0.1:1/c", "--combine-compatible-schemas"], TextWriter.Null, error);

        Assert.Equal(1, code);
        Assert.Equal(
            "error: crawl --cluster takes the path (a shared folder or s3://), --database, --exclude, --table-level, --classifier, --sample-files, --connection and --catalog; --combine-compatible-schemas is not available with --cluster yet. Crawl without --cluster to use it." + Environment.NewLine,
            error.ToString());
    }

    [Fact]
    public async Task A_job_run_names_its_missing_required_options()
    {
        var error = new StringWriter();

        var code = await CliApp.RunAsync(["job", "run", "--source", "lake.orders"], TextWriter.Null, error);

        Assert.Equal(2, code);
        Assert.Contains("error: Option '--transform' is required.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("error: Option '--cluster' is required.", error.ToString(), StringComparison.Ordinal);
    }
}
