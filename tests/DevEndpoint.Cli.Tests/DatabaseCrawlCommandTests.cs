using System.Globalization;
using System.Text.Json;
using DevEndpoint.Catalog;

namespace DevEndpoint.Cli.Tests;

public sealed class DatabaseCrawlCommandTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task Connection_add_crawl_and_load_summary_work_in_the_documented_forms()
    {
        var variable = TestServers.PasswordVariable(ConnectionTypes.Postgres);
        var add = await RunAsync("connection", "add", "shop", "--type", "postgres", "--url", TestServers.Url(ConnectionTypes.Postgres), "--user", TestServers.User(ConnectionTypes.Postgres), "--password-env", variable);
        var crawl = await RunAsync("crawl", "--connection", "shop", "--include", "shop/public/%", "--database", "shop_db");
        var load = await RunAsync("load", "shop_db.shop_public_orders", "--summary", "--columns", "id,amount", "--where", "status = 'returned' AND amount > 100");
        var everything = add.Output + add.Error + crawl.Output + crawl.Error + load.Output + load.Error;

        Assert.Equal(0, add.ExitCode);
        Assert.Equal((0, string.Empty), (crawl.ExitCode, crawl.Error));
        Assert.StartsWith($"Crawled {TestServers.Target(ConnectionTypes.Postgres)}/public/% into database 'shop_db' in ", crawl.Output, StringComparison.Ordinal);
        Assert.Contains("Tables: 3 created, 0 updated, 0 unchanged, 0 excluded.", crawl.Output, StringComparison.Ordinal);
        Assert.Contains("shop_public_orders      created  postgresql      9        1000", crawl.Output, StringComparison.Ordinal);
        Assert.Equal((0, string.Empty), (load.ExitCode, load.Error));
        var summary = JsonDocument.Parse(load.Output).RootElement;
        var columns = summary.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(["id", "amount"], columns.Select(c => c.GetProperty("name").GetString()));
        var (rows, sum) = await DirectAsync("SELECT count(*), sum(amount) FROM public.orders WHERE status = 'returned' AND amount > 100");
        Assert.Equal(rows, summary.GetProperty("rows").GetInt64());
        Assert.Equal(sum, columns[1].GetProperty("sum").GetDecimal());
        Assert.DoesNotContain(TestServers.Password(ConnectionTypes.Postgres), everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_crawl_with_a_path_or_a_folder_crawl_without_one_says_what_to_give()
    {
        await RunAsync("connection", "add", "local", "--type", "sqlite", "--url", temp.Combine("x.db"));

        var withPath = await RunAsync("crawl", "data", "--connection", "local", "--include", "main/%", "--database", "d");
        var withoutPath = await RunAsync("crawl", "--database", "d");

        Assert.Equal((1, "error: A crawl of connection 'local' reads the tables its --include paths name, not 'data'. Leave out the path.\n"), (withPath.ExitCode, withPath.Error.ReplaceLineEndings("\n")));
        Assert.Equal((1, "error: Give the folder to crawl, or --connection <name> with --include to crawl a database.\n"), (withoutPath.ExitCode, withoutPath.Error.ReplaceLineEndings("\n")));
    }

    /// <summary>The server's own answer to a query, read with Npgsql directly.</summary>
    private static async Task<(long Rows, decimal Sum)> DirectAsync(string sql)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(TestServers.Url(ConnectionTypes.Postgres))
        {
            Username = TestServers.User(ConnectionTypes.Postgres),
            Password = TestServers.Password(ConnectionTypes.Postgres),
        };
        await using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), Convert.ToDecimal(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    private Task<CliResult> RunAsync(params string[] args) => DevEndpointCommand.RunAsync([.. args, "--catalog", temp.Combine("catalog.db")]);
}
