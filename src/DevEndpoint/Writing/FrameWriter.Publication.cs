namespace DevEndpoint.Writing;

public sealed partial class FrameWriter
{
    /// <summary>Puts a write's staged files in place, and takes them back when something fails before the write completes.</summary>
    private sealed class Publication(string staging, string target)
    {
        private readonly List<string> files = [];
        private readonly List<string> folders = [];
        private string? replaced;

        /// <summary>
        /// An overwrite swaps the folders (the previous one is kept until <see cref="Complete"/>); other modes move each file in
        /// beside what is there, in path order (file names are unique to the write).
        /// </summary>
        public void Run(WriteMode mode)
        {
            if (mode == WriteMode.Overwrite && Directory.Exists(target))
            {
                Directory.Move(target, $"{staging}.replaced");
                replaced = $"{staging}.replaced";
                Directory.Move(staging, target);
                return;
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

        /// <summary>Leaves the target as it was before <see cref="Run"/>: the files and folders it added go, a replaced folder comes back.</summary>
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
            folders.Where(Directory.Exists).ToList().ForEach(folder => Directory.Delete(folder, recursive: true));
            files.Clear();
            folders.Clear();
        }

        /// <summary>Deletes the folder an overwrite replaced, once the write (and its catalog update) committed.</summary>
        public void Complete()
        {
            if (replaced is not null)
            {
                Directory.Delete(replaced, recursive: true);
            }
        }
    }
}
