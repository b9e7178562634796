using System.Globalization;
using DevEndpoint.Catalog;
using DevEndpoint.Loading;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Sources.Databases;

public sealed class DatabaseLoaderTests
{
    private const string Hostile = "O'Brien\"; DROP TABLE people; --";

    [ServerTheory]
    [InlineData(ConnectionTypes.Postgres)]
    [InlineData(ConnectionTypes.MySql)]
    [InlineData(ConnectionTypes.Sqlite)]
    public async Task A_predicate_with_quotes_and_sql_in_its_value_is_a_parameter_and_finds_the_row(string type)
    {
        await using var db = await ScratchDatabase.CreateAsync(type);
        await db.ExecuteAsync("CREATE TABLE people (id INT PRIMARY KEY, name VARCHAR(100), age INT)");
        await db.ExecuteAsync($"INSERT INTO people VALUES (1, 'plain', 30), (2, '{Hostile.Replace("'", "''", StringComparison.Ordinal)}', 40), (3, NULL, 50)");
        await db.CrawlAsync();
        var where = $"name = '{Hostile.Replace("'", "''", StringComparison.Ordinal)}' OR (age >= 50 AND name IS NULL)";

        var result = await new TableLoader(db.Catalog).LoadAsync($"src.{db.TableName("people")}", new LoadOptions { Where = where, Columns = ["id", "name"] });

        Assert.Equal([2L, 3L], Ids(result.Frame));
        Assert.Equal([Hostile, null], result.Frame.Columns["name"].Cast<string?>());
        Assert.Equal(3L, Convert.ToInt64(await db.ScalarAsync("SELECT count(*) FROM people"), CultureInfo.InvariantCulture));
    }

    [ServerTheory]
    [InlineData(ConnectionTypes.Postgres)]
    [InlineData(ConnectionTypes.MySql)]
    public async Task Typed_columns_hold_what_the_provider_reads_and_the_predicate_runs_in_the_database(string type)
    {
        await using var db = await ScratchDatabase.CreateAsync(type);
        var timestamp = type == ConnectionTypes.Postgres ? "timestamp" : "datetime";
        await db.ExecuteAsync($"CREATE TABLE events (id BIGINT PRIMARY KEY, amount DECIMAL(10,2), score DOUBLE PRECISION, day DATE, at {timestamp}, ok BOOLEAN, note VARCHAR(20))");
        await db.ExecuteAsync($"INSERT INTO events VALUES (1, 10.25, 0.5, '2024-02-29', '2024-02-29 13:45:10', true, 'a'), (2, NULL, NULL, NULL, NULL, NULL, NULL), (3, 99.99, 1.5, '2024-03-01', '2024-03-01 00:00:00', false, 'c')");
        await db.CrawlAsync();

        var result = await new TableLoader(db.Catalog).LoadAsync($"src.{db.TableName("events")}", new LoadOptions { Where = "amount < 50 OR day IS NULL", Columns = ["id", "amount", "score", "day", "at", "ok", "note"] });

        var frame = result.Frame;
        Assert.Equal([1L, 2L], Ids(frame).Order());
        var first = Ids(frame).IndexOf(1L);
        Assert.Equal(
            ("10.25", 0.5, new DateTime(2024, 2, 29), new DateTime(2024, 2, 29, 13, 45, 10), true, "a"),
            (Convert.ToString(frame.Columns["amount"][first], CultureInfo.InvariantCulture), (double)frame.Columns["score"][first], (DateTime)frame.Columns["day"][first], (DateTime)frame.Columns["at"][first], (bool)frame.Columns["ok"][first], (string)frame.Columns["note"][first]));
        Assert.All(frame.Columns.Skip(1), c => Assert.Null(c[1 - first]));
        Assert.IsType<DecimalDataFrameColumn>(frame.Columns["amount"]);
        Assert.IsType<DateTimeDataFrameColumn>(frame.Columns["at"]);
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_predicate_on_a_column_not_loaded_and_the_limit_are_pushed_down()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.Postgres);
        await db.ExecuteAsync("CREATE TABLE n (id int PRIMARY KEY, v int); INSERT INTO n SELECT i, i % 10 FROM generate_series(1, 500) AS i;");
        await db.CrawlAsync();

        var result = await new TableLoader(db.Catalog).LoadAsync($"src.{db.TableName("n")}", new LoadOptions { Columns = ["id"], Where = "v = 3 AND id BETWEEN 100 AND 400", Limit = 5 });

        Assert.Equal(5, result.Frame.Rows.Count);
        Assert.Equal(["id"], result.Frame.Columns.Select(c => c.Name));
        Assert.All(Ids(result.Frame), id => Assert.True(id % 10 == 3 && id is >= 100 and <= 400, $"row {id} does not match the predicate"));
    }

    [ServerTheory]
    [InlineData(ConnectionTypes.Postgres)]
    [InlineData(ConnectionTypes.MySql)]
    [InlineData(ConnectionTypes.Sqlite)]
    public async Task Hash_partitions_read_ranges_at_once_and_together_hold_every_row_once(string type)
    {
        await using var db = await ScratchDatabase.CreateAsync(type);
        await db.ExecuteAsync("CREATE TABLE m (id INT, v INT)");
        await db.ExecuteAsync("INSERT INTO m VALUES " + string.Join(", ", Enumerable.Range(1, 301).Select(i => $"({(i == 301 ? "NULL" : i.ToString(CultureInfo.InvariantCulture))}, {i})")));
        await db.CrawlAsync();

        var result = await new TableLoader(db.Catalog).LoadAsync($"src.{db.TableName("m")}", new LoadOptions { HashField = "id", HashPartitions = 4, Where = "v > 1" });

        Assert.Equal((4, 4), (result.PartsRead, result.PartitionsRead));
        Assert.Equal(Enumerable.Range(2, 300).Select(i => (long)i), result.Frame.Columns["v"].Cast<object>().Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)).Order());
    }

    [ServerTheory]
    [InlineData(ConnectionTypes.Postgres)]
    [InlineData(ConnectionTypes.MySql)]
    [InlineData(ConnectionTypes.Sqlite)]
    public async Task A_bookmark_key_load_reads_only_rows_past_the_last_load(string type)
    {
        await using var db = await ScratchDatabase.CreateAsync(type);
        await db.ExecuteAsync("CREATE TABLE log (id INT PRIMARY KEY, msg VARCHAR(10))");
        await db.ExecuteAsync("INSERT INTO log VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        await db.CrawlAsync();
        var loader = new TableLoader(db.Catalog);
        var table = $"src.{db.TableName("log")}";
        var options = new LoadOptions { BookmarkKey = "id" };

        var first = await loader.LoadAsync(table, options);
        await db.ExecuteAsync("INSERT INTO log VALUES (4, 'd'), (5, 'e')");
        var second = await loader.LoadAsync(table, options);
        var third = await loader.LoadAsync(table, options);

        Assert.Equal([1L, 2L, 3L], Ids(first.Frame).Order());
        Assert.Equal([4L, 5L], Ids(second.Frame).Order());
        Assert.Equal(0, third.Frame.Rows.Count);
        Assert.Equal(["id", "msg"], third.Frame.Columns.Select(c => c.Name));
        Assert.Equal("5", db.Catalog.GetKeyBookmark(TableName.Parse(table), "id")!.LastValue);
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task Load_errors_name_the_column_value_or_table_and_what_to_do()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.Postgres);
        await db.ExecuteAsync("CREATE TABLE gone (id int, label text); CREATE TABLE kept (id int, day date, ok boolean);");
        await db.CrawlAsync();
        await db.ExecuteAsync("DROP TABLE gone");
        var loader = new TableLoader(db.Catalog);
        var gone = $"src.{db.TableName("gone")}";
        var kept = $"src.{db.TableName("kept")}";

        async Task<string> Error(string table, LoadOptions options) => (await Assert.ThrowsAsync<DevEndpointException>(() => loader.LoadAsync(table, options))).Message;

        Assert.Equal(
            $"Table {gone} reads shop/{db.Name}/gone through connection 'src', and {TestServers.Target(ConnectionTypes.Postgres)} has no such table any more. Crawl the connection again, or remove the table from the catalog.",
            await Error(gone, new LoadOptions()));
        Assert.Equal($"Column 'dy' at position 1 of the predicate does not exist in {kept}. Did you mean 'day'? Columns: id, day, ok.", await Error(kept, new LoadOptions { Where = "dy = '2024-01-01'" }));
        Assert.Equal(
            $"The value '2024-13-01' in the predicate is not a value of type date for column 'day' of {kept}. Give a value of type date, for example '2024-01-31'.",
            await Error(kept, new LoadOptions { Where = "day > '2024-13-01'" }));
        Assert.Equal(
            $"Column 'day' of {kept} is date; --hash-field splits a read by a numeric column's range. Give a number column, such as the primary key.",
            await Error(kept, new LoadOptions { HashField = "day" }));
        Assert.Equal($"{kept} is a database table; sampling is for files. Use --where or --limit to load part of it.", await Error(kept, new LoadOptions { SampleFraction = 0.5 }));
        Assert.Equal($"--hash-partitions splits the read of {kept} by a numeric column: name it with --hash-field.", await Error(kept, new LoadOptions { HashPartitions = 4 }));
        Assert.Equal("--hash-partitions must be 1 or more; got 0.", await Error(kept, new LoadOptions { HashField = "id", HashPartitions = 0 }));
        Assert.Equal(
            $"Column 'ok' of {kept} is boolean; a bookmark key must be a column whose values only grow: a number, a date, a timestamp or text.",
            await Error(kept, new LoadOptions { BookmarkKey = "ok" }));
    }

    [ServerFact(ConnectionTypes.MySql)]
    public async Task A_wrong_password_at_load_time_is_reported_without_the_password()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.MySql);
        await db.ExecuteAsync("CREATE TABLE t (id INT)");
        await db.CrawlAsync();
        var variable = "DEVENDPOINT_WRONG_" + Guid.NewGuid().ToString("N");
        var wrong = TestServers.Password(ConnectionTypes.MySql) + "-wrong";
        Environment.SetEnvironmentVariable(variable, wrong);
        try
        {
            db.Catalog.Update(u =>
            {
                u.DeleteConnection("src");
                u.PutConnection(db.Connection with { PasswordEnv = variable });
            });

            var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(db.Catalog).LoadAsync($"src.{db.TableName("t")}"));

            Assert.StartsWith($"Cannot connect to {TestServers.Target(ConnectionTypes.MySql)} with connection 'src': the server refused user 'devendpoint_test' with the password from env {variable}.", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(TestServers.Password(ConnectionTypes.MySql), error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_connection_without_a_password_to_a_server_that_asks_for_one_says_to_name_the_variable_that_holds_it()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.Postgres);
        await db.ExecuteAsync("CREATE TABLE t (id int)");
        await db.CrawlAsync();
        db.Catalog.Update(u =>
        {
            u.DeleteConnection("src");
            u.PutConnection(db.Connection with { PasswordEnv = null });
        });

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => new TableLoader(db.Catalog).LoadAsync($"src.{db.TableName("t")}"));

        Assert.Equal(
            $"Cannot connect to {TestServers.Target(ConnectionTypes.Postgres)} with connection 'src': the server refused user 'devendpoint_test' without a password. Name the environment variable that holds it with --password-env <VAR>.",
            error.Message);
    }

    private static List<long> Ids(DataFrame frame) => frame.Columns["id"].Cast<object>().Select(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)).ToList();
}
