using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Transforms;

public sealed class FieldTransformsTests
{
    [Fact]
    public void SelectFields_keeps_the_named_columns_in_the_order_named()
    {
        var selected = Frames.Orders().SelectFields("status", "order_id");

        Assert.Equal(["status", "order_id"], Frames.Names(selected));
        Assert.Equal(new object?[] { "shipped", 2 }, selected.Rows[1].ToArray());
    }

    [Fact]
    public void A_missing_column_is_named_with_the_closest_names_and_every_column()
    {
        var error = Assert.Throws<DevEndpointException>(() => Frames.Orders().SelectFields("order_id", "ammount"));

        Assert.Equal(
            "SelectFields: column 'ammount' does not exist. Did you mean 'amount'? Columns: order_id, amount, status, note.",
            error.Message);
    }

    [Fact]
    public void A_missing_column_with_no_close_name_lists_the_columns()
    {
        var error = Assert.Throws<DevEndpointException>(() => Frames.Orders().DropFields("customer_email"));

        Assert.Equal("DropFields: column 'customer_email' does not exist. Columns: order_id, amount, status, note.", error.Message);
    }

    [Fact]
    public void DropFields_removes_the_named_columns_and_leaves_the_input_as_it_was()
    {
        var orders = Frames.Orders();

        var dropped = orders.DropFields("amount", "note");

        Assert.Equal(["order_id", "status"], Frames.Names(dropped));
        Assert.Equal(4, orders.Columns.Count);
    }

    [Fact]
    public void RenameField_renames_one_column_in_place()
    {
        var orders = Frames.Orders();

        var renamed = orders.RenameField("status", "state");

        Assert.Equal(["order_id", "amount", "state", "note"], Frames.Names(renamed));
        Assert.Equal("open", renamed["state"][0]);
        Assert.Equal("status", orders.Columns[2].Name);
    }

    [Fact]
    public void RenameField_refuses_a_name_already_taken_and_names_a_missing_one()
    {
        var taken = Assert.Throws<DevEndpointException>(() => Frames.Orders().RenameField("status", "amount"));
        var missing = Assert.Throws<DevEndpointException>(() => Frames.Orders().RenameField("stats", "state"));

        Assert.Equal("RenameField: column 'amount' already exists; drop it or choose another name.", taken.Message);
        Assert.Equal(
            "RenameField: column 'stats' does not exist. Did you mean 'status'? Columns: order_id, amount, status, note.",
            missing.Message);
    }

    [Fact]
    public void DropNullFields_drops_only_columns_that_are_null_in_every_row()
    {
        var dropped = Frames.Orders().DropNullFields();

        Assert.Equal(["order_id", "amount", "status"], Frames.Names(dropped));
    }

    [Fact]
    public void DropNullFields_keeps_the_columns_of_an_empty_frame()
    {
        var empty = new DataFrame(new Int32DataFrameColumn("id", 0));

        Assert.Equal(["id"], Frames.Names(empty.DropNullFields()));
    }
}
