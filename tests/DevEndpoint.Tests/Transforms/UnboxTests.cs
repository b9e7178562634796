using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Transforms;

public sealed class UnboxTests
{
    private static DataFrame Events(params string?[] payloads) => new(
        new Int32DataFrameColumn("id", Enumerable.Range(1, payloads.Length).Select(i => (int?)i)),
        new StringDataFrameColumn("payload", payloads),
        new StringDataFrameColumn("source", payloads.Select(_ => "web")));

    [Fact]
    public void Unbox_parses_json_objects_into_typed_columns_where_the_text_was()
    {
        var result = Events(
            """{"Amount": 10, "customer": {"id": 7, "since": "2024-01-31"}, "tags": ["a", "b"]}""",
            """{"Amount": 2.5, "customer": {"id": 9}}""",
            null).Unbox("payload");

        Assert.Equal(
            ["id", "payload.amount", "payload.customer.id", "payload.customer.since", "payload.tags", "source"],
            Frames.Names(result.Frame));
        Assert.IsType<DoubleDataFrameColumn>(result.Frame["payload.amount"]);
        Assert.IsType<Int32DataFrameColumn>(result.Frame["payload.customer.id"]);
        Assert.IsType<DateTimeDataFrameColumn>(result.Frame["payload.customer.since"]);
        Assert.Equal(
            [
                new object?[] { 1, 10.0, 7, new DateTime(2024, 1, 31), """["a", "b"]""", "web" },
                new object?[] { 2, 2.5, 9, null, null, "web" },
                new object?[] { 3, null, null, null, null, "web" },
            ],
            Frames.Rows(result.Frame));
        Assert.Equal(0, result.ErrorCount);
    }

    [Fact]
    public void Values_that_conflict_become_text_and_values_that_are_not_objects_are_error_records()
    {
        var result = Events("""{"code": 1}""", """{"code": "A1"}""", "[1, 2]", "{oops").Unbox("payload");

        Assert.Equal(["1", "A1", null, null], result.Frame["payload.code"].Cast<string?>());
        Assert.Equal(2, result.ErrorCount);
        Assert.Equal(new object?[] { 2L, "payload", "[1, 2]", "not a JSON object but a JSON array." }, result.Errors.Rows[0].ToArray());
        Assert.StartsWith("not JSON: ", (string)result.Errors.Rows[1][3]);
    }

    [Fact]
    public void Unbox_names_a_missing_column_and_refuses_one_that_is_not_text()
    {
        var missing = Assert.Throws<DevEndpointException>(() => Events("{}").Unbox("payloads"));
        var notText = Assert.Throws<DevEndpointException>(() => Events("{}").Unbox("id"));

        Assert.Equal("Unbox: column 'payloads' does not exist. Did you mean 'payload'? Columns: id, payload, source.", missing.Message);
        Assert.Equal("Unbox: column 'id' holds int values, not JSON text.", notText.Message);
    }

    [Fact]
    public void Unbox_refuses_to_make_a_column_the_frame_already_has()
    {
        var frame = Events("""{"id": 1}""").RenameField("source", "payload.id");

        var error = Assert.Throws<DevEndpointException>(() => frame.Unbox("payload"));

        Assert.Equal("Unbox: unboxing column 'payload' would make column 'payload.id', which the frame already has; rename or drop it first.", error.Message);
    }
}
