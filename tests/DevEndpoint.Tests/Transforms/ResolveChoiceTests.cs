using DevEndpoint.Catalog;
using DevEndpoint.Transforms;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.Transforms;

public sealed class ResolveChoiceTests
{
    private static readonly Column Price = new Column("price", "string").WithChoices(["int", "string"]);

    private static DataFrame Prices() => new(
        new Int32DataFrameColumn("id", new int?[] { 1, 2, 3, 4 }),
        new StringDataFrameColumn("price", new[] { "12", "n/a yet", null, "7" }),
        new StringDataFrameColumn("shop", new[] { "x", "y", "z", "w" }));

    [Fact]
    public void Cast_makes_every_value_the_type_and_records_the_ones_that_do_not_cast()
    {
        var result = Prices().ResolveChoice(Price, "cast:int");

        Assert.IsType<Int32DataFrameColumn>(result.Frame["price"]);
        Assert.Equal([12, null, null, 7], result.Frame["price"].Cast<int?>());
        Assert.Equal([new object?[] { 1L, "price", "n/a yet", "not a value of type int." }], Frames.Rows(result.Errors));
    }

    [Fact]
    public void Project_keeps_the_values_of_the_type_and_nulls_the_others()
    {
        var ints = Prices().ResolveChoice(Price, "project:int");
        var strings = Prices().ResolveChoice(Price, "project:string");

        Assert.Equal([12, null, null, 7], ints.Frame["price"].Cast<int?>());
        Assert.Equal([null, "n/a yet", null, null], strings.Frame["price"].Cast<string?>());
        Assert.Equal(0, ints.ErrorCount + strings.ErrorCount);
    }

    [Fact]
    public void Make_cols_puts_one_column_per_type_where_the_choice_column_was()
    {
        var result = Prices().ResolveChoice(Price, "make_cols");

        Assert.Equal(["id", "price_int", "price_string", "shop"], Frames.Names(result.Frame));
        Assert.IsType<Int32DataFrameColumn>(result.Frame["price_int"]);
        Assert.Equal([12, null, null, 7], result.Frame["price_int"].Cast<int?>());
        Assert.Equal([null, "n/a yet", null, null], result.Frame["price_string"].Cast<string?>());
    }

    [Fact]
    public void A_value_none_of_the_choices_reads_is_an_error_record()
    {
        var flag = new Column("price", "string").WithChoices(["int", "boolean"]);

        var result = Prices().ResolveChoice(flag, "make_cols");

        Assert.Equal(["id", "price_int", "price_boolean", "shop"], Frames.Names(result.Frame));
        Assert.Equal([new object?[] { 1L, "price", "n/a yet", "not a value of any of its choices int, boolean." }], Frames.Rows(result.Errors));
    }

    [Fact]
    public void ResolveChoice_errors_say_what_to_do()
    {
        var prices = Prices();
        var notChoice = Assert.Throws<DevEndpointException>(() => prices.ResolveChoice(new Column("price", "string"), "make_cols"));
        var action = Assert.Throws<DevEndpointException>(() => prices.ResolveChoice(Price, "make_columns"));
        var project = Assert.Throws<DevEndpointException>(() => prices.ResolveChoice(Price, "project:double"));
        var type = Assert.Throws<DevEndpointException>(() => prices.ResolveChoice(Price, "cast:number"));
        var missing = Assert.Throws<DevEndpointException>(() => prices.ResolveChoice(Price with { Name = "prices" }, "make_cols"));

        Assert.Equal("ResolveChoice: column 'price' is not a choice column (its type is string); cast it with ApplyMapping.", notChoice.Message);
        Assert.Equal("ResolveChoice: 'make_columns' is not a spec. Use cast:<type>, project:<type>, make_cols or make_struct.", action.Message);
        Assert.Equal("ResolveChoice: column 'price' holds int and string values, none of double; project to one of those, or cast with cast:double.", project.Message);
        Assert.StartsWith("ResolveChoice: 'number' is not a type.", type.Message);
        Assert.Equal("ResolveChoice: column 'prices' does not exist. Did you mean 'price'? Columns: id, price, shop.", missing.Message);
    }

    [Fact]
    public void A_column_named_with_a_cast_spec_resolves_without_the_catalog()
    {
        var frame = new DataFrame(new StringDataFrameColumn("minorunit", new[] { "2", "n/a", null, "0" }));

        var result = frame.ResolveChoice("minorunit", "cast:int");

        Assert.IsType<Int32DataFrameColumn>(result.Frame["minorunit"]);
        Assert.Equal([2, null, null, 0], result.Frame["minorunit"].Cast<int?>());
        Assert.Equal([new object?[] { 1L, "minorunit", "n/a", "not a value of type int." }], Frames.Rows(result.Errors));
    }

    [Fact]
    public void A_named_text_column_has_the_choices_the_crawler_reads_in_its_values()
    {
        var cols = Prices().ResolveChoice("price", "make_cols");
        var strings = Prices().ResolveChoice("price", "project:string");
        var doubles = Assert.Throws<DevEndpointException>(() => Prices().ResolveChoice("price", "project:double"));

        Assert.Equal(["id", "price_int", "price_string", "shop"], Frames.Names(cols.Frame));
        Assert.Equal([12, null, null, 7], cols.Frame["price_int"].Cast<int?>());
        Assert.Equal([null, "n/a yet", null, null], strings.Frame["price"].Cast<string?>());
        Assert.Equal(
            "ResolveChoice: column 'price' holds int and string values, none of double; project to one of those, or cast with cast:double.",
            doubles.Message);
    }

    [Fact]
    public void Make_struct_puts_one_struct_field_per_type_named_as_a_load_names_struct_fields()
    {
        var result = Prices().ResolveChoice(Price, "make_struct");

        Assert.Equal(["id", "price.int", "price.string", "shop"], Frames.Names(result.Frame));
        Assert.Equal([12, null, null, 7], result.Frame["price.int"].Cast<int?>());
        Assert.Equal([null, "n/a yet", null, null], result.Frame["price.string"].Cast<string?>());
    }

    [Fact]
    public void Several_specs_resolve_several_columns_and_a_typed_column_casts_too()
    {
        var result = Prices().ResolveChoice(("price", "cast:double"), ("id", "cast:string"), ("shop", "make_cols"));

        Assert.Equal(["id", "price", "shop_string"], Frames.Names(result.Frame));
        Assert.Equal(["1", "2", "3", "4"], result.Frame["id"].Cast<string?>());
        Assert.Equal([12.0, null, null, 7.0], result.Frame["price"].Cast<double?>());
        Assert.Equal(1, result.ErrorCount);
    }

    [Fact]
    public void Spec_strings_are_checked_and_the_accepted_forms_listed()
    {
        var prices = Prices();
        var verb = Assert.Throws<DevEndpointException>(() => prices.ResolveChoice("price", "cast"));
        var type = Assert.Throws<DevEndpointException>(() => prices.ResolveChoice("price", "cast:integer"));
        var none = Assert.Throws<DevEndpointException>(() => prices.ResolveChoice(Array.Empty<(string, string)>()));
        var clash = Assert.Throws<DevEndpointException>(() => prices.RenameField("shop", "price_int").ResolveChoice("price", "make_cols"));
        var missing = Assert.Throws<DevEndpointException>(() => prices.ResolveChoice("prise", "make_cols"));

        Assert.Equal("ResolveChoice: 'cast' is not a spec. Use cast:<type>, project:<type>, make_cols or make_struct.", verb.Message);
        Assert.Equal(
            "ResolveChoice: 'integer' is not a type. Use one of: boolean, tinyint, smallint, int, bigint, float, double, decimal(p,s), date, timestamp, string.",
            type.Message);
        Assert.Equal(
            "ResolveChoice: no specs given; list at least one (column, spec), the spec one of cast:<type>, project:<type>, make_cols or make_struct.",
            none.Message);
        Assert.Equal("ResolveChoice: make_cols would make column 'price_int', which the frame already has; rename or drop it first.", clash.Message);
        Assert.Equal("ResolveChoice: column 'prise' does not exist. Did you mean 'price'? Columns: id, price, shop.", missing.Message);
    }

    [Fact]
    public void A_catalog_choice_over_a_typed_column_and_a_cast_no_engine_makes_are_refused()
    {
        var typed = Assert.Throws<DevEndpointException>(() => Prices().ResolveChoice(Price with { Name = "id" }, "make_cols"));
        var cast = Assert.Throws<DevEndpointException>(() =>
            new DataFrame(new DateTimeDataFrameColumn("day", new DateTime?[] { new(2024, 1, 1) })).ResolveChoice("day", "cast:int"));

        Assert.Equal(
            "ResolveChoice: column 'id' holds int values, not the text of a choice column; resolve it by name: ResolveChoice(\"id\", \"cast:<type>\").",
            typed.Message);
        Assert.Equal(
            "ResolveChoice: column 'day' holds date values, which do not cast to int. "
            + "Casts go between numbers and boolean, between date and timestamp, and from and to string.",
            cast.Message);
    }
}
