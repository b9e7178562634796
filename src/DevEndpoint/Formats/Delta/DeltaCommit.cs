using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace DevEndpoint.Formats.Delta;

/// <summary>
/// One commit of a writer to a Delta table's log, as the Delta protocol specifies it: <c>commitInfo</c>, then on a
/// table's first commit (or one that replaces its schema) <c>protocol</c> (reader 1, writer 2) and <c>metaData</c>, the
/// <c>remove</c> of every file replaced and the <c>add</c> of every file written. The commit file
/// <c>_delta_log/&lt;version&gt;.json</c> is created exclusively: written aside, then moved in without overwriting, so it
/// appears whole or not at all and a commit of another writer is never replaced. When another writer took the version
/// first, its commits are read: a blind append goes on at the next version unless they changed the table's schema or
/// protocol; any other write conflicts with any change and is refused.
/// </summary>
internal sealed class DeltaCommit
{
    /// <summary>How many versions other writers may take first before a write gives up.</summary>
    private const int MaxAttempts = 1000;

    /// <summary>Spark's name of the save mode: <c>Append</c>, <c>Overwrite</c> or <c>ErrorIfExists</c>.</summary>
    public required string Mode { get; init; }

    public IReadOnlyList<string> PartitionBy { get; init; } = [];

    /// <summary>The table's metadata when the commit creates the table or replaces its schema; <c>null</c> otherwise.</summary>
    public DeltaNewMetadata? Metadata { get; init; }

    /// <summary>The live files the commit removes (an overwrite's).</summary>
    public IReadOnlyList<DeltaAdd> Removes { get; init; } = [];

    public IReadOnlyList<DeltaNewFile> Adds { get; init; } = [];

    /// <summary>Whether the commit only adds files, reading nothing of the table: then it commits over other writers' adds and removes.</summary>
    public bool IsBlindAppend => Removes.Count == 0 && Metadata is null && Mode == "Append";

    /// <summary>
    /// Writes the commit as the version after <paramref name="readVersion"/> (<c>-1</c> for a new table), or after the
    /// versions other writers committed since when they do not conflict with it; returns the version committed.
    /// </summary>
    public long Commit(string root, long readVersion)
    {
        var folder = DeltaLog.Folder(root);
        Directory.CreateDirectory(folder);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var version = readVersion + 1;
            if (TryCreate(folder, version, Text(readVersion)))
            {
                return version;
            }

            readVersion = CheckWinners(root, folder, readVersion);
        }

        throw DeltaErrors.TooManyWriters(root, MaxAttempts);
    }

    /// <summary>The commit's actions, one JSON object a line.</summary>
    internal string Text(long readVersion)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var lines = new List<string> { Json(w => CommitInfo(w, now, readVersion)) };
        if (Metadata is { } metadata)
        {
            lines.Add(Json(Protocol));
            lines.Add(Json(w => MetaData(w, metadata)));
        }

        lines.AddRange(Removes.Select(file => Json(w => Remove(w, file, now))));
        lines.AddRange(Adds.Select(file => Json(w => Add(w, file))));
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Creates the version's file with <paramref name="text"/>; <c>false</c> when another writer created it first.</summary>
    private static bool TryCreate(string folder, long version, string text)
    {
        var path = Path.Combine(folder, FileName(version));
        var aside = Path.Combine(folder, $".{FileName(version)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(aside, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return PutIfAbsent(aside, path);
        }
        finally
        {
            File.Delete(aside);
        }
    }

    /// <summary>
    /// Gives the written file <paramref name="aside"/> the name <paramref name="path"/> only if no file has it, in one step
    /// no other writer can come between: a hard link on Unix, which fails when the name exists (File.Move without
    /// overwrite checks and then renames, so two writers can both pass the check); a move without replace on Windows.
    /// </summary>
    private static bool PutIfAbsent(string aside, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(aside, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }

        if (Link(aside, path) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        return error == AlreadyExists ? false : throw new IOException($"Cannot create the Delta commit {path}: {Marshal.GetPInvokeErrorMessage(error)}.");
    }

    /// <summary>EEXIST: the name is taken.</summary>
    private const int AlreadyExists = 17;

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string name);

    /// <summary>
    /// Reads the commits other writers made after <paramref name="readVersion"/>; returns the newest, which the next
    /// attempt follows, or refuses the commit when one of them conflicts with it.
    /// </summary>
    private long CheckWinners(string root, string folder, long readVersion)
    {
        var version = readVersion + 1;
        for (; File.Exists(Path.Combine(folder, FileName(version))); version++)
        {
            var path = Path.Combine(folder, FileName(version));
            var actions = File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(ActionName).ToList();
            var changesTable = actions.Contains("metaData") || actions.Contains("protocol");
            var changesFiles = actions.Contains("add") || actions.Contains("remove");
            if (changesTable || (!IsBlindAppend && changesFiles))
            {
                throw DeltaErrors.Conflict(root, Mode, readVersion, version, Operation(path), changesTable);
            }
        }

        return version - 1;
    }

    /// <summary>The action of a log line: its one member's name.</summary>
    private static string ActionName(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.EnumerateObject().Select(p => p.Name).FirstOrDefault() ?? string.Empty;
    }

    /// <summary>What a commit says it did (<c>commitInfo.operation</c>), or <c>a commit</c>.</summary>
    private static string Operation(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("commitInfo", out var info) && info.TryGetProperty("operation", out var operation) && operation.ValueKind == JsonValueKind.String)
            {
                return operation.GetString()!;
            }
        }

        return "a commit";
    }

    /// <summary>The log file of a version: its number in 20 digits.</summary>
    public static string FileName(long version) => version.ToString("D20", CultureInfo.InvariantCulture) + ".json";

    private void CommitInfo(Utf8JsonWriter writer, long now, long readVersion)
    {
        writer.WriteStartObject("commitInfo");
        writer.WriteNumber("timestamp", now);
        writer.WriteString("operation", "WRITE");
        writer.WriteStartObject("operationParameters");
        writer.WriteString("mode", Mode);
        writer.WriteString("partitionBy", JsonText.Write(PartitionBy));
        writer.WriteEndObject();
        if (readVersion >= 0)
        {
            writer.WriteNumber("readVersion", readVersion);
        }

        writer.WriteString("isolationLevel", "Serializable");
        writer.WriteBoolean("isBlindAppend", IsBlindAppend);
        writer.WriteStartObject("operationMetrics");
        writer.WriteString("numFiles", Adds.Count.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("numRemovedFiles", Removes.Count.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("numOutputBytes", Adds.Sum(a => a.Size).ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteString("engineInfo", "DevEndpoint");
        writer.WriteString("txnId", Guid.NewGuid().ToString());
        writer.WriteEndObject();
    }

    private static void Protocol(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("protocol");
        writer.WriteNumber("minReaderVersion", 1);
        writer.WriteNumber("minWriterVersion", 2);
        writer.WriteEndObject();
    }

    private static void MetaData(Utf8JsonWriter writer, DeltaNewMetadata metadata)
    {
        writer.WriteStartObject("metaData");
        writer.WriteString("id", metadata.Id);
        writer.WriteStartObject("format");
        writer.WriteString("provider", "parquet");
        writer.WriteStartObject("options");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("schemaString", metadata.SchemaString);
        writer.WriteStartArray("partitionColumns");
        metadata.PartitionColumns.ToList().ForEach(writer.WriteStringValue);
        writer.WriteEndArray();
        writer.WriteStartObject("configuration");
        writer.WriteEndObject();
        writer.WriteNumber("createdTime", metadata.CreatedTime);
        writer.WriteEndObject();
    }

    private static void Remove(Utf8JsonWriter writer, DeltaAdd file, long now)
    {
        writer.WriteStartObject("remove");
        writer.WriteString("path", file.Path);
        writer.WriteNumber("deletionTimestamp", now);
        writer.WriteBoolean("dataChange", true);
        writer.WriteBoolean("extendedFileMetadata", true);
        PartitionValues(writer, file.PartitionValues);
        writer.WriteNumber("size", file.Size);
        writer.WriteEndObject();
    }

    private static void Add(Utf8JsonWriter writer, DeltaNewFile file)
    {
        writer.WriteStartObject("add");
        writer.WriteString("path", DeltaPaths.Encode(file.RelativePath));
        PartitionValues(writer, file.PartitionValues);
        writer.WriteNumber("size", file.Size);
        writer.WriteNumber("modificationTime", file.ModificationTime);
        writer.WriteBoolean("dataChange", true);
        writer.WriteString("stats", file.Stats);
        writer.WriteEndObject();
    }

    private static void PartitionValues(Utf8JsonWriter writer, IReadOnlyDictionary<string, string?> values)
    {
        writer.WriteStartObject("partitionValues");
        foreach (var (name, value) in values)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>One action as a line of JSON, its non-ASCII text as UTF-8.</summary>
    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
