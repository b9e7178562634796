using DevEndpoint.ObjectStores;
using DevEndpoint.Samples;
using DevEndpoint.Testing;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Interactive.Tests.Sources;

public sealed class ObjectStoreMagicTests
{
    [S3Fact]
    public async Task Crawl_load_write_and_attach_library_work_on_s3_paths_through_a_connection()
    {
        Environment.SetEnvironmentVariable(S3TestServer.SecretVariable, S3TestServer.SecretKey);
        await using var fixture = await KernelFixture.CreateAsync();
        await using var bucket = await S3TestBucket.CreateAsync();
        var store = bucket.Store;
        await SampleLake.WriteAsync(fixture.Lake);
        await store.UploadFolderAsync(fixture.Lake, new S3Path(bucket.Name, "sales"));
        var zip = SampleLibraries.WriteCleaning(Path.Combine(fixture.Folder, "libs"), "1.0.0");
        await store.UploadAsync(zip, new S3Path(bucket.Name, "libs/cleaning.zip"));
        KernelFixture.AssertSucceeded(await fixture.MagicAsync(
            $"#!connection add lake --type s3 --url {S3TestServer.Endpoint} --user {S3TestServer.AccessKey} --password-env {S3TestServer.SecretVariable}"));

        var crawl = await fixture.MagicAsync($"#!crawl s3://{bucket.Name}/sales --database store --connection lake");
        var load = await fixture.MagicAsync("#!load store.orders --as orders --where \"year = '2024'\"");
        var write = await fixture.SubmitAsync(
            $"#!write orders --to s3://{bucket.Name}/out/orders --connection lake --catalog store.orders_2024 --catalog-file {fixture.CatalogPath}");
        var again = await fixture.MagicAsync("#!load store.orders_2024 --as again");
        var attach = await fixture.MagicAsync($"#!attach-library s3://{bucket.Name}/libs/cleaning.zip --connection lake");

        KernelFixture.AssertSucceeded(crawl);
        KernelFixture.AssertSucceeded(load);
        KernelFixture.AssertSucceeded(write);
        KernelFixture.AssertSucceeded(again);
        KernelFixture.AssertSucceeded(attach);
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("orders", out var orders));
        Assert.True(fixture.CSharp.TryGetValue<DataFrame>("again", out var copy));
        Assert.Equal(120, orders.Rows.Count);
        Assert.Equal(orders["order_id"].Cast<int>().Order(), copy["order_id"].Cast<int>().Order());
        Assert.Contains("Attached to the C# kernel: Acme.Cleaning", KernelFixture.Html(attach));
    }
}
