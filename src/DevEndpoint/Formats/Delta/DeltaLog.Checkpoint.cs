using System.Text.Json;
using DevEndpoint.Formats.Parquet;
using Parquet.Serialization;

namespace DevEndpoint.Formats.Delta;

/// <summary>Checkpoints: Parquet (every part of a multi-part one) or JSON (V2), and the sidecar files a V2 checkpoint names.</summary>
internal sealed partial class DeltaLog
{
    private async Task ReadCheckpointAsync(DeltaLogListing.Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        var sidecars = new List<string>();
        foreach (var file in checkpoint.Files)
        {
            sidecars.AddRange(await ReadActionsAsync(file, cancellationToken));
        }

        foreach (var sidecar in sidecars)
        {
            await ReadActionsAsync(DeltaPaths.Full(storage, TableStorage.Combine(Folder(root), "_sidecars"), sidecar), cancellationToken);
        }
    }

    /// <summary>Applies the actions of a checkpoint or sidecar file; returns the sidecar files it names.</summary>
    private async Task<List<string>> ReadActionsAsync(string path, CancellationToken cancellationToken)
    {
        read.Add(path);
        var sidecars = new List<string>();
        try
        {
            foreach (var action in await ActionsAsync(path, cancellationToken))
            {
                if (action.TryGetProperty("sidecar", out var sidecar) && sidecar.ValueKind == JsonValueKind.Object)
                {
                    sidecars.Add(sidecar.GetProperty("path").GetString()!);
                }
                else
                {
                    Apply(action, fromCheckpoint: true);
                }
            }
        }
        catch (Exception e) when (e is not DevEndpointException and not OperationCanceledException)
        {
            throw DeltaErrors.BadLogFile(path, e.Message.TrimEnd('.'));
        }

        return sidecars;
    }

    /// <summary>The actions of a checkpoint file, each as the JSON object a commit would write.</summary>
    private async Task<List<JsonElement>> ActionsAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = storage.OpenRead(path);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(stream);
            return (await reader.ReadToEndAsync(cancellationToken))
                .Split('\n')
                .Where(l => !string.IsNullOrWhiteSpace(l))
                .Select(l => JsonDocument.Parse(l).RootElement)
                .ToList();
        }

        var records = (await ParquetSerializer.DeserializeUntypedAsync(stream, ParquetSchemaReader.Options, cancellationToken: cancellationToken)).Data;
        return records.Select(r => JsonDocument.Parse(JsonText.Write(Plain(r)!)).RootElement).ToList();
    }

    /// <summary>A value Parquet.Net assembled (structs as dictionaries, maps as dictionaries of any key, text as memory) in types JSON writes.</summary>
    private static object? Plain(object? value) => value switch
    {
        null => null,
        ReadOnlyMemory<char> text => text.ToString(),
        string or bool or sbyte or byte or short or int or long or float or double or decimal => value,
        System.Collections.IDictionary map => map.Keys.Cast<object>()
            .Where(k => map[k] is not null || k is not string)
            .ToDictionary(k => Plain(k)?.ToString() ?? string.Empty, k => Plain(map[k])),
        System.Collections.IEnumerable list => list.Cast<object?>().Select(Plain).ToList(),
        _ => value.ToString(),
    };
}
