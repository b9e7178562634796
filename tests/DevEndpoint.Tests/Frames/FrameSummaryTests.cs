using System.Text;
using System.Text.Json;
using DevEndpoint.Catalog;
using DevEndpoint.Frames;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Frames;

public sealed class FrameSummaryTests
{
    [Fact]
    public void Integer_sums_are_exact_beyond_what_a_double_holds_and_skip_nulls()
    {
        var frame = new DataFrame(
            new Int64DataFrameColumn("id", new long?[] { 9_007_199_254_740_993, 1, null }),
            new Int32DataFrameColumn("n", new int?[] { int.MaxValue, int.MaxValue, null }),
            new Int16DataFrameColumn("s", new short?[] { -3, null, 5 }),
            new SByteDataFrameColumn("t", new sbyte?[] { 100, 100, 100 }));

        var summary = FrameSummary.Of(frame, [new("id", "bigint"), new("n", "int"), new("s", "smallint"), new("t", "tinyint")]);

        Assert.Equal(3, summary.Rows);
        Assert.Equal(
            new ColumnSummary[]
            {
                new("id", "bigint", 1, new NumericSum(9_007_199_254_740_994m, null), null),
                new("n", "int", 1, new NumericSum(4_294_967_294m, null), null),
                new("s", "smallint", 1, new NumericSum(2m, null), null),
                new("t", "tinyint", 0, new NumericSum(300m, null), null),
            },
            summary.Columns);
    }

    [Fact]
    public void Decimal_sums_keep_their_scale_in_json_and_doubles_are_summed_as_doubles()
    {
        var frame = new DataFrame(
            new DecimalDataFrameColumn("amount", new decimal?[] { 0.10m, 0.20m, null }),
            new DoubleDataFrameColumn("ratio", new double?[] { 0.1, 0.2, null }),
            new SingleDataFrameColumn("weight", new float?[] { 0.5f, null, 0.25f }));

        var json = Json(FrameSummary.Of(frame, [new("amount", "decimal(10,2)"), new("ratio", "double"), new("weight", "float")]));

        Assert.Equal(
            """{"rows":3,"columns":[{"name":"amount","type":"decimal(10,2)","nulls":1,"sum":0.30},{"name":"ratio","type":"double","nulls":1,"sum":0.30000000000000004},{"name":"weight","type":"float","nulls":1,"sum":0.75}]}""",
            json);
    }

    [Fact]
    public void Integer_sums_past_what_a_long_holds_are_still_exact()
    {
        var frame = new DataFrame(new Int64DataFrameColumn("big", new long?[] { long.MaxValue, long.MaxValue, null, -5 }));

        var summary = FrameSummary.Of(frame, [new("big", "bigint")]);

        Assert.Equal((2m * long.MaxValue) - 5, summary.Columns[0].Sum!.Exact);
    }

    [Fact]
    public void Decimal_sums_are_exact_across_signs_scales_and_past_what_a_long_holds()
    {
        decimal?[] values = [12.25m, -0.75m, 1.5m, null, 79_228_162_514_264_337_593_543_950.33m, -79_228_162_514_264_337_593_543_950.33m, 0.001m];
        var frame = new DataFrame(
            new DecimalDataFrameColumn("mixed", values),
            new DecimalDataFrameColumn("empty", new decimal?[] { null, null }.Concat(Enumerable.Repeat<decimal?>(null, values.Length - 2))));

        var summary = FrameSummary.Of(frame, [new("mixed", "decimal(38,3)"), new("empty", "decimal(10,2)")]);

        Assert.Equal(values.Sum(v => v ?? 0m), summary.Columns[0].Sum!.Exact);
        Assert.Equal(13.001m, summary.Columns[0].Sum!.Exact);
        Assert.Equal("13.001", summary.Columns[0].Sum!.Exact!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(summary.Columns[1].Sum!.Exact);
    }

    [Fact]
    public void A_decimal_sum_beyond_what_a_decimal_holds_is_given_as_a_double()
    {
        var frame = new DataFrame(new DecimalDataFrameColumn("big", new decimal?[] { decimal.MaxValue, decimal.MaxValue, null }));

        var summary = FrameSummary.Of(frame, [new("big", "decimal(38,0)")]);

        Assert.Equal(new NumericSum(null, 2 * (double)decimal.MaxValue), summary.Columns[0].Sum);
    }

    [Fact]
    public void Decimal_sums_that_need_a_smaller_scale_than_their_values_are_still_exact()
    {
        var frame = new DataFrame(new DecimalDataFrameColumn("big", new decimal?[] { 7_000_000_000_000_000_000_000_000.5m, 7_000_000_000_000_000_000_000_000.5m }));

        var summary = FrameSummary.Of(frame, [new("big", "decimal(38,1)")]);

        Assert.Equal(14_000_000_000_000_000_000_000_001m, summary.Columns[0].Sum!.Exact);
    }

    [Fact]
    public void String_columns_count_the_utf8_bytes_of_their_values_whichever_way_they_are_held()
    {
        string?[] values = ["é", "日本", null, string.Empty, "a,\"b\""];
        var frame = new DataFrame(new StringDataFrameColumn("text", values), Arrow("arrow", values));

        var summary = FrameSummary.Of(frame, [new("text", "string"), new("arrow", "string")]);

        Assert.Equal(
            new ColumnSummary[] { new("text", "string", 1, null, 2 + 6 + 0 + 5), new("arrow", "string", 1, null, 2 + 6 + 0 + 5) },
            summary.Columns);
    }

    [Fact]
    public void A_numeric_column_without_values_has_a_null_sum_and_other_types_have_neither_sum_nor_bytes()
    {
        var frame = new DataFrame(
            new Int32DataFrameColumn("empty", new int?[] { null, null }),
            new DateTimeDataFrameColumn("day", new DateTime?[] { new DateTime(2024, 1, 2), null }),
            new BooleanDataFrameColumn("flag", new bool?[] { true, false }));

        var json = Json(FrameSummary.Of(frame, [new("empty", "int"), new("DAY", "date"), new("flag", "boolean")]));

        Assert.Equal(
            """{"rows":2,"columns":[{"name":"empty","type":"int","nulls":2,"sum":null},{"name":"day","type":"date","nulls":1},{"name":"flag","type":"boolean","nulls":0}]}""",
            json);
    }

    [Fact]
    public void A_frame_column_missing_from_the_schema_is_refused_with_the_names_it_has()
    {
        var frame = new DataFrame(new Int32DataFrameColumn("n", new int?[] { 1 }));

        var error = Assert.Throws<ArgumentException>(() => FrameSummary.Of(frame, [new Column("id", "int"), new Column("name", "string")]));

        Assert.Equal("The frame's column 'n' is not in the schema (id, name). (Parameter 'schema')", error.Message);
    }

    /// <summary>A UTF-8 column in the Arrow layout: the values' bytes end to end, their offsets and a validity bitmap.</summary>
    private static ArrowStringDataFrameColumn Arrow(string name, string?[] values)
    {
        var bytes = values.Select(v => Encoding.UTF8.GetBytes(v ?? string.Empty)).ToList();
        var offsets = new int[values.Length + 1];
        for (var i = 0; i < values.Length; i++)
        {
            offsets[i + 1] = offsets[i] + bytes[i].Length;
        }

        var validity = new byte[(values.Length + 7) / 8];
        for (var i = 0; i < values.Length; i++)
        {
            validity[i / 8] |= (byte)(values[i] is null ? 0 : 1 << (i % 8));
        }

        var offsetBytes = offsets.SelectMany(BitConverter.GetBytes).ToArray();
        return new ArrowStringDataFrameColumn(name, bytes.SelectMany(b => b).ToArray(), offsetBytes, validity, values.Length, values.Count(v => v is null));
    }

    private static string Json(FrameSummary summary)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            summary.WriteProperties(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
