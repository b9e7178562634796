using DevEndpoint.Catalog;
using DevEndpoint.Frames;

namespace DevEndpoint.Tests.Catalog;

public sealed class HiveTypesTests
{
    [Theory]
    [InlineData("int", "int", "int")]
    [InlineData("int", "bigint", "bigint")]
    [InlineData("bigint", "int", "bigint")]
    [InlineData("tinyint", "smallint", "smallint")]
    [InlineData("smallint", "int", "int")]
    [InlineData("decimal(10,2)", "decimal(12,2)", "decimal(12,2)")]
    [InlineData("decimal(10,2)", "int", "decimal(21,2)")]
    [InlineData("bigint", "decimal(10,2)", "decimal(21,2)")]
    [InlineData("decimal(38,2)", "bigint", "decimal(38,2)")]
    [InlineData("decimal(10,2)", "decimal(10,3)", "decimal(11,3)")]
    [InlineData("decimal(38,0)", "decimal(10,2)", "double")]
    [InlineData("INT", "bigint", "bigint")]
    [InlineData("int", "double", "double")]
    [InlineData("float", "bigint", "double")]
    [InlineData("decimal(10,2)", "float", "double")]
    [InlineData("date", "timestamp", "timestamp")]
    [InlineData("timestamp", "date", "timestamp")]
    [InlineData("int", "string", "string")]
    [InlineData("boolean", "int", "string")]
    [InlineData("date", "int", "string")]
    [InlineData("array<int>", "array<string>", "string")]
    public void Widen_gives_the_narrowest_type_that_holds_both(string a, string b, string expected)
    {
        Assert.Equal(expected, HiveTypes.Widen(a, b));
    }

    [Theory]
    [InlineData("decimal(10,2)", 10, 2)]
    [InlineData("decimal(38, 18)", 38, 18)]
    public void ParseDecimal_reads_precision_and_scale(string type, int precision, int scale)
    {
        Assert.Equal((precision, scale), HiveTypes.ParseDecimal(type));
    }

    [Theory]
    [InlineData("double")]
    [InlineData("decimal")]
    [InlineData("decimal(10)")]
    public void ParseDecimal_is_null_for_other_types(string type)
    {
        Assert.Null(HiveTypes.ParseDecimal(type));
    }

    [Theory]
    [InlineData("boolean", typeof(bool))]
    [InlineData("tinyint", typeof(sbyte))]
    [InlineData("SMALLINT", typeof(short))]
    [InlineData("int", typeof(int))]
    [InlineData("bigint", typeof(long))]
    [InlineData("float", typeof(float))]
    [InlineData("double", typeof(double))]
    [InlineData("date", typeof(DateTime))]
    [InlineData("timestamp", typeof(DateTime))]
    [InlineData("Decimal(10,2)", typeof(decimal))]
    [InlineData("string", typeof(string))]
    [InlineData("binary", typeof(string))]
    [InlineData("array<int>", typeof(string))]
    [InlineData("struct<a:int,b:string>", typeof(string))]
    public void The_dotnet_type_of_a_hive_type_is_the_type_of_the_column_a_load_builds_for_it(string type, Type expected)
    {
        Assert.Equal(expected, HiveTypes.DotnetType(type));
        Assert.Equal(expected, ColumnBuilder.For(new Column("c", type)).Build().DataType);
    }
}
