namespace DevEndpoint.Writing;

public sealed partial class FrameWriter
{
    /// <summary>Puts a write's staged files in place, and takes them back when something fails before the write completes.</summary>
    private sealed class Publication(string staging, string target)
    {
        private readonly List<string> files = [];
        private readonly List<string> folders = [];
        private readonly List<string> setAside = [];
        private readonly string aside = $"{staging}.replaced";
        private string? replaced;

        /// <summary>The folders whose earlier files <see cref="Run"/> set aside to delete, with their counts.</summary>
        public List<RemovedPartition> Removed { get; private set; } = [];

        /// <summary>
        /// A whole-folder overwrite swaps the folders (the previous one is kept until <see cref="Complete"/>); a partition
        /// overwrite first sets aside the folders of the partitions written. Then each file is moved in beside what is there,
        /// in path order (file names are unique to the write).
        /// </summary>
        /// <param name="partitions">The partition folders written (relative, <c>/</c> separators); <c>null</c> for an unpartitioned write.</param>
        public void Run(WriteMode mode, IReadOnlyList<string>? partitions)
        {
            var whole = mode == WriteMode.OverwriteTable || (mode == WriteMode.Overwrite && partitions is null);
            if (whole && Directory.Exists(target))
            {
                Removed = RemovedPartition.Of(RelativeFiles(target));
                Directory.Move(target, aside);
                replaced = aside;
                Directory.Move(staging, target);
                return;
            }

            if (mode == WriteMode.Overwrite)
            {
                foreach (var partition in partitions ?? [])
                {
                    var folder = Path.Combine(target, partition.Replace('/', Path.DirectorySeparatorChar));
                    if (Directory.Exists(folder))
                    {
                        var count = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count();
                        var away = Path.Combine(aside, partition.Replace('/', Path.DirectorySeparatorChar));
                        Directory.CreateDirectory(Path.GetDirectoryName(away)!);
                        Directory.Move(folder, away);
                        setAside.Add(partition);
                        if (count > 0)
                        {
                            Removed.Add(new RemovedPartition(partition, count));
                        }
                    }
                }
            }

            foreach (var file in Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var destination = Path.Combine(target, Path.GetRelativePath(staging, file));
                var folder = Path.GetDirectoryName(destination)!;
                string? created = null;
                for (var ancestor = folder; !Directory.Exists(ancestor); ancestor = Path.GetDirectoryName(ancestor)!)
                {
                    created = ancestor;
                }

                if (created is not null)
                {
                    folders.Add(created);
                }

                Directory.CreateDirectory(folder);

                File.Move(file, destination);
                files.Add(destination);
            }
        }

        /// <summary>Leaves the target as it was before <see cref="Run"/>: the files and folders it added go, the replaced folders come back.</summary>
        public void Undo()
        {
            if (replaced is not null)
            {
                if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }

                Directory.Move(replaced, target);
                replaced = null;
            }

            files.ForEach(File.Delete);

            // Deepest first: a folder made for a later file may lie inside one made for an earlier file.
            foreach (var folder in Enumerable.Reverse(folders).Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }

            files.Clear();
            folders.Clear();
            foreach (var partition in setAside)
            {
                var folder = Path.Combine(target, partition.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
                Directory.Move(Path.Combine(aside, partition.Replace('/', Path.DirectorySeparatorChar)), folder);
            }

            setAside.Clear();
            Removed = [];
            if (Directory.Exists(aside))
            {
                Directory.Delete(aside, recursive: true);
            }
        }

        /// <summary>Deletes what an overwrite replaced, once the write (and its catalog update) committed.</summary>
        public void Complete()
        {
            if (Directory.Exists(aside))
            {
                Directory.Delete(aside, recursive: true);
            }
        }

        /// <summary>The files under <paramref name="folder"/>, relative to it with <c>/</c> separators.</summary>
        private static IEnumerable<string> RelativeFiles(string folder) =>
            Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'));
    }
}
