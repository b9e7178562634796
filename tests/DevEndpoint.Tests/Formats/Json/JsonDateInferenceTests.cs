using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats.Json;

/// <summary>JSON has no date type: ISO 8601 strings are typed as dates and timestamps, other strings stay text.</summary>
public sealed class JsonDateInferenceTests
{
    [Fact]
    public async Task Iso_dates_and_timestamps_in_strings_are_typed_as_such_and_other_forms_stay_text()
    {
        using var folder = new TempFolder();
        var path = folder.Write(
            "a.json",
            """
            {"day":"2024-01-31","at":"2024-01-31 10:00:00","zoned":"2024-01-31T10:00:00Z","uk":"31/01/2024","mixed":"2024-01-31","code":"2024"}
            {"day":"2024-02-29","at":"2024-02-01T08:30:15.25","zoned":"2024-02-01T08:30:00+02:00","uk":"01/02/2024","mixed":"soon","code":"2025"}
            """);

        var schema = await FileClassifier.ClassifyAsync(path, new SampleOptions());

        Assert.NotNull(schema);
        Assert.Equal(
            ["day date", "at timestamp", "zoned timestamp", "uk string", "mixed string (choice of date, string)", "code string"],
            schema.Columns.Select(c => $"{c.Name} {c.DisplayType}"));
    }
}
