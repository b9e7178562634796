using DevEndpoint.Cli;

namespace DevEndpoint.Cluster.Tests;

/// <summary>What the cluster commands refuse before they reach a cluster, in their exact words.</summary>
public sealed class ClusterCommandTests
{
    [Fact]
    public void A_cluster_url_with_a_password_is_refused_as_a_catalog_url_is_without_showing_it()
    {
        var error = Assert.Throws<DevEndpointException>(() => ClusterDatabase.Parse("postgresql://ops:s3cret@db.internal:5432/cluster", null));

        Assert.Equal(
            "The catalog postgresql://db.internal:5432/cluster holds a password in its URL, which DevEndpoint never takes (it would show in shell history and process lists). Remove it from the URL and set PGPASSWORD, or use PostgreSQL's password file ~/.pgpass, or name a postgres connection with --catalog.",
            error.Message);
    }

    [Fact]
    public void A_cluster_url_of_a_store_the_build_does_not_have_is_refused_by_name()
    {
        var error = Assert.Throws<DevEndpointException>(() => ClusterDatabase.Parse("mysql://ops@db.internal/cluster", null));

        Assert.StartsWith(
            "The catalog mysql://db.internal/cluster names a mysql:// store, which this build of DevEndpoint does not support: a catalog is a SQLite file or a PostgreSQL database (postgresql://user@host:port/database).",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_url_with_a_setting_the_catalog_does_not_take_is_refused()
    {
        var error = Assert.Throws<DevEndpointException>(() => ClusterDatabase.Parse("postgresql://ops@db.internal/cluster?timeout=3", null));

        Assert.Equal(
            "The catalog postgresql://db.internal/cluster has the setting 'timeout', which DevEndpoint does not take (or whose value it cannot read) in a catalog URL. Use only sslmode=disable|prefer|require|verify-ca|verify-full and passfile=<path>.",
            error.Message);
    }

    [Fact]
    public async Task A_worker_address_that_is_not_an_ip_address_is_refused()
    {
        var error = new StringWriter();

        var code = await ClusterApp.RunAsync(["worker", "--cluster", "postgresql://u@127.0.0.1:1/c", "--address", "worker-1.internal"], TextWriter.Null, error);

        Assert.Equal(1, code);
        Assert.Equal(
            "error: --address 'worker-1.internal' is not an IP address. Give the address other machines reach this worker at, for example 10.0.0.12." + Environment.NewLine,
            error.ToString());
    }

    [Fact]
    public async Task A_membership_database_that_cannot_be_reached_is_named_with_what_to_check()
    {
        var error = new StringWriter();

        var code = await ClusterApp.RunAsync(["worker", "--cluster", "postgresql://u@127.0.0.1:1/c"], TextWriter.Null, error);

        Assert.Equal(1, code);
        Assert.Equal(
            "error: The cluster's membership database postgresql://127.0.0.1:1/c cannot be reached or set up: Failed to connect to 127.0.0.1:1. Check that PostgreSQL runs there, that the database exists and that PGPASSWORD holds the user's password."
                + Environment.NewLine,
            error.ToString());
    }

    [Theory]
    [InlineData("etl/Cleaning.cs", "--transform 'etl/Cleaning.cs' does not name a library method. Write <library>:<Type.Method>, for example etl/Cleaning.cs:Cleaning.DropTestOrders.")]
    [InlineData("etl/Cleaning.cs:Drop", "--transform 'etl/Cleaning.cs:Drop' does not name a library method. Write <library>:<Type.Method>, for example etl/Cleaning.cs:Cleaning.DropTestOrders.")]
    public void A_transform_that_names_no_method_is_refused(string spec, string message)
    {
        Assert.Equal(message, Assert.Throws<DevEndpointException>(() => LibraryTransform.Resolve(spec)).Message);
    }

    [Fact]
    public void A_transform_whose_type_or_method_the_library_lacks_is_refused_naming_what_it_has()
    {
        using var folder = new TempFolder();
        var library = folder.Write("etl/Cleaning.cs", """
            using Microsoft.Data.Analysis;

            public static class Cleaning
            {
                public static DataFrame Nothing(DataFrame frame) => null!;

                public static DataFrame Throws(DataFrame frame) => throw new System.InvalidOperationException("no rows today");

                public static int Count(DataFrame frame) => (int)frame.Rows.Count;
            }
            """);
        var frame = new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.Int32DataFrameColumn("id", [1]));

        var type = Assert.Throws<DevEndpointException>(() => LibraryTransform.Resolve($"{library}:Orders.Drop"));
        var method = Assert.Throws<DevEndpointException>(() => LibraryTransform.Resolve($"{library}:Cleaning.Count"));
        var nothing = Assert.Throws<DevEndpointException>(() => LibraryTransform.Resolve($"{library}:Cleaning.Nothing").Apply(frame));
        var throws = Assert.Throws<DevEndpointException>(() => LibraryTransform.Resolve($"{library}:Cleaning.Throws").Apply(frame));

        Assert.Equal($"Library {library} has no public type Orders. Its types: Cleaning.", type.Message);
        Assert.Equal(
            $"Cleaning in library {library} has no public static method Count(DataFrame) returning a DataFrame. A job's transform takes the rows read and returns the rows to write.",
            method.Message);
        Assert.Equal("Cleaning.Nothing returned null instead of a DataFrame.", nothing.Message);
        Assert.Equal("Cleaning.Throws failed: InvalidOperationException: no rows today", throws.Message);
    }

    [Fact]
    public void A_cluster_that_is_not_a_postgresql_url_is_refused()
    {
        var error = Assert.Throws<DevEndpointException>(() => ClusterDatabase.Parse("data/cluster.db", null));

        Assert.Equal(
            "--cluster takes the PostgreSQL database that holds the cluster's membership, as postgresql://user@host:port/database; got 'data/cluster.db'.",
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
        Assert.Contains("error: Option '--to' is required.", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("--cluster", error.ToString(), StringComparison.Ordinal);
    }
}
