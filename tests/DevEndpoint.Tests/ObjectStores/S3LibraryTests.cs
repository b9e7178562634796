using DevEndpoint.Libraries;
using DevEndpoint.ObjectStores;
using DevEndpoint.Tests.Libraries;

namespace DevEndpoint.Tests.ObjectStores;

public sealed class S3LibraryTests
{
    [S3Fact]
    public async Task A_library_in_the_object_store_is_downloaded_to_the_private_cache_and_built()
    {
        await using var lake = await S3Lake.CreateAsync();
        var zip = LibraryFiles.Zip(lake.Local.Combine("upload", "cleaning.zip"), ("Cleaning/Text.cs", "namespace Cleaning; public static class Text { public static string Tidy(string s) => s.Trim().ToLowerInvariant(); }"));
        await lake.Store.UploadAsync(zip, S3Path.Parse(lake.Path("libs/cleaning.zip")));
        var builder = new ScriptLibraryBuilder(new LibraryOptions { CacheFolder = lake.Local.Combine("cache") });

        var local = await builder.DownloadAsync(lake.Path("libs/cleaning.zip"), lake.Store);
        var library = builder.Build(local);

        Assert.Equal(lake.Local.Combine("cache", "downloads", lake.Bucket, "libs", "cleaning.zip"), local);
        Assert.Equal("Cleaning", library.Name);
        Assert.Equal("abc", LibraryFiles.Invoke(library.AssemblyPath, "Cleaning.Text", "Tidy", "  ABC "));
    }

    [S3Fact]
    public async Task A_missing_library_object_is_named()
    {
        await using var lake = await S3Lake.CreateAsync();
        var builder = new ScriptLibraryBuilder(new LibraryOptions { CacheFolder = lake.Local.Combine("cache") });

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => builder.DownloadAsync(lake.Path("libs/missing.zip"), lake.Store));

        Assert.Equal(
            $"{lake.Path("libs/missing.zip")} does not exist at {S3TestServer.Endpoint}. Check the key (keys are case-sensitive); if the object was removed, crawl again.",
            error.Message);
        Assert.False(Directory.Exists(lake.Local.Combine("cache", "downloads", lake.Bucket, "libs")) && Directory.EnumerateFiles(lake.Local.Combine("cache", "downloads", lake.Bucket, "libs")).Any());
    }

    [Fact]
    public void Building_an_s3_path_directly_says_to_download_it_first()
    {
        var error = Assert.Throws<DevEndpointException>(() => new ScriptLibraryBuilder().Build("s3://lake/libs/cleaning.zip"));

        Assert.Equal(
            "s3://lake/libs/cleaning.zip is in an object store: download it first (#!attach-library s3://lake/libs/cleaning.zip --connection <name>, or ScriptLibraryBuilder.DownloadAsync), then build the downloaded file.",
            error.Message);
    }
}
