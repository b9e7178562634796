using DevEndpoint.Sources.Databases;

namespace DevEndpoint.Tests.Sources.Databases;

public sealed class DatabaseTypesTests
{
    [Theory]
    [InlineData("numeric(10,2)", "decimal(10,2)")]
    [InlineData("numeric(50,4)", "string")]
    [InlineData("numeric", "decimal(38,18)")]
    [InlineData("timestamp(6) with time zone", "timestamp")]
    [InlineData("integer[]", "string")]
    [InlineData("interval", "string")]
    [InlineData("money", "decimal(19,2)")]
    [InlineData("character(2)", "string")]
    public void Postgres_types_map_to_hive_types(string declared, string hive) => Assert.Equal(hive, DatabaseTypes.Postgres(declared));

    [Theory]
    [InlineData("tinyint", "tinyint(1)", "boolean")]
    [InlineData("tinyint", "tinyint(3) unsigned", "smallint")]
    [InlineData("int", "int(10) unsigned", "bigint")]
    [InlineData("bigint", "bigint(20) unsigned", "decimal(20,0)")]
    [InlineData("decimal", "decimal(65,2)", "string")]
    [InlineData("bit", "bit(1)", "boolean")]
    [InlineData("year", "year(4)", "int")]
    [InlineData("time", "time", "string")]
    public void Mysql_types_map_to_hive_types(string dataType, string columnType, string hive) => Assert.Equal(hive, DatabaseTypes.MySql(dataType, columnType));

    [Theory]
    [InlineData("VARCHAR(10)", "string")]
    [InlineData("BIGINT", "bigint")]
    [InlineData("FLOAT", "double")]
    [InlineData("NUMERIC(5,1)", "decimal(5,1)")]
    [InlineData("", "string")]
    public void Sqlite_types_map_by_affinity(string declared, string hive) => Assert.Equal(hive, DatabaseTypes.Sqlite(declared));
}
