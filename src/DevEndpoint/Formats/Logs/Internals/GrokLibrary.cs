namespace DevEndpoint.Formats.Logs.Internals;

/// <summary>
/// The named patterns every grok pattern can use — every built-in pattern Glue's documentation lists for grok custom
/// classifiers, plus <c>SYSLOGLINE</c> — written for this project as .NET regular expressions, and the field types grok knows.
/// </summary>
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
        ["MONTH"] = @"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b",
        ["HTTPDATE"] = @"[0-3][0-9]/%{MONTH}/[0-9]{4}:[0-2][0-9]:[0-5][0-9]:[0-6][0-9] [+-][0-9]{4}",
        ["SYSLOGTIMESTAMP"] = @"%{MONTH} +[0-3]?[0-9] [0-2][0-9]:[0-5][0-9]:[0-6][0-9]",
        ["PROG"] = @"[\w./%-]+",
        ["COMMONAPACHELOG"] =
            @"%{IPORHOST:clientip} %{USER:ident} %{USER:auth} \[%{HTTPDATE:timestamp}\] "
            + "\"(?:%{WORD:verb} %{NOTSPACE:request}(?: HTTP/%{NUMBER:httpversion})?|%{DATA:rawrequest})\" "
            + @"%{INT:response:int} (?:%{INT:bytes:bigint}|-)",
        ["COMBINEDAPACHELOG"] = @"%{COMMONAPACHELOG} %{QUOTEDSTRING:referrer} %{QUOTEDSTRING:agent}",
        ["SYSLOGLINE"] = @"%{SYSLOGTIMESTAMP:timestamp} %{IPORHOST:logsource} %{PROG:program}(?:\[%{POSINT:pid:int}\])?: %{GREEDYDATA:message}",

        // Numbers, words and text.
        ["USERNAME"] = @"[A-Za-z0-9._-]+",
        ["BASE10NUM"] = @"(?<![0-9.+-])[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)",
        ["BASE16NUM"] = @"(?<![0-9A-Fa-f])[+-]?(?:0x)?[0-9A-Fa-f]+",
        ["BASE16FLOAT"] = @"\b(?<![0-9A-Fa-f.])[+-]?(?:0x)?(?:[0-9A-Fa-f]+(?:\.[0-9A-Fa-f]*)?|\.[0-9A-Fa-f]+)\b",
        ["BOOLEAN"] = @"(?i:true|false)",
        ["NONNEGINT"] = @"\b[0-9]+\b",
        ["UUID"] = @"[A-Fa-f0-9]{8}-(?:[A-Fa-f0-9]{4}-){3}[A-Fa-f0-9]{12}",
        ["QS"] = @"%{QUOTEDSTRING}",

        // Networks.
        ["CISCOMAC"] = @"(?:[A-Fa-f0-9]{4}\.){2}[A-Fa-f0-9]{4}",
        ["WINDOWSMAC"] = @"(?:[A-Fa-f0-9]{2}-){5}[A-Fa-f0-9]{2}",
        ["COMMONMAC"] = @"(?:[A-Fa-f0-9]{2}:){5}[A-Fa-f0-9]{2}",
        ["MAC"] = @"%{CISCOMAC}|%{WINDOWSMAC}|%{COMMONMAC}",
        ["HOST"] = @"%{HOSTNAME}",
        ["HOSTPORT"] = @"(?:%{IPORHOST}):%{POSINT}",

        // Paths and URIs.
        ["UNIXPATH"] = @"(?:/(?:[\w%!$@:.,~-]|\\.)*)+",
        ["WINPATH"] = @"(?:[A-Za-z]+:|\\)(?:\\[^\\?*]*)+",
        ["PATH"] = @"%{UNIXPATH}|%{WINPATH}",
        ["TTY"] = @"/dev/(?:pts|tty[pq]?)(?:\w+)?/?[0-9]+",
        ["URIPROTO"] = @"[A-Za-z]+(?:\+[A-Za-z+]+)?",
        ["URIHOST"] = @"(?:%{IPORHOST})(?::%{POSINT})?",
        ["URIPATH"] = @"(?:/[A-Za-z0-9$.+!*'(){},~:;=@#%_\-]*)+",
        ["URIPARAM"] = @"\?[A-Za-z0-9$.+!*'|(){},~@#%&/=:;_?\-\[\]]*",
        ["URIPATHPARAM"] = @"%{URIPATH}(?:%{URIPARAM})?",
        ["URI"] = @"%{URIPROTO}://(?:%{USER}(?::[^@]*)?@)?(?:%{URIHOST})?(?:%{URIPATHPARAM})?",

        // Dates and times.
        ["MONTHNUM"] = @"0?[1-9]|1[0-2]",
        ["MONTHNUM2"] = @"0[1-9]|1[0-2]",
        ["MONTHDAY"] = @"0[1-9]|[12][0-9]|3[01]|[1-9]",
        ["DAY"] = @"Mon(?:day)?|Tue(?:sday)?|Wed(?:nesday)?|Thu(?:rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?",
        ["YEAR"] = @"(?:[0-9]{2}){1,2}",
        ["HOUR"] = @"2[0-3]|[01]?[0-9]",
        ["MINUTE"] = @"[0-5][0-9]",
        ["SECOND"] = @"(?:[0-5]?[0-9]|60)(?:[:.,][0-9]+)?",
        ["TIME"] = @"(?<![0-9])(?:%{HOUR}):(?:%{MINUTE})(?::(?:%{SECOND}))(?![0-9])",
        ["DATE_US"] = @"(?:%{MONTHNUM})[/-](?:%{MONTHDAY})[/-](?:%{YEAR})",
        ["DATE_EU"] = @"(?:%{MONTHDAY})[./-](?:%{MONTHNUM})[./-](?:%{YEAR})",
        ["DATESTAMP_US"] = @"%{DATE_US}[- ]%{TIME}",
        ["DATESTAMP_EU"] = @"%{DATE_EU}[- ]%{TIME}",
        ["ISO8601_TIMEZONE"] = @"Z|[+-](?:%{HOUR})(?::?(?:%{MINUTE}))",
        ["ISO8601_SECOND"] = @"%{SECOND}|60",
        ["TIMESTAMP_ISO8601"] = @"(?:%{YEAR})-(?:%{MONTHNUM})-(?:%{MONTHDAY})[T ](?:%{HOUR}):?(?:%{MINUTE})(?::?(?:%{SECOND}))?(?:%{ISO8601_TIMEZONE})?",
        ["TZ"] = @"[PMCE][SD]T|UTC",
        ["DATESTAMP_RFC822"] = @"%{DAY} %{MONTH} %{MONTHDAY} %{YEAR} %{TIME} %{TZ}",
        ["DATESTAMP_RFC2822"] = @"%{DAY}, %{MONTHDAY} %{MONTH} %{YEAR} %{TIME} %{ISO8601_TIMEZONE}",
        ["DATESTAMP_OTHER"] = @"%{DAY} %{MONTH} %{MONTHDAY} %{TIME} %{TZ} %{YEAR}",
        ["DATESTAMP_EVENTLOG"] = @"(?:%{YEAR})(?:%{MONTHNUM2})(?:%{MONTHDAY})(?:%{HOUR})(?:%{MINUTE})(?:%{SECOND})",
        ["CISCOTIMESTAMP"] = @"%{MONTH} %{MONTHDAY} %{TIME}",

        // Log formats and levels.
        ["SYSLOGPROG"] = @"%{PROG:program}(?:\[%{POSINT:pid}\])?",
        ["SYSLOGHOST"] = @"%{IPORHOST}",
        ["SYSLOGFACILITY"] = @"<%{NONNEGINT:facility}.%{NONNEGINT:priority}>",
        ["SYSLOGBASE"] = @"%{SYSLOGTIMESTAMP:timestamp} (?:%{SYSLOGFACILITY} )?%{SYSLOGHOST:logsource} %{SYSLOGPROG}:",
        ["MESSAGESLOG"] = @"%{SYSLOGBASE} %{DATA}",
        ["COMMONAPACHELOG_DATATYPED"] =
            @"%{IPORHOST:clientip} %{USER:ident} %{USER:auth} \[%{HTTPDATE:timestamp}\] "
            + "\"(?:%{WORD:verb} %{NOTSPACE:request}(?: HTTP/%{NUMBER:httpversion:float})?|%{DATA:rawrequest})\" "
            + @"%{NUMBER:response:int} (?:%{NUMBER:bytes:long}|-)",
        ["LOGLEVEL"] =
            @"[Aa]lert|ALERT|[Tt]race|TRACE|[Dd]ebug|DEBUG|[Nn]otice|NOTICE|[Ii]nfo|INFO|[Ww]arn?(?:ing)?|WARN?(?:ING)?|[Ee]rr?(?:or)?|ERR?(?:OR)?"
            + @"|[Cc]rit?(?:ical)?|CRIT?(?:ICAL)?|[Ff]atal|FATAL|[Ss]evere|SEVERE|EMERG(?:ENCY)?|[Ee]merg(?:ency)?",
    };

    /// <summary>The names of the built-in patterns Glue's documentation lists; each of them is in <see cref="Patterns"/>.</summary>
    public static IReadOnlyList<string> GlueBuiltIns { get; } =
    [
        "USERNAME", "USER", "INT", "BASE10NUM", "NUMBER", "BASE16NUM", "BASE16FLOAT", "BOOLEAN", "POSINT", "NONNEGINT", "WORD",
        "NOTSPACE", "SPACE", "DATA", "GREEDYDATA", "QUOTEDSTRING", "UUID", "MAC", "CISCOMAC", "WINDOWSMAC", "COMMONMAC", "IPV6",
        "IPV4", "IP", "HOSTNAME", "HOST", "IPORHOST", "HOSTPORT", "PATH", "UNIXPATH", "TTY", "WINPATH", "URIPROTO", "URIHOST",
        "URIPATH", "URIPARAM", "URIPATHPARAM", "URI", "MONTH", "MONTHNUM", "MONTHNUM2", "MONTHDAY", "DAY", "YEAR", "HOUR", "MINUTE",
        "SECOND", "TIME", "DATE_US", "DATE_EU", "DATESTAMP_US", "DATESTAMP_EU", "ISO8601_TIMEZONE", "ISO8601_SECOND",
        "TIMESTAMP_ISO8601", "TZ", "DATESTAMP_RFC822", "DATESTAMP_RFC2822", "DATESTAMP_OTHER", "DATESTAMP_EVENTLOG",
        "CISCOTIMESTAMP", "SYSLOGTIMESTAMP", "PROG", "SYSLOGPROG", "SYSLOGHOST", "SYSLOGFACILITY", "HTTPDATE", "QS", "SYSLOGBASE",
        "MESSAGESLOG", "COMMONAPACHELOG", "COMBINEDAPACHELOG", "COMMONAPACHELOG_DATATYPED", "LOGLEVEL",
    ];

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
