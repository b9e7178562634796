using DevEndpoint.MachineLearning.Imputation;
using Microsoft.Data.Analysis;

namespace DevEndpoint.Tests.MachineLearning.Imputation;

public sealed class MissingValuesTests
{
    /// <summary>y = 3x + noise over 1000 rows, with every 7th y hidden; returns the frame and the hidden truth.</summary>
    private static (DataFrame Frame, Dictionary<long, double> Hidden) Linear()
    {
        var random = new Random(11);
        var x = new double?[1000];
        var y = new double?[1000];
        var hidden = new Dictionary<long, double>();
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = random.NextDouble() * 10;
            var value = (3 * x[i]!.Value) + ((random.NextDouble() - 0.5) * 2);
            if (i % 7 == 3)
            {
                hidden[i] = value;
            }
            else
            {
                y[i] = value;
            }
        }

        return (new DataFrame(new DoubleDataFrameColumn("x", x), new DoubleDataFrameColumn("y", y)), hidden);
    }

    [Fact]
    public void A_model_fills_a_numeric_column_closer_to_the_truth_than_its_mean()
    {
        var (frame, hidden) = Linear();

        var result = MissingValues.Fill(frame, "y");

        var mean = frame["y"].Cast<double?>().OfType<double>().Average();
        var filled = result.Frame["y_filled"];
        var modelError = Math.Sqrt(hidden.Average(h => Math.Pow((double)filled[h.Key]! - h.Value, 2)));
        var meanError = Math.Sqrt(hidden.Average(h => Math.Pow(mean - h.Value, 2)));
        Assert.True(modelError < meanError / 5, $"model RMSE {modelError:0.###} against mean RMSE {meanError:0.###}");
        Assert.Equal((143L, 857L), (result.Filled, result.TrainingRows));
        Assert.Equal("FastTree regression (100 trees)", result.Model);
    }

    [Fact]
    public void The_column_stays_and_the_filled_column_keeps_its_known_values()
    {
        var (frame, hidden) = Linear();

        var result = MissingValues.Fill(frame, "y");

        Assert.Equal(["x", "y", "y_filled"], result.Frame.Columns.Select(c => c.Name));
        Assert.Equal(hidden.Count, result.Frame["y"].NullCount);
        Assert.Equal(0, result.Frame["y_filled"].NullCount);
        Assert.All(Enumerable.Range(0, 1000).Where(r => !hidden.ContainsKey(r)), r => Assert.Equal(frame["y"][r], result.Frame["y_filled"][r]));
        Assert.Equal(hidden.Count, frame["y"].NullCount);
    }

    [Fact]
    public void The_same_seed_fills_the_same_values()
    {
        var (frame, _) = Linear();

        var first = MissingValues.Fill(frame, "y").Frame["y_filled"].Cast<double?>().ToList();
        var again = MissingValues.Fill(frame, "y").Frame["y_filled"].Cast<double?>().ToList();

        Assert.Equal(first, again);
    }

    [Fact]
    public void A_classifier_fills_a_text_column_more_often_right_than_its_mode()
    {
        var random = new Random(5);
        string[] sizes = ["small", "medium", "large"];
        var weight = new double?[600];
        var color = new string?[600];
        var size = new string?[600];
        var hidden = new Dictionary<long, string>();
        for (var i = 0; i < weight.Length; i++)
        {
            var kind = i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2;
            weight[i] = (kind * 10) + (random.NextDouble() * 8);
            color[i] = random.Next(3) switch { 0 => "red", 1 => "blue", _ => "green" };
            if (i % 6 == 1)
            {
                hidden[i] = sizes[kind];
            }
            else
            {
                size[i] = sizes[kind];
            }
        }

        var frame = new DataFrame(new DoubleDataFrameColumn("weight", weight), new StringDataFrameColumn("color", color), new StringDataFrameColumn("size", size));

        var result = MissingValues.Fill(frame, "size");

        var mode = size.OfType<string>().GroupBy(s => s).MaxBy(g => g.Count())!.Key;
        var modelRight = hidden.Count(h => (string?)result.Frame["size_filled"][h.Key] == h.Value);
        var modeRight = hidden.Count(h => mode == h.Value);
        Assert.True(modelRight > 0.9 * hidden.Count && modelRight > modeRight, $"model right {modelRight}, mode right {modeRight} of {hidden.Count}");
        Assert.Equal("maximum-entropy classifier (3 classes)", result.Model);
    }

    [Fact]
    public void Integer_columns_are_filled_with_whole_numbers_and_blank_text_counts_as_missing()
    {
        var frame = new DataFrame(
            new Int32DataFrameColumn("n", [1, 2, null, 4, 5, 6, null, 8]),
            new Int32DataFrameColumn("twice", [2, 4, 6, 8, 10, 12, 14, 16]),
            new StringDataFrameColumn("flag", ["a", "a", " ", "a", "a", "a", "", "a"]));

        var ints = MissingValues.Fill(frame, "n");
        var text = MissingValues.Fill(frame, "flag");

        Assert.IsType<Int32DataFrameColumn>(ints.Frame["n_filled"]);
        Assert.Equal(0, ints.Frame["n_filled"].NullCount);
        Assert.Equal(["a", "a", "a", "a", "a", "a", "a", "a"], text.Frame["flag_filled"].Cast<string>());
        Assert.Equal("the only value", text.Model);
    }

    [Fact]
    public void A_column_of_another_type_or_without_values_or_unknown_is_an_error_that_says_what_to_do()
    {
        var frame = new DataFrame(
            new DateTimeDataFrameColumn("day", [new DateTime(2024, 1, 1), null]),
            new DoubleDataFrameColumn("empty", [null, null]));

        Assert.Equal(
            "FillMissingValues: column 'day' holds DateTime values; a model fills numbers, text and booleans. Fill it with FillMissingValues(\"day\", FillMethod.Mode) or Constant instead.",
            Assert.Throws<DevEndpointException>(() => MissingValues.Fill(frame, "day")).Message);
        Assert.Equal(
            "FillMissingValues: column 'empty' has no values to learn from: every row is missing it.",
            Assert.Throws<DevEndpointException>(() => MissingValues.Fill(frame, "empty")).Message);
        Assert.Equal(
            "FillMissingValues: column 'dya' does not exist. Did you mean 'day'? Columns: day, empty.",
            Assert.Throws<DevEndpointException>(() => MissingValues.Fill(frame, "dya")).Message);
    }
}
