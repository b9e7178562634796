using DevEndpoint.Catalog;

namespace DevEndpoint.Tests.Catalog;

public sealed class ChoiceColumnTests
{
    [Theory]
    [InlineData("int", "boolean", "int,boolean")]
    [InlineData("date", "int", "date,int")]
    [InlineData("bigint", "string", "")]
    [InlineData("int", "bigint", "")]
    [InlineData("decimal(10,2)", "double", "")]
    public void Widening_conflicting_types_records_a_choice_of_both(string a, string b, string expected)
    {
        var widened = new Column("price", a).WidenWith(new Column("price", b));

        Assert.Equal(expected, string.Join(",", widened.Choices));
        Assert.Equal(HiveTypes.Widen(a, b), widened.Type);
    }

    [Fact]
    public void A_choice_grows_with_each_conflicting_type()
    {
        var choice = new Column("v", "int").WidenWith(new Column("v", "boolean")).WidenWith(new Column("v", "date"));

        Assert.Equal(["int", "boolean", "date"], choice.Choices);
        Assert.Equal("string (choice of int, boolean, date)", choice.DisplayType);
    }

    [Fact]
    public void A_choice_of_a_decimal_keeps_its_precision_and_scale_together()
    {
        var choice = new Column("amount", "decimal(10,2)").WidenWith(new Column("amount", "boolean")).WidenWith(new Column("amount", "map<string,int>"));

        Assert.Equal(["decimal(10,2)", "boolean", "map<string,int>"], choice.Choices);
        Assert.Equal("string (choice of decimal(10,2), boolean, map<string,int>)", choice.DisplayType);
    }

    [Theory]
    [InlineData("string,decimal(10, 2),map<string,int>", "string|decimal(10, 2)|map<string,int>")]
    [InlineData("a:int,b:struct<c:decimal(5,1),d:array<string>>", "a:int|b:struct<c:decimal(5,1),d:array<string>>")]
    [InlineData("int", "int")]
    public void Type_lists_split_only_at_top_level_commas(string list, string expected)
    {
        Assert.Equal(expected, string.Join("|", HiveTypes.SplitList(list)));
    }
}
