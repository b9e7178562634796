using DevEndpoint.Crawling;

namespace DevEndpoint.Tests.Crawling;

public sealed class GlobTests
{
    [Theory]
    [InlineData("*.csv", "a.csv")]
    [InlineData("*", "a.csv")]
    [InlineData("**/*.csv", "a.csv")]
    [InlineData("**/*.csv", "orders/year=2024/a.csv")]
    [InlineData("**", "orders/year=2024/a.csv")]
    [InlineData("orders/**", "orders/year=2024/month=01/a.csv")]
    [InlineData("orders/*/month=01/*", "orders/year=2024/month=01/a.csv")]
    [InlineData("part-?.csv", "part-1.csv")]
    [InlineData("month=0[1-3]/*", "month=02/a.csv")]
    [InlineData("[!_]*.csv", "a.csv")]
    [InlineData("*.{csv,json}", "a.json")]
    [InlineData("{orders,customers}/*", "customers/c.jsonl.gz")]
    [InlineData("/orders/*.csv", "orders/a.csv")]
    [InlineData("orders\\*.csv", "orders/a.csv")]
    public void A_pattern_matches_paths_as_a_shell_glob(string pattern, string path)
    {
        Assert.True(new Glob(pattern).Matches(path), $"'{pattern}' should match '{path}'.");
    }

    [Theory]
    [InlineData("*.csv", "orders/a.csv")]
    [InlineData("orders/*.csv", "orders/year=2024/a.csv")]
    [InlineData("part-?.csv", "part-10.csv")]
    [InlineData("part-?.csv", "part-.csv")]
    [InlineData("month=0[1-3]/*", "month=04/a.csv")]
    [InlineData("[!_]*.csv", "_a.csv")]
    [InlineData("*.{csv,json}", "a.parquet")]
    [InlineData("data[!0-9]*", "data/a.csv")]
    [InlineData("a?b", "a/b")]
    [InlineData("orders/year=202", "orders/year=2023/a.csv")]
    [InlineData("*.csv", "a.csv.gz")]
    [InlineData("*.CSV", "a.csv")]
    public void A_pattern_does_not_match_other_paths(string pattern, string path)
    {
        Assert.False(new Glob(pattern).Matches(path), $"'{pattern}' should not match '{path}'.");
    }

    [Theory]
    [InlineData("orders/year=2023", "orders/year=2023/month=11/part-0000.csv")]
    [InlineData("orders/year=2023", "orders/year=2023/month=12/_SUCCESS")]
    [InlineData("*/year=2023", "orders/year=2023/month=11/part-0000.csv")]
    [InlineData("orders", "orders/year=2024/month=01/part-0000.csv")]
    public void A_pattern_that_matches_a_folder_excludes_the_files_under_it(string pattern, string path)
    {
        Assert.True(new Glob(pattern).Matches(path), $"'{pattern}' should match '{path}' through its folder.");
    }

    [Fact]
    public void A_folder_pattern_leaves_sibling_folders_alone()
    {
        var glob = new Glob("orders/year=2023");

        Assert.False(glob.Matches("orders/year=2024/month=01/part-0000.csv"));
        Assert.False(glob.Matches("orders/year=20234/part-0000.csv"));
        Assert.Equal("orders/year=2023", glob.Pattern);
    }
}
