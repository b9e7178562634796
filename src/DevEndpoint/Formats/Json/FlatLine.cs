using System.Buffers;
using System.Runtime.CompilerServices;

namespace DevEndpoint.Formats.Json;

/// <summary>
/// The common JSON line read without a <see cref="System.Text.Json.Utf8JsonReader"/>: one object of scalar values
/// (strings, numbers, <c>true</c>, <c>false</c>, <c>null</c>) under keys without escapes. The scan checks the line as
/// strictly as the reader would (number grammar, escapes, control characters, nothing after the object) and gives up,
/// leaving the line to the reader, at anything else: a nested value, an escaped key, invalid JSON. A line it accepts
/// is therefore one the reader reads to the same values.
/// </summary>
internal static class FlatLine
{
    /// <summary>What ends a plain run of a string: its closing quote, an escape, or a control character (invalid in JSON strings).</summary>
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    /// <summary>The bytes of a string looked at one by one before the rest is searched vectorised.</summary>
    private const int ShortRun = 24;

    private static readonly SearchValues<byte> Escaped = SearchValues.Create("\"\\/bfnrt"u8);

    private static readonly SearchValues<byte> Hex = SearchValues.Create("0123456789abcdefABCDEF"u8);

    /// <summary>The kinds of scalar a flat line holds.</summary>
    public enum Kind : byte
    {
        Null,
        String,
        EscapedString,
        Other,
    }

    /// <summary>
    /// One key and its value: the key's bytes (<see cref="KeyStart"/>, <see cref="KeyLength"/>), the value's token
    /// (<see cref="Start"/>, <see cref="End"/>: a string's quotes included) and its kind.
    /// </summary>
    public struct Member
    {
        public int KeyStart;
        public int KeyLength;
        public int Start;
        public int End;
        public Kind Kind;

        /// <summary>The value as a column takes it: a string without its quotes, other scalars as written.</summary>
        public readonly ReadOnlySpan<byte> Value(ReadOnlySpan<byte> line) =>
            Kind is Kind.String or Kind.EscapedString ? line[(Start + 1)..(End - 1)] : line[Start..End];
    }

    /// <summary>
    /// Scans <paramref name="line"/> into <paramref name="members"/> (grown as needed); <c>false</c> when the line is not
    /// a flat object or not valid JSON, for the reader to take it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryScan(ReadOnlySpan<byte> line, ref Member[] members, out int count)
    {
        count = 0;
        var i = SkipSpace(line, 0);
        if (i >= line.Length || line[i] != '{')
        {
            return false;
        }

        i = SkipSpace(line, i + 1);
        if (i < line.Length && line[i] == '}')
        {
            return SkipSpace(line, i + 1) == line.Length;
        }

        while (true)
        {
            if (count == members.Length)
            {
                Array.Resize(ref members, members.Length * 2);
            }

            if (!TryMember(line, ref i, ref members[count++]))
            {
                return false;
            }

            i = SkipSpace(line, i);
            if (i >= line.Length)
            {
                return false;
            }

            if (line[i] == '}')
            {
                return SkipSpace(line, i + 1) == line.Length;
            }

            if (line[i] != ',')
            {
                return false;
            }

            i = SkipSpace(line, i + 1);
        }
    }

    /// <summary>
    /// Reads the member at <paramref name="i"/> (an unescaped key, a colon, a scalar) into <paramref name="member"/> and
    /// moves past it; <c>false</c> for anything else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryMember(ReadOnlySpan<byte> line, ref int i, ref Member member)
    {
        if (i >= line.Length || line[i] != '"')
        {
            return false;
        }

        var keyEnd = StringStop(line, i + 1) - (i + 1);
        if (keyEnd < 0 || line[i + 1 + keyEnd] != '"')
        {
            return false;
        }

        member.KeyStart = i + 1;
        member.KeyLength = keyEnd;
        i = SkipSpace(line, i + keyEnd + 2);
        if (i >= line.Length || line[i] != ':')
        {
            return false;
        }

        i = SkipSpace(line, i + 1);
        member.Start = i;
        if (!TryValue(line, ref i, out member.Kind))
        {
            return false;
        }

        member.End = i;
        return true;
    }

    /// <summary>Reads the scalar at <paramref name="i"/> and moves past it; <c>false</c> for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryValue(ReadOnlySpan<byte> line, ref int i, out Kind kind)
    {
        kind = Kind.Other;
        if (i >= line.Length)
        {
            return false;
        }

        switch (line[i])
        {
            case (byte)'"':
                return TryString(line, ref i, out kind);
            case (byte)'t':
                return TryLiteral(line, ref i, "true"u8);
            case (byte)'f':
                return TryLiteral(line, ref i, "false"u8);
            case (byte)'n':
                kind = Kind.Null;
                return TryLiteral(line, ref i, "null"u8);
            default:
                return TryNumber(line, ref i);
        }
    }

    /// <summary>A string whose escapes are all valid and which holds no control character.</summary>
    private static bool TryString(ReadOnlySpan<byte> line, ref int i, out Kind kind)
    {
        kind = Kind.String;
        var at = i + 1;
        while (true)
        {
            at = StringStop(line, at);
            if (at < 0)
            {
                return false;
            }

            if (line[at] == '"')
            {
                i = at + 1;
                return true;
            }

            if (line[at] != '\\' || at + 1 >= line.Length)
            {
                return false;
            }

            kind = Kind.EscapedString;
            if (line[at + 1] == 'u')
            {
                if (at + 6 > line.Length || line.Slice(at + 2, 4).IndexOfAnyExcept(Hex) >= 0)
                {
                    return false;
                }

                at += 6;
            }
            else if (Escaped.Contains(line[at + 1]))
            {
                at += 2;
            }
            else
            {
                return false;
            }
        }
    }

    private static bool TryLiteral(ReadOnlySpan<byte> line, ref int i, ReadOnlySpan<byte> literal)
    {
        if (!line[i..].StartsWith(literal) || !EndsValue(line, i + literal.Length))
        {
            return false;
        }

        i += literal.Length;
        return true;
    }

    /// <summary>JSON's number grammar: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    private static bool TryNumber(ReadOnlySpan<byte> line, ref int i)
    {
        var at = i;
        if (line[at] == '-')
        {
            at++;
        }

        if (at >= line.Length || !char.IsAsciiDigit((char)line[at]))
        {
            return false;
        }

        at = line[at] == '0' ? at + 1 : Digits(line, at);
        if (at < line.Length && line[at] == '.')
        {
            var fraction = Digits(line, at + 1);
            if (fraction == at + 1)
            {
                return false;
            }

            at = fraction;
        }

        if (at < line.Length && line[at] is (byte)'e' or (byte)'E')
        {
            at++;
            if (at < line.Length && line[at] is (byte)'+' or (byte)'-')
            {
                at++;
            }

            var exponent = Digits(line, at);
            if (exponent == at)
            {
                return false;
            }

            at = exponent;
        }

        if (!EndsValue(line, at))
        {
            return false;
        }

        i = at;
        return true;
    }

    /// <summary>
    /// Where the plain run of a string from <paramref name="from"/> stops (see <see cref="StringStops"/>), or -1: byte by
    /// byte over the first bytes (keys and short values end there), then vectorised.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StringStop(ReadOnlySpan<byte> line, int from)
    {
        var end = Math.Min(line.Length, from + ShortRun);
        for (var at = from; at < end; at++)
        {
            if (line[at] is (byte)'"' or (byte)'\\' or < 0x20)
            {
                return at;
            }
        }

        var stop = end < line.Length ? line[end..].IndexOfAny(StringStops) : -1;
        return stop < 0 ? -1 : end + stop;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits(ReadOnlySpan<byte> line, int at)
    {
        while (at < line.Length && char.IsAsciiDigit((char)line[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>Whether a scalar may end at <paramref name="at"/>: at white space, a comma or the object's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsValue(ReadOnlySpan<byte> line, int at) =>
        at < line.Length && line[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or (byte)'}';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipSpace(ReadOnlySpan<byte> line, int at)
    {
        while (at < line.Length && line[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }

        return at;
    }
}
