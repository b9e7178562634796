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
}
