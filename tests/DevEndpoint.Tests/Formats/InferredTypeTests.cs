using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats;

public sealed class InferredTypeTests
{
    [Theory]
    [InlineData("int", "1", "2", "3")]
    [InlineData("bigint", "1", "3000000000")]
    [InlineData("decimal(10,2)", "1", "2.50")]
    [InlineData("decimal(10,2)", "1.25", "-3.50")]
    [InlineData("decimal(10,2)", "1.5", "2.25")]
    [InlineData("decimal(12,3)", "123456789.5", "0.125")]
    [InlineData("double", "1.5", "2.1234567")]
    [InlineData("double", "1", "1e3")]
    [InlineData("timestamp", "2024-01-01", "2024-01-01 10:00:00")]
    [InlineData("int", "", "5", "NULL")]
    [InlineData("string", "1", "abc")]
    [InlineData("string", "007", "7")]
    [InlineData("string", "true", "1")]
    [InlineData("string", "2024-01-01", "42")]
    [InlineData("string", "", "")]
    public void A_column_of_values_gets_the_narrowest_type_that_holds_them_all(string expected, params string[] values)
    {
        var type = values.Aggregate(InferredType.Null, (t, v) => t.Widen(TextValues.Infer(v)));

        Assert.Equal(expected, type.ToHiveType());
    }
}
