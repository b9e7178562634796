using System.Text.Json;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Cli.Tests;

/// <summary><c>devendpoint connection add --type s3</c>, <c>crawl s3://...</c> and <c>load --summary</c>, as real processes against the test S3 server.</summary>
public sealed class S3CommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    private string CatalogPath => temp.Combine("catalog.db");

    public void Dispose() => temp.Dispose();

    [S3Fact]
    public async Task An_s3_prefix_crawls_and_loads_from_the_command_line_as_the_same_files_on_disk_do()
    {
        await using var bucket = await UploadSampleLakeAsync();
        var added = await RunAsync("connection", "add", "lake", "--type", "s3", "--url", S3TestServer.Endpoint, "--region", "eu-west-1", "--user", S3TestServer.AccessKey, "--password-env", S3TestServer.SecretVariable);

        var crawl = await RunAsync("crawl", $"s3://{bucket.Name}/sales", "--connection", "lake", "--database", "store");
        var local = await RunAsync("crawl", temp.Combine("lake"), "--database", "disk");
        var fromStore = await RunAsync("load", "store.orders", "--summary");
        var fromDisk = await RunAsync("load", "disk.orders", "--summary");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.True(crawl.ExitCode == 0, crawl.Error);
        Assert.StartsWith($"Crawled s3://{bucket.Name}/sales/ into database 'store'", crawl.Output, StringComparison.Ordinal);
        Assert.True(fromStore.ExitCode == 0, fromStore.Error);
        Assert.Equal(Figures(fromDisk.Output), Figures(fromStore.Output));
        Assert.Equal(200, JsonDocument.Parse(fromStore.Output).RootElement.GetProperty("rows").GetInt64());
    }

    [S3Fact]
    public async Task A_crawl_with_unknown_keys_fails_with_a_message_that_holds_no_secret()
    {
        // s3rver checks the access key id, not SigV4 signatures: an unknown key id is what it refuses.
        const string secret = "secret-of-an-unknown-key-7f3a9c";
        await using var bucket = await UploadSampleLakeAsync();
        await RunAsync("connection", "add", "lake", "--type", "s3", "--url", S3TestServer.Endpoint, "--user", "AKIAUNKNOWN", "--password-env", S3TestServer.SecretVariable);

        var crawl = await RunAsync(["crawl", $"s3://{bucket.Name}/sales", "--connection", "lake", "--database", "store"], secret);

        Assert.NotEqual(0, crawl.ExitCode);
        Assert.Equal(
            $"error: {S3TestServer.Endpoint} refused the credentials to list s3://{bucket.Name}/sales/ (InvalidAccessKeyId): the access key id is unknown there or the secret key does not match it. Check the credentials the connection takes (its environment variable, credentials file or AWS profile).",
            crawl.Error.Trim());
        Assert.DoesNotContain(secret, crawl.Output + crawl.Error, StringComparison.Ordinal);
    }

    [S3Fact]
    public async Task A_crawl_of_a_missing_bucket_fails_naming_it()
    {
        await RunAsync("connection", "add", "lake", "--type", "s3", "--url", S3TestServer.Endpoint, "--user", S3TestServer.AccessKey, "--password-env", S3TestServer.SecretVariable);

        var crawl = await RunAsync("crawl", "s3://no-such-bucket-here/sales", "--connection", "lake", "--database", "store");

        Assert.NotEqual(0, crawl.ExitCode);
        Assert.Equal(
            $"error: The bucket 'no-such-bucket-here' does not exist at {S3TestServer.Endpoint}. Check the bucket in s3://no-such-bucket-here/sales/, or create it.",
            crawl.Error.Trim());
    }

    /// <summary>The summary's figures, without the time and memory a load took.</summary>
    private static string Figures(string summary)
    {
        using var document = JsonDocument.Parse(summary);
        var root = document.RootElement;
        return $"{root.GetProperty("rows")} {root.GetProperty("columns")} {root.GetProperty("badRows")}";
    }

    /// <summary>Writes the sample lake and uploads it under <c>sales/</c> of a bucket of its own, deleted when disposed.</summary>
    private async Task<S3TestBucket> UploadSampleLakeAsync()
    {
        var sample = await DevEndpointCommand.RunAsync("sample-data", temp.Combine("lake"));
        Assert.True(sample.ExitCode == 0, sample.Error);
        var bucket = await S3TestBucket.CreateAsync();
        await bucket.Store.UploadFolderAsync(temp.Combine("lake"), new S3Path(bucket.Name, "sales"));
        return bucket;
    }

    private Task<CliResult> RunAsync(params string[] args) => RunAsync(args, S3TestServer.SecretKey);

    private Task<CliResult> RunAsync(string[] args, string secret) =>
        DevEndpointCommand.RunAsync([.. args, "--catalog", CatalogPath], new Dictionary<string, string> { [S3TestServer.SecretVariable] = secret });
}
