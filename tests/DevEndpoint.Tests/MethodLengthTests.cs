using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DevEndpoint.Tests;

/// <summary>
/// No method of <c>src/</c> runs past <see cref="MaxLines"/> lines: a longer one becomes named steps that read as the
/// story of what it does. The source files are parsed with Roslyn; a method counts from its signature (attributes
/// included, its documentation not) to its closing brace or semicolon.
/// </summary>
public sealed class MethodLengthTests
{
    private const int MaxLines = 60;

    /// <summary>
    /// Loops over every byte or value of a file, kept whole: a state machine whose states share locals, where a call per
    /// step would cost the speed the load benchmarks measure.
    /// </summary>
    private static readonly string[] HotLoops =
    [
        "DevEndpoint/Formats/Avro/AvroDatum.cs Read",
        "DevEndpoint/Formats/Csv/CsvRecordReader.cs ReadRecord",
        "DevEndpoint/Formats/Csv/Utf8CsvTokenizer.cs TryRead",
        "DevEndpoint/Formats/Csv/Utf8CsvTokenizer.cs ReadQuoted",
        "DevEndpoint/Formats/Parquet/Pages/ColumnChunkReader.cs Read",
        "DevEndpoint/MachineLearning/Internals/Similarity.cs JaroWinkler",
    ];

    /// <summary>Long methods still to split into named steps; a method split leaves this list.</summary>
    private static readonly string[] NotYetSplit =
    [
        "DevEndpoint.Cli/CrawlCommand.cs Create",
        "DevEndpoint.Interactive/Magics/MagicSyntax.cs Check",
        "DevEndpoint/Crawling/Crawler.Commit.cs Commit",
        "DevEndpoint/Formats/JsonText.cs Write",
        "DevEndpoint/Formats/Parquet/ParquetRowReader.cs ReadPartsAsync",
        "DevEndpoint/Jobs/EtlScript.cs Write",
        "DevEndpoint/Libraries/Internals/PackageRestore.cs Run",
        "DevEndpoint/Loading/PartitionPredicate.Parser.cs ParseCondition",
        "DevEndpoint/MachineLearning/Internals/Matcher.Incremental.cs IncrementalEntities",
        "DevEndpoint/MachineLearning/Internals/Matcher.cs Cluster",
        "DevEndpoint/Transforms/FrameTransforms.Unbox.cs Unbox",
    ];

    [Fact]
    public void No_method_in_src_is_longer_than_sixty_lines()
    {
        var src = Path.GetFullPath(Path.Combine(TestFolder(), "..", "..", "src"));

        var tooLong = LongMethods(src).Where(m => !HotLoops.Concat(NotYetSplit).Contains($"{m.File} {m.Method}")).ToList();

        Assert.True(tooLong.Count == 0, $"Methods longer than {MaxLines} lines, to split into named steps: " + string.Join("; ", tooLong));
    }

    [Fact]
    public void Every_long_method_let_through_is_still_long()
    {
        var src = Path.GetFullPath(Path.Combine(TestFolder(), "..", "..", "src"));

        Assert.Equal(
            HotLoops.Concat(NotYetSplit).Order(StringComparer.Ordinal),
            LongMethods(src).Select(m => $"{m.File} {m.Method}").Where(m => HotLoops.Concat(NotYetSplit).Contains(m)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_method_of_sixty_one_lines_is_found()
    {
        var body = string.Concat(Enumerable.Range(0, MaxLines - 2).Select(i => $"        var v{i} = {i};\n"));
        var tree = CSharpSyntaxTree.ParseText($"class C\n{{\n    void Long()\n    {{\n{body}    }}\n\n    void Short()\n    {{\n    }}\n}}\n", path: "C.cs");

        Assert.Equal([new LongMethod("C.cs", "Long", 3, 61)], LongMethods(tree, "C.cs"));
    }

    private static IEnumerable<LongMethod> LongMethods(string src) =>
        Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => LongMethods(CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f), Path.GetRelativePath(src, f).Replace(Path.DirectorySeparatorChar, '/')));

    private static IEnumerable<LongMethod> LongMethods(SyntaxTree tree, string file) =>
        from member in tree.GetRoot().DescendantNodes()
        where member is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax
        let lines = member.GetLocation().GetLineSpan()
        let count = lines.EndLinePosition.Line - lines.StartLinePosition.Line + 1
        where count > MaxLines
        select new LongMethod(file, Name(member), lines.StartLinePosition.Line + 1, count);

    private static string Name(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax method => method.Identifier.Text,
        ConstructorDeclarationSyntax constructor => constructor.Identifier.Text,
        LocalFunctionStatementSyntax local => local.Identifier.Text,
        AccessorDeclarationSyntax accessor => $"{(accessor.Parent?.Parent as BasePropertyDeclarationSyntax)?.ToString().Split('{')[0].Trim()} {accessor.Keyword.Text}",
        _ => member.Kind().ToString(),
    };

    private static string TestFolder([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;

    private sealed record LongMethod(string File, string Method, int Line, int Lines)
    {
        public override string ToString() => $"{File}:{Line} {Method} ({Lines} lines)";
    }
}
