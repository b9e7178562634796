using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats;

public sealed class SampleOptionsTests
{
    [Fact]
    public void Sizes_left_out_keep_their_defaults()
    {
        var options = SampleOptions.Create(null, 500);

        Assert.Equal(1 << 20, options.MaxBytes);
        Assert.Equal(500, options.MaxRecords);
    }

    [Fact]
    public void A_sample_too_small_to_hold_a_header_is_refused()
    {
        var error = Assert.Throws<DevEndpointException>(() => SampleOptions.Create(100, null));

        Assert.Equal("--sample-bytes must be between 4096 and 2147483647; got 100. The default, 1048576, reads the first MiB of each file.", error.Message);
    }

    [Fact]
    public void Fewer_than_two_rows_are_refused()
    {
        var error = Assert.Throws<DevEndpointException>(() => SampleOptions.Create(null, 1));

        Assert.Equal("--sample-rows must be between 2 and 2147483647; got 1. The default, 10000, reads the first 10,000 records of each file.", error.Message);
    }

    [Fact]
    public async Task A_smaller_sample_sees_fewer_rows_when_typing_columns()
    {
        using var temp = new TempFolder();
        var csv = "id,code\n" + string.Concat(Enumerable.Range(1, 50).Select(i => $"{i},{i * 10}\n")) + "51,abc\n";
        var path = temp.Write("a.csv", csv);

        var small = await FileClassifier.ClassifyAsync(path, SampleOptions.Create(null, 20));
        var whole = await FileClassifier.ClassifyAsync(path, SampleOptions.Create(null, null));

        Assert.Equal("int", small!.Columns[1].Type);
        Assert.Equal(["int", "string"], whole!.Columns[1].Choices);
    }
}
