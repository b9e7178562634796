using DevEndpoint.Catalog;
using DevEndpoint.Loading;
using DevEndpoint.Sources.Databases;

namespace DevEndpoint.Tests.Sources.Databases;

public sealed class SqlQueryTests
{
    private static readonly Column[] Columns =
    [
        new("name", "string") { Parameters = new Dictionary<string, string> { [DatabaseCrawler.SourceTypeParameter] = "text" } },
        new("age", "int"),
        new("code", "string") { Parameters = new Dictionary<string, string> { [DatabaseCrawler.SourceTypeParameter] = "uuid" } },
        new("Mixed Case", "decimal(5,2)"),
    ];

    [Fact]
    public void A_predicate_becomes_sql_with_quoted_columns_and_typed_parameters_only()
    {
        var query = new SqlQuery(new PostgresEngine(), TableName.Parse("db.t"), Columns);

        var sql = PartitionPredicate.Parse("name = 'x''; DROP TABLE t; --' OR (age IN (1, 2) AND NOT code LIKE 'ab%' AND `Mixed Case` BETWEEN 1 AND 2.5) OR age IS NULL").ToSql(query);

        Assert.Equal(
            "((\"name\" = @p0 OR ((\"age\" IN (@p1, @p2) AND (NOT CAST(\"code\" AS text) LIKE @p3)) AND \"Mixed Case\" BETWEEN @p4 AND @p5)) OR \"age\" IS NULL)",
            sql);
        Assert.Equal<object>(["x'; DROP TABLE t; --", 1L, 2L, "ab%", 1m, 2.5m], query.Parameters.Select(p => p.Value));
    }

    [Fact]
    public void Identifiers_are_quoted_per_engine_with_their_quotes_doubled()
    {
        var query = new SqlQuery(new MySqlEngine(), TableName.Parse("db.t"), [new Column("day", "string")]);

        Assert.Equal("`day` <> @p0", PartitionPredicate.Parse("day != 'a'").ToSql(query));
        Assert.Equal(("`we``ird`", "\"we\"\"ird\"", "\"we\"\"ird\""), (new MySqlEngine().Quote("we`ird"), new PostgresEngine().Quote("we\"ird"), new SqliteEngine().Quote("we\"ird")));
    }
}
