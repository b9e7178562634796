namespace DevEndpoint.LoadBench;

/// <summary>
/// One reader (<paramref name="Reader"/>: DevEndpoint, DuckDB, ...) of one format, run as <c>dotnet &lt;dll&gt; &lt;args&gt;</c>;
/// <paramref name="What"/> says what it runs, <paramref name="WarmUpArgs"/> are added to its warm-up run only.
/// </summary>
internal sealed record Runner(string Format, string Reader, string What, string Dll, IReadOnlyList<string> Args, IReadOnlyList<string> WarmUpArgs);
