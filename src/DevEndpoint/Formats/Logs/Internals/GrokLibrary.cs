namespace DevEndpoint.Formats.Logs.Internals;

/// <summary>The named patterns every grok pattern can use, written for this project, and the field types grok knows.</summary>
internal static class GrokLibrary
{
    public static IReadOnlyDictionary<string, string> Patterns { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["INT"] = @"[+-]?[0-9]+",
        ["POSINT"] = @"[1-9][0-9]*",
        ["NUMBER"] = @"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)",
        ["WORD"] = @"\b\w+\b",
        ["NOTSPACE"] = @"\S+",
        ["SPACE"] = @"\s*",
        ["DATA"] = @".*?",
        ["GREEDYDATA"] = @".*",
        ["QUOTEDSTRING"] = "\"(?:[^\"\\\\]|\\\\.)*\"",
        ["IPV4"] = @"(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])",
        ["IPV6"] = @"(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|%{IPV4})?",
        ["IP"] = @"%{IPV6}|%{IPV4}",
        ["HOSTNAME"] = @"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*\.?",
        ["IPORHOST"] = @"%{IP}|%{HOSTNAME}",
        ["USER"] = @"[A-Za-z0-9._@-]+",
        ["MONTH"] = @"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
        ["HTTPDATE"] = @"[0-3][0-9]/%{MONTH}/[0-9]{4}:[0-2][0-9]:[0-5][0-9]:[0-6][0-9] [+-][0-9]{4}",
        ["SYSLOGTIMESTAMP"] = @"%{MONTH} +[0-3]?[0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]",
        ["PROG"] = @"[\w./%-]+",
        ["COMMONAPACHELOG"] =
            @"%{IPORHOST:clientip} %{USER:ident} %{USER:auth} \[%{HTTPDATE:timestamp}\] "
            + "\"(?:%{WORD:verb} %{NOTSPACE:request}(?: HTTP/%{NUMBER:httpversion})?|%{DATA:rawrequest})\" "
            + @"%{INT:response:int} (?:%{INT:bytes:bigint}|-)",
        ["COMBINEDAPACHELOG"] = @"%{COMMONAPACHELOG} %{QUOTEDSTRING:referrer} %{QUOTEDSTRING:agent}",
        ["SYSLOGLINE"] = @"%{SYSLOGTIMESTAMP:timestamp} %{IPORHOST:logsource} %{PROG:program}(?:\[%{POSINT:pid:int}\])?: %{GREEDYDATA:message}",
    };

    /// <summary>The Hive type of a grok field type (<c>%{INT:status:int}</c>).</summary>
    public static string HiveType(string type, string pattern) => type.ToLowerInvariant() switch
    {
        "string" => "string",
        "boolean" => "boolean",
        "byte" => "tinyint",
        "short" => "smallint",
        "int" => "int",
        "long" or "bigint" => "bigint",
        "float" => "float",
        "double" => "double",
        _ => throw new ArgumentException(
            $"The grok pattern '{pattern}' gives a field the type '{type}'; known types: string, boolean, byte, short, int, long, float, double.",
            nameof(pattern)),
    };
}
