using System.Text.RegularExpressions;
using DevEndpoint.Catalog;
using DevEndpoint.Connections;
using DevEndpoint.Crawling;
using DevEndpoint.ObjectStores;

namespace DevEndpoint.Tests.ObjectStores;

public sealed class S3ConnectionTests
{
    private const string WrongSecretVariable = "DEVENDPOINT_TEST_S3_WRONG_SECRET";

    [S3Fact]
    public async Task Testing_an_s3_connection_lists_the_buckets_with_its_keys()
    {
        await using var lake = await S3Lake.CreateAsync();

        var check = await ConnectionTester.TestAsync(lake.Catalog.GetConnection(S3Lake.Connection));

        Assert.Matches(
            $@"^Connection 'lake' works: S3 object store with [1-9][0-9]* bucket\(s\) at {Regex.Escape(S3TestServer.Endpoint)} \([0-9]+ ms\)\.$",
            check.ToString());
    }

    [S3Fact]
    public async Task An_s3_connection_takes_its_keys_from_a_credentials_file_named_by_path()
    {
        await using var lake = await S3Lake.CreateAsync();
        var file = lake.Local.Write(
            "aws-credentials",
            $"[default]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = other\n\n[lake]\naws_access_key_id = {S3TestServer.AccessKey}\naws_secret_access_key = {S3TestServer.SecretKey}\n");
        await S3TestServer.PutTextAsync(lake.Store, S3Path.Parse(lake.Path("files/a.csv")), "id,name\n1,a\n2,b\n");
        lake.Catalog.Update(update => update.PutConnection(
            new Connection { Name = "from_file", Type = ConnectionTypes.S3, Url = S3TestServer.Endpoint, CredentialsFile = file, Profile = "lake" }.Validated()));

        var result = await new Crawler(lake.Catalog).CrawlAsync(new CrawlOptions { Path = lake.Path("files"), Database = "store", Connection = "from_file" });

        Assert.Equal(["files"], result.Tables.Select(t => t.Name));
        Assert.Equal(2, result.Tables[0].RecordCount);
    }

    [S3Fact]
    public async Task Testing_an_s3_connection_with_unknown_keys_fails_without_showing_the_secret()
    {
        // s3rver checks the access key id, not SigV4 signatures: an unknown key id is what it refuses.
        const string secret = "secret-of-an-unknown-key-5d1e0b";
        Environment.SetEnvironmentVariable(WrongSecretVariable, secret);
        var connection = new Connection { Name = "lake", Type = ConnectionTypes.S3, Url = S3TestServer.Endpoint, User = "AKIAUNKNOWN", PasswordEnv = WrongSecretVariable }.Validated();

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => ConnectionTester.TestAsync(connection));

        Assert.Equal(
            $"{S3TestServer.Endpoint} refused the credentials to list the buckets (InvalidAccessKeyId): the access key id is unknown there or the secret key does not match it. Check the credentials the connection takes (its environment variable, credentials file or AWS profile).",
            error.Message);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_connection_does_not_open_an_object_store()
    {
        var connection = new Connection { Name = "shop", Type = ConnectionTypes.Sqlite, Url = "Data Source=/tmp/shop.db" };

        var error = Assert.Throws<DevEndpointException>(() => ObjectStoreConnections.Open(connection));

        Assert.Equal(
            "Connection 'shop' is a sqlite connection; s3:// paths need an s3 one. Add one with: connection add <name> --type s3 --url <endpoint>.",
            error.Message);
    }
}
