using System.Runtime.CompilerServices;
namespace DevEndpoint.Formats.Csv;

/// <summary>
/// Feeds a stream to a <see cref="Utf8CsvTokenizer"/> record by record, keeping a record whole across block ends.
/// </summary>
internal sealed class CsvBlocks(Stream stream, Utf8CsvTokenizer tokenizer, long startOffset) : StreamBlocks(stream, startOffset)
{
    private int recordStart;

    /// <summary>The last record's bytes and what follows them in the buffer; field slices refer to it.</summary>
    public ReadOnlySpan<byte> Record => Buffer.AsSpan(recordStart, Filled - recordStart);

    /// <summary>Reads the next record (blank and comment lines too); <c>false</c> at the end of the stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next()
    {
        while (true)
        {
            var consumed = Position < Filled || Ended ? tokenizer.TryRead(Rest, Ended) : 0;
            if (consumed > 0)
            {
                recordStart = Position;
                Position += consumed;
                return true;
            }

            if (Ended)
            {
                return false;
            }

            Fill();
        }
    }

    /// <summary>Skips one line as text, without regard to quotes (a preamble line); <c>false</c> at the end of the stream.</summary>
    public bool SkipLine()
    {
        while (true)
        {
            var rest = Rest;
            var end = rest.IndexOfAny((byte)'\n', (byte)'\r');
            if (end >= 0 && (rest[end] == '\n' || end + 1 < rest.Length || Ended))
            {
                Position += rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? end + 2 : end + 1;
                return true;
            }

            if (Ended)
            {
                Position = Filled;
                return rest.Length > 0;
            }

            Fill();
        }
    }
}
