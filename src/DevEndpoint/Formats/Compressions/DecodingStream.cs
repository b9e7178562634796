using ICSharpCode.SharpZipLib;

namespace DevEndpoint.Formats.Compressions;

/// <summary>
/// A decompressing stream whose failures all surface as <see cref="InvalidDataException"/>, whichever library
/// decompresses: the codec libraries each throw their own exception types for corrupt or truncated input (SharpZipLib
/// reports a truncated stream only by an "Unexpected EOF" message), some while opening (a codec reading its header). The
/// codec stream is opened on the first read, so that those failures surface there too.
/// </summary>
internal sealed class DecodingStream(Stream stored, bool leaveOpen, string compression, Func<Stream, Stream> open) : ForwardOnlyStream
{
    private Stream? inner;

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            inner ??= open(stored);
            return inner.Read(buffer, offset, count);
        }
        catch (Exception e) when (e is EndOfStreamException || (e is SharpZipBaseException && e.Message.Contains("EOF", StringComparison.Ordinal)))
        {
            throw new InvalidDataException("the file ends before its compressed data does: it is truncated", e);
        }
        catch (Exception e) when (e is not InvalidDataException and not IOException and not OperationCanceledException and not ObjectDisposedException)
        {
            throw new InvalidDataException($"the {compression} data is corrupt: {e.Message.TrimEnd('.')}", e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner?.Dispose();
            if (!leaveOpen)
            {
                stored.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
