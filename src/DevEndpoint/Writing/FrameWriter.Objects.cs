using DevEndpoint.ObjectStores;

namespace DevEndpoint.Writing;

public sealed partial class FrameWriter
{
    /// <summary>
    /// Puts a write's staged files in an object store. S3 has no rename and no transaction over several objects, so the
    /// files are uploaded under their final keys (new names, unique to the write: nothing there is replaced) before the
    /// catalog commits, and only then does an overwrite delete the objects it replaces: those of the partitions written, or
    /// every object under the prefix for a whole-table overwrite. A write that fails before that deletes what it uploaded
    /// and leaves the previous objects as they were; readers listing the prefix during a write may see the new files beside
    /// the old ones for that time.
    /// </summary>
    private sealed class ObjectPublication(ObjectStore store, string staging, S3Path target)
    {
        private readonly List<S3Path> uploaded = [];
        private List<S3Path> replaced = [];

        /// <summary>The folders whose objects the write replaces, with their counts.</summary>
        public List<RemovedPartition> Removed { get; private set; } = [];

        /// <summary>Uploads every staged file (the big ones in parts); an overwrite first notes the objects it will replace.</summary>
        /// <param name="partitions">The partition folders written (relative, <c>/</c> separators); <c>null</c> for an unpartitioned write.</param>
        public async Task UploadAsync(WriteMode mode, IReadOnlyList<string>? partitions, CancellationToken cancellationToken)
        {
            IEnumerable<string> prefixes = mode == WriteMode.OverwriteTable || (mode == WriteMode.Overwrite && partitions is null) ? [string.Empty]
                : mode == WriteMode.Overwrite ? partitions!.Select(p => p + "/")
                : [];
            foreach (var prefix in prefixes)
            {
                replaced.AddRange(await store.ListAsync(target.Combine(prefix), cancellationToken: cancellationToken).Select(o => o.Path).ToListAsync(cancellationToken));
            }

            Removed = RemovedPartition.Of(replaced.Select(p => p.Key[target.FolderPrefix.Length..]));
            if (mode == WriteMode.Overwrite && partitions is not null)
            {
                // A partition's deeper folders count as the partition's own files.
                Removed = Removed
                    .GroupBy(r => partitions.First(p => r.Folder == p || r.Folder.StartsWith(p + "/", StringComparison.Ordinal)), StringComparer.Ordinal)
                    .Select(g => new RemovedPartition(g.Key, g.Sum(r => r.Files)))
                    .ToList();
            }

            foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var key = target.Combine(Path.GetRelativePath(staging, file).Replace(Path.DirectorySeparatorChar, '/'));
                await store.UploadAsync(file, key, cancellationToken);
                uploaded.Add(key);
            }
        }

        /// <summary>Deletes what the write uploaded: the prefix holds what it held before.</summary>
        public async Task UndoAsync()
        {
            await store.DeleteAsync(uploaded, CancellationToken.None);
            uploaded.Clear();
        }

        /// <summary>Deletes the objects an overwrite replaced, once the write (and its catalog update) committed.</summary>
        public async Task CompleteAsync()
        {
            try
            {
                await store.DeleteAsync(replaced, CancellationToken.None);
            }
            catch (DevEndpointException e)
            {
                throw new DevEndpointException(
                    $"The write to {target} is complete and catalogued, but the objects it replaces could not all be deleted ({e.Message.TrimEnd('.')}). Delete the objects under {target} whose names do not hold this write's id, or the table reads them too.",
                    e);
            }
        }
    }
}
