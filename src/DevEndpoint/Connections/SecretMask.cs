using System.Text.RegularExpressions;

namespace DevEndpoint.Connections;

/// <summary>
/// Hides secrets in text before it is shown, logged or put in an exception: the values of <c>Password=</c>, <c>Pwd=</c> and
/// AWS secret keys become <c>***</c>, as do the user info of URLs and any secret value passed in.
/// </summary>
internal static partial class SecretMask
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary><paramref name="text"/> with every secret setting masked.</summary>
    public static string Apply(string text) => Apply(text, []);

    /// <summary><paramref name="text"/> with every secret setting and every one of <paramref name="secrets"/> masked.</summary>
    public static string Apply(string text, IEnumerable<string?> secrets)
    {
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)).OrderByDescending(s => s!.Length))
        {
            text = text.Replace(secret!, Mask, StringComparison.Ordinal);
        }

        text = SecretSetting().Replace(text, m => m.Groups["key"].Value + m.Groups["equals"].Value + Mask);
        return UrlUserInfo().Replace(text, m => m.Groups["scheme"].Value + m.Groups["user"].Value + ":" + Mask + "@");
    }

    [GeneratedRegex("""(?<key>\b(?:password|pwd|aws_secret_access_key|aws_session_token|secret_?key)\b)(?<equals>\s*[=:]\s*)(?!\*\*\*)(?:"[^"]*"|'[^']*'|[^;\s,"']+)""", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSetting();

    [GeneratedRegex("""(?<scheme>\b[a-z][a-z0-9+.-]*://)(?<user>[^:/@\s]*):[^@/\s]*@""", RegexOptions.IgnoreCase)]
    private static partial Regex UrlUserInfo();
}
