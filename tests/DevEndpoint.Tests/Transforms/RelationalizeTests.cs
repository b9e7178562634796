using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Transforms;

public sealed class RelationalizeTests
{
    [Fact]
    public void Arrays_become_child_frames_with_join_keys_and_objects_become_columns()
    {
        var orders = new DataFrame(
            new Int32DataFrameColumn("order_id", new int?[] { 1, 2, 3 }),
            new StringDataFrameColumn("customer", new[] { """{"name": "Al", "address": {"city": "Oslo"}}""", """{"name": "Bo"}""", null }),
            new StringDataFrameColumn("items", new[]
            {
                """[{"sku": "A", "qty": 2, "tags": ["x", "y"]}, {"sku": "B", "qty": 1}]""",
                "[]",
                null,
            }),
            new StringDataFrameColumn("note", new[] { "[draft]", "plain", null }));

        var frames = orders.Relationalize();

        Assert.Equal(["root", "root_items", "root_items_items.tags"], frames.Keys.Order());
        var root = frames["root"];
        Assert.Equal(["order_id", "customer.name", "customer.address.city", "items", "note"], Frames.Names(root));
        Assert.Equal(
            [
                new object?[] { 1, "Al", "Oslo", 0L, "[draft]" },
                new object?[] { 2, "Bo", null, 1L, "plain" },
                new object?[] { 3, null, null, null, null },
            ],
            Frames.Rows(root));

        var items = frames["root_items"];
        Assert.Equal(["id", "index", "items.sku", "items.qty", "items.tags"], Frames.Names(items));
        Assert.Equal([new object?[] { 0L, 0, "A", 2, 0L }, new object?[] { 0L, 1, "B", 1, null }], Frames.Rows(items));

        var tags = frames["root_items_items.tags"];
        Assert.Equal(["id", "index", "items.tags.val"], Frames.Names(tags));
        Assert.Equal([new object?[] { 0L, 0, "x" }, new object?[] { 0L, 1, "y" }], Frames.Rows(tags));
    }

    [Fact]
    public void The_child_rows_join_back_to_their_parent_on_the_key()
    {
        var orders = new DataFrame(
            new Int32DataFrameColumn("order_id", new int?[] { 7, 8 }),
            new StringDataFrameColumn("scores", new[] { "[1, 2]", "[3]" }));

        var frames = orders.Relationalize("orders");
        var joined = frames["orders"].Join(frames["orders_scores"], ["scores"], ["id"], JoinType.Inner);

        Assert.Equal([7, 7, 8], joined["order_id"].Cast<int?>());
        Assert.Equal([1, 2, 3], joined["scores.val"].Cast<int?>());
    }
}
