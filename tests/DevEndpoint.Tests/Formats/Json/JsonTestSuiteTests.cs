using System.Text.Json;
using DevEndpoint.Formats;

namespace DevEndpoint.Tests.Formats.Json;

/// <summary>
/// JSONTestSuite's parser cases: <c>y_</c> files that are an object or an array of objects are classified JSON; JSON
/// scalars and arrays of other values are not tables; <c>n_</c> files are never classified JSON; nothing crashes.
/// </summary>
public sealed class JsonTestSuiteTests
{
    public static TheoryData<string> Files(string prefix) =>
        new(Directory.EnumerateFiles(Corpora.Path("JSONTestSuite", "test_parsing"), prefix + "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files), "y_")]
    public async Task Valid_json_holding_objects_is_classified_json(string name)
    {
        var path = Corpora.Path("JSONTestSuite", "test_parsing", name);
        var holdsRecords = HoldsRecords(File.ReadAllBytes(path));

        var classification = await ClassifyAsync(path);

        Assert.Equal(holdsRecords, classification == "json");
    }

    [Theory]
    [MemberData(nameof(Files), "n_")]
    public async Task Invalid_json_is_never_classified_json(string name) =>
        Assert.NotEqual("json", await ClassifyAsync(Corpora.Path("JSONTestSuite", "test_parsing", name)));

    [Theory]
    [MemberData(nameof(Files), "i_")]
    public async Task Implementation_defined_json_does_not_crash_the_classifier(string name) =>
        Assert.NotNull(await ClassifyAsync(Corpora.Path("JSONTestSuite", "test_parsing", name)));

    /// <summary>The classification, <c>UNKNOWN</c>, or <c>bad file</c> when the classifier reports the file with a reason.</summary>
    private static async Task<string> ClassifyAsync(string path)
    {
        try
        {
            return (await FileClassifier.ClassifyAsync(path, new SampleOptions()))?.Classification ?? "UNKNOWN";
        }
        catch (BadFileException)
        {
            return "bad file";
        }
    }

    private static bool HoldsRecords(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object
            || (root.ValueKind == JsonValueKind.Array && root.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object));
    }
}
