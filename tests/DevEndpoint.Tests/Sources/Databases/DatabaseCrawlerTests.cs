using DevEndpoint.Catalog;
using DevEndpoint.Crawling;
using DevEndpoint.Sources.Databases;

namespace DevEndpoint.Tests.Sources.Databases;

public sealed class DatabaseCrawlerTests
{
    [ServerFact(ConnectionTypes.Postgres)]
    public async Task A_postgres_crawl_records_tables_and_views_with_hive_types_keys_comments_and_row_estimates()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.Postgres);
        await db.ExecuteAsync("""
            CREATE TABLE lines (
                order_id bigint NOT NULL, line smallint NOT NULL, price numeric(12,3), total numeric, ratio real, score double precision,
                at timestamptz, local_at timestamp(3), day date, paid boolean, tags text[], extra jsonb, code uuid, raw bytea, label varchar(40),
                PRIMARY KEY (order_id, line));
            COMMENT ON TABLE lines IS 'Order lines';
            COMMENT ON COLUMN lines.price IS 'Unit price';
            INSERT INTO lines (order_id, line) SELECT i, 1 FROM generate_series(1, 25) AS i;
            ANALYZE lines;
            CREATE VIEW paid_lines AS SELECT order_id, price FROM lines WHERE paid;
            """);

        var crawl = await db.CrawlAsync();

        var table = db.Catalog.GetTable(TableName.Parse($"src.{db.TableName("lines")}"));
        Assert.Equal(
            [
                "order_id bigint bigint false", "line smallint smallint false", "price decimal(12,3) numeric(12,3) true", "total decimal(38,18) numeric true",
                "ratio float real true", "score double double precision true", "at timestamp timestamp with time zone true",
                "local_at timestamp timestamp(3) without time zone true", "day date date true", "paid boolean boolean true",
                "tags string text[] true", "extra string jsonb true", "code string uuid true", "raw binary bytea true", "label string character varying(40) true",
            ],
            table.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type} {c.Parameters![DatabaseCrawler.SourceTypeParameter]} {c.Parameters[DatabaseCrawler.NullableParameter]}"));
        Assert.Equal("Unit price", table.StorageDescriptor.Columns[2].Comment);
        Assert.Equal("Order lines", table.Description);
        Assert.Equal($"{TestServers.Target(ConnectionTypes.Postgres)}/{db.Name}/lines", table.StorageDescriptor.Location);
        Assert.Equal(
            ("postgresql", "src", "table", "order_id,line", "25"),
            (table.Parameter("classification"), table.Parameter("connectionName"), table.Parameter("typeOfData"), table.Parameter("primaryKey"), table.Parameter("recordCount")));
        var view = db.Catalog.GetTable(TableName.Parse($"src.{db.TableName("paid_lines")}"));
        Assert.Equal(("view", null, null), (view.Parameter("typeOfData"), view.Parameter("recordCount"), view.Parameter("primaryKey")));
        Assert.Equal(["order_id bigint", "price decimal(12,3)"], view.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal(TableChange.Created, crawl.Table(db.TableName("lines")).Change);
        Assert.Equal(2, crawl.Result.Run.TablesCreated);
    }

    [ServerFact(ConnectionTypes.MySql)]
    public async Task A_mysql_crawl_reads_database_slash_table_with_unsigned_and_tinyint_1_types()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.MySql);
        await db.ExecuteAsync($"""
            CREATE TABLE items (
                id INT UNSIGNED NOT NULL PRIMARY KEY COMMENT 'Item id', big BIGINT UNSIGNED, flag TINYINT(1), small TINYINT, price DECIMAL(9,2) NOT NULL,
                at DATETIME(3), day DATE, name VARCHAR(20), body JSON, data BLOB, kind ENUM('a','b')) COMMENT 'Things we sell';
            INSERT INTO items (id, price) VALUES (1, 1.50), (2, 2.25), (3, 3.00);
            ANALYZE TABLE items;
            """);

        await db.CrawlAsync();

        var table = db.Catalog.GetTable(TableName.Parse($"src.{db.TableName("items")}"));
        Assert.Equal(
            ["id bigint", "big decimal(20,0)", "flag boolean", "small tinyint", "price decimal(9,2)", "at timestamp", "day date", "name string", "body string", "data binary", "kind string"],
            table.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal(("Item id", "false"), (table.StorageDescriptor.Columns[0].Comment, table.StorageDescriptor.Columns[0].Parameters![DatabaseCrawler.NullableParameter]));
        Assert.Equal(("Things we sell", "mysql", "id", "3"), (table.Description, table.Parameter("classification"), table.Parameter("primaryKey"), table.Parameter("recordCount")));
        Assert.Equal($"{TestServers.Target(ConnectionTypes.MySql, db.Name)}/items", table.StorageDescriptor.Location);
    }

    [Fact]
    public async Task A_sqlite_crawl_counts_rows_and_maps_declared_types_by_affinity()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.Sqlite);
        await db.ExecuteAsync("""
            CREATE TABLE sales (id INTEGER PRIMARY KEY, amount DECIMAL(8,2) NOT NULL, note TEXT, at DATETIME, day DATE, ok BOOLEAN, blob BLOB, anything);
            INSERT INTO sales (amount) VALUES (1.5), (2.5), (4);
            CREATE VIEW big_sales AS SELECT id FROM sales WHERE amount > 2;
            """);

        await db.CrawlAsync();

        var table = db.Catalog.GetTable(TableName.Parse("src.main_sales"));
        Assert.Equal(
            ["id bigint", "amount decimal(8,2)", "note string", "at timestamp", "day date", "ok boolean", "blob binary", "anything string"],
            table.StorageDescriptor.Columns.Select(c => $"{c.Name} {c.Type}"));
        Assert.Equal(("sqlite", "3", "id"), (table.Parameter("classification"), table.Parameter("recordCount"), table.Parameter("primaryKey")));
        Assert.Equal($"sqlite://{db.Connection.Url["Data Source=".Length..]}/main/sales", table.StorageDescriptor.Location);
        Assert.Equal("view", db.Catalog.GetTable(TableName.Parse("src.main_big_sales")).Parameter("typeOfData"));
    }

    [Fact]
    public async Task Includes_with_wildcards_and_excludes_by_name_or_path_choose_the_tables()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.Sqlite);
        await db.ExecuteAsync("CREATE TABLE orders (id INTEGER); CREATE TABLE order_lines (id INTEGER); CREATE TABLE tmp_orders (id INTEGER); CREATE TABLE customers (id INTEGER);");

        var crawl = await db.CrawlAsync(new DatabaseCrawlOptions { Connection = "src", Database = "src", Includes = ["main/%order%"], Exclusions = ["tmp_*", "main/order_lines"] });

        Assert.Equal(["main_orders"], crawl.Result.Tables.Select(t => t.Name));
        Assert.Equal(2, crawl.Result.Run.FilesExcluded);
        Assert.Equal("sqlite:///", crawl.Result.Run.Location[..10]);
    }

    [Fact]
    public async Task A_recrawl_updates_changed_tables_and_deprecates_or_deletes_vanished_ones_by_policy()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.Sqlite);
        await db.ExecuteAsync("CREATE TABLE a (id INTEGER); CREATE TABLE b (id INTEGER); CREATE TABLE c (id INTEGER);");
        await db.CrawlAsync();
        await db.ExecuteAsync("ALTER TABLE a ADD COLUMN name TEXT; DROP TABLE b;");

        var logged = await db.CrawlAsync(new DatabaseCrawlOptions { Connection = "src", Database = "src", Includes = ["main/%"], SchemaChange = SchemaChangePolicy.Log, DeleteBehavior = DeleteBehavior.Log });
        var updated = await db.CrawlAsync(new DatabaseCrawlOptions { Connection = "src", Database = "src", Includes = ["main/%"] });
        var deprecated = db.Catalog.GetTable(TableName.Parse("src.main_b")).Parameter(Crawler.DeprecatedParameter);
        await db.ExecuteAsync("DROP TABLE c;");
        var deleted = await db.CrawlAsync(new DatabaseCrawlOptions { Connection = "src", Database = "src", Includes = ["main/%"], DeleteBehavior = DeleteBehavior.Delete });

        Assert.Equal(
            ["main_a: schema changed (columns added: name string); the table is kept as it was (schema change policy log)", "main_b: main/b is no longer in the database; the table is kept as it was (delete behavior log)"],
            logged.Result.Notices.Select(n => $"{n.Table}: {n.Message}"));
        Assert.Equal((TableChange.Updated, TableChange.Deprecated), (updated.Table("main_a").Change, updated.Table("main_b").Change));
        Assert.Equal(updated.Result.Run.RunId, deprecated);
        Assert.Contains(
            $"main_b: main/b is no longer in the database; the table was marked {Crawler.DeprecatedParameter} = {deprecated} (delete behavior deprecate)",
            updated.Result.Notices.Select(n => $"{n.Table}: {n.Message}"));
        Assert.Equal((TableChange.Deleted, TableChange.Deleted), (deleted.Table("main_b").Change, deleted.Table("main_c").Change));
        Assert.Equal(
            ["main_b: main/b is no longer in the database; the table was deleted (delete behavior delete)", "main_c: main/c is no longer in the database; the table was deleted (delete behavior delete)"],
            deleted.Result.Notices.Select(n => $"{n.Table}: {n.Message}"));
        Assert.Equal(["main_a"], db.Catalog.GetTables("src").Select(t => t.Name));
        Assert.Equal(2, db.Catalog.GetTableVersions(TableName.Parse("src.main_a")).Count);
    }

    [ServerFact(ConnectionTypes.Postgres)]
    public async Task The_catalog_of_a_crawl_holds_no_secret()
    {
        await using var db = await ScratchDatabase.CreateAsync(ConnectionTypes.Postgres);
        await db.ExecuteAsync("CREATE TABLE t (id int)");

        await db.CrawlAsync();

        var bytes = string.Concat(Directory.GetFiles(Path.GetDirectoryName(db.CatalogPath)!).Select(p => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(p))));
        Assert.Contains(db.TableName("t"), bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(TestServers.Password(ConnectionTypes.Postgres), bytes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite", "main/x/y", "The include path 'main/x/y' is not schema/table for a sqlite connection. Use % for any name, for example main/%.")]
    [InlineData("postgres", "%/public/%", "The include path '%/public/%' has % in its database part. A PostgreSQL crawl reads one database per include path: name it, for example shop/public/%.")]
    [InlineData("mysql", "", "A crawl of connection 'src' needs --include with the tables to read, as database/table with % for any name, for example shop/%.")]
    [InlineData("s3", "bucket/%", "Connection 'src' is an s3 connection, not a database. Use a postgres, mysql or sqlite connection.")]
    public async Task A_crawl_that_cannot_run_says_what_to_fix_before_connecting(string type, string include, string message)
    {
        using var folder = new TempFolder();
        var catalog = DataCatalog.Open(folder.Combine("catalog.db"));
        var url = type switch { "s3" => "http://127.0.0.1:1", "sqlite" => folder.Combine("x.db"), _ => "Host=127.0.0.1;Port=1;Database=shop" };
        catalog.Update(u => u.PutConnection(new Connection { Name = "src", Type = type, Url = url }));

        var error = await Assert.ThrowsAsync<DevEndpointException>(
            () => new DatabaseCrawler(catalog).CrawlAsync(new DatabaseCrawlOptions { Connection = "src", Database = "src", Includes = include.Length == 0 ? [] : [include] }));

        Assert.Equal(message, error.Message);
    }
}
