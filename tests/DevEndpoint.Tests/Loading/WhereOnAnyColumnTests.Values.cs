using DevEndpoint.Crawling;
using DevEndpoint.Loading;

namespace DevEndpoint.Tests.Loading;

/// <summary>Predicates whose columns or values are wrong, and how values of each type compare.</summary>
public sealed partial class WhereOnAnyColumnTests
{
    [Fact]
    public async Task A_predicate_on_an_unknown_column_names_it_lists_the_columns_and_the_closest_name()
    {
        var table = await WriteAndCrawlAsync("csv", partitioned: true);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => LoadAsync(table, new LoadOptions { Where = "season = '2324' AND FTHGX > 2" }));

        Assert.Equal(
            $"Column 'FTHGX' at position 21 of the predicate does not exist in {table}. Did you mean 'fthg'? Columns: id, date, hometeam, fthg, ftag, odds, corners, league, season.",
            error.Message);
    }

    [Theory]
    [InlineData("FTHG > 'two'", "The value 'two' at position 8 of the predicate is not a value of type int for column 'fthg' of lake_csv.matches. Give a value of type int, for example 42.")]
    [InlineData("Odds < 'x'", "The value 'x' at position 8 of the predicate is not a value of type decimal(10,2) for column 'odds' of lake_csv.matches. Give a value of type decimal(10,2), for example 12.50.")]
    [InlineData("Date >= '2022-13-01'", "The value '2022-13-01' at position 9 of the predicate is not a value of type date for column 'date' of lake_csv.matches. Give a value of type date, for example '2024-01-31'.")]
    [InlineData("FTAG IN (1, 'many')", "The value 'many' at position 13 of the predicate is not a value of type int for column 'ftag' of lake_csv.matches. Give a value of type int, for example 42.")]
    public async Task A_value_that_is_not_of_its_columns_type_is_refused_before_any_file_is_read(string where, string message)
    {
        var table = await WriteAndCrawlAsync("csv", partitioned: true);

        var error = await Assert.ThrowsAsync<DevEndpointException>(() => LoadAsync(table, new LoadOptions { Where = where }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Numbers_compare_as_numbers_dates_as_dates_and_text_as_text()
    {
        temp.Write("typed/t/a.csv", "n,d,s\n9,2024-01-09,b\n10,2024-01-10,B\n-1,2023-12-31,ab\n,,\n");
        await new Crawler(catalog).CrawlAsync(new CrawlOptions { Path = temp.Combine("typed"), Database = "typed" });

        async Task<List<string?>> Select(string where) =>
            (await new TableLoader(catalog).LoadAsync("typed.t", new LoadOptions { Where = where, Columns = ["s"] })).Frame.Columns["s"].Cast<string?>().ToList();

        Assert.Equal(["B"], await Select("n > 9"));
        Assert.Equal(["B"], await Select("n > 9.5"));
        Assert.Equal(["b", "B"], await Select("d > '2024-01-01'"));
        Assert.Equal(["ab"], await Select("d < '2024-01-01'"));
        Assert.Equal(["B"], await Select("s < 'a'"));
        Assert.Equal(["b", "ab"], await Select("s LIKE '%b'"));
        Assert.Equal([null], await Select("n IS NULL"));
        Assert.Equal(["b", "B", "ab"], await Select("n <> 0"));
        Assert.Equal(["b", "B", "ab"], await Select("NOT n = 0"));
    }
}
