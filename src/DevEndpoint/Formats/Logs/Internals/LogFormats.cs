namespace DevEndpoint.Formats.Logs.Internals;

/// <summary>The built-in log classifiers, named as Glue names their classifications.</summary>
internal static class LogFormats
{
    public static IReadOnlyList<IClassifier> BuiltIns { get; } =
    [
        new GrokClassifier("combined_apache", GrokPattern.Compile("%{COMBINEDAPACHELOG}")),
        new GrokClassifier("apache", GrokPattern.Compile("%{COMMONAPACHELOG}")),
        new GrokClassifier("linux_kernel", GrokPattern.Compile("%{SYSLOGLINE}")),
    ];
}
