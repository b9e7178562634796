using DevEndpoint.Catalog;
using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Transforms;

/// <summary>What a notebook cell gets for a null frame (the variable of a cell that failed) or a bad argument: the product's error with what to do, never a bare exception.</summary>
public sealed class BadInputTests
{
    private const string Rerun = "is null. A cell that failed leaves its variables null: run the cell that makes it again.";

    private static readonly DataFrame? Failed = null;

    public static TheoryData<string, Action> NullFrames => new()
    {
        { "ApplyMapping: the frame", () => Failed!.ApplyMapping(("a", "int", "a", "int")) },
        { "ResolveChoice: the frame", () => Failed!.ResolveChoice("a", "cast:int") },
        { "ResolveChoice: the frame", () => Failed!.ResolveChoice(new Column("a", "string").WithChoices(["int", "string"]), "make_cols") },
        { "SelectFields: the frame", () => Failed!.SelectFields("a") },
        { "SplitFields: the frame", () => Failed!.SplitFields("a") },
        { "DropFields: the frame", () => Failed!.DropFields("a") },
        { "RenameField: the frame", () => Failed!.RenameField("a", "b") },
        { "DropNullFields: the frame", () => Failed!.DropNullFields() },
        { "Filter: the frame", () => Failed!.Filter(_ => true) },
        { "SplitRows: the frame", () => Failed!.SplitRows(_ => true) },
        { "Map: the frame", () => Failed!.Map(r => r) },
        { "Join: the left frame", () => Failed!.Join(Frames.Orders(), "order_id", JoinType.Inner) },
        { "Join: the right frame", () => Frames.Orders().Join(Failed!, "order_id", JoinType.Inner) },
        { "Union: the first frame", () => Failed!.Union(Frames.Orders()) },
        { "Union: the second frame", () => Frames.Orders().Union(Failed!) },
        { "FillMissingValues: the frame", () => Failed!.FillMissingValues("a", FillMethod.Mode) },
        { "Deduplicate: the frame", () => Failed!.Deduplicate() },
        { "Unbox: the frame", () => Failed!.Unbox("a") },
        { "Relationalize: the frame", () => Failed!.Relationalize() },
    };

    [Theory]
    [MemberData(nameof(NullFrames))]
    public void Every_transform_given_a_null_frame_says_to_run_the_cell_that_makes_it_again(string start, Action transform)
    {
        var error = Assert.Throws<DevEndpointException>(transform);

        Assert.Equal($"{start} {Rerun}", error.Message);
    }

    [Fact]
    public void Null_arguments_are_named_with_what_to_give()
    {
        var orders = Frames.Orders();
        var predicate = Assert.Throws<DevEndpointException>(() => orders.Filter((Func<IReadOnlyDictionary<string, object?>, bool>)null!));
        var function = Assert.Throws<DevEndpointException>(() => orders.Map(null!));
        var name = Assert.Throws<DevEndpointException>(() => orders.SelectFields("order_id", null!));
        var mappings = Assert.Throws<DevEndpointException>(() => orders.ApplyMapping(null!));
        var type = Assert.Throws<DevEndpointException>(() => orders.ApplyMapping(("order_id", null!, "id", "int")));
        var spec = Assert.Throws<DevEndpointException>(() => orders.ResolveChoice("amount", null!));
        var keys = Assert.Throws<DevEndpointException>(() => orders.Join(orders, null!, ["order_id"], JoinType.Inner));

        Assert.Equal("Filter: the predicate is null; give a function of a row, such as row => (int)row[\"id\"]! > 1.", predicate.Message);
        Assert.Equal("Map: the function is null; give a function of a row, such as row => { row[\"total\"] = 1; return row; }.", function.Message);
        Assert.Equal("SelectFields: a column name is null; give the name of one of the frame's columns.", name.Message);
        Assert.Equal("ApplyMapping: the list of mappings is null; give (source, source type, target, target type) tuples.", mappings.Message);
        Assert.Equal(
            "ApplyMapping: a type is null; give one of boolean, tinyint, smallint, int, bigint, float, double, decimal(p,s), date, timestamp, string.",
            type.Message);
        Assert.Equal("ResolveChoice: the spec is null; give cast:<type>, project:<type>, make_cols or make_struct.", spec.Message);
        Assert.Equal("Join: the list of left keys is null; give the names of the left frame's key columns.", keys.Message);
    }

    [Fact]
    public void A_column_named_twice_an_empty_new_name_and_a_negative_threshold_are_refused()
    {
        var orders = Frames.Orders();
        var twice = Assert.Throws<DevEndpointException>(() => orders.SelectFields("status", "status"));
        var empty = Assert.Throws<DevEndpointException>(() => orders.RenameField("status", " "));
        var threshold = Assert.Throws<DevEndpointException>(() => orders.Filter(_ => true).FailIfMoreErrorsThan(-1));

        Assert.Equal("SelectFields: column 'status' is named twice; name each column once.", twice.Message);
        Assert.Equal("RenameField: the new name is empty; give a column name.", empty.Message);
        Assert.Equal("FailIfMoreErrorsThan: the threshold is -1; give 0 or more.", threshold.Message);
    }
}
