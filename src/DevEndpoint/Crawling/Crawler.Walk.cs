using DevEndpoint.Catalog;
using DevEndpoint.Formats;

namespace DevEndpoint.Crawling;

public sealed partial class Crawler
{
    /// <summary>Why a hidden or marker file (<c>.crc</c>, <c>_SUCCESS</c>) is skipped; such files are not crawl errors.</summary>
    public const string HiddenFileReason = "hidden or marker file: names starting with '.' or '_' do not hold data";

    /// <summary>
    /// Lists the files under the include path. Symbolic links to folders are followed unless they point to a folder
    /// that contains them (a loop); broken links, unreadable folders and empty folders are reported, not fatal. Empty
    /// files are reported without being opened, so pipes and sockets (which have no size) cannot block the crawl.
    /// </summary>
    private sealed class FileWalk(string root, List<Glob> exclusions, List<SkippedFile> skipped)
    {
        public List<FoundFile> Files { get; } = [];

        public int Excluded { get; private set; }

        /// <summary>The folders that are roots of a table format's table (a Delta table's): not walked into.</summary>
        public List<TableRoot> TableRoots { get; } = [];

        /// <summary>
        /// Folders deeper than this (1: the include path's subfolders) are not walked but kept in <see cref="Frontier"/>,
        /// for a worker of a distributed crawl to walk (<see cref="RunFrom"/>). Default: every folder is walked.
        /// </summary>
        public int MaxDepth { get; init; } = int.MaxValue;

        /// <summary>The folders left unwalked below <see cref="MaxDepth"/>, in walking order.</summary>
        public List<CrawlSubtree> Frontier { get; } = [];

        public void Run()
        {
            Visit(root, string.Empty, RealPath(new DirectoryInfo(root)), excluded: false);
            Files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        }

        /// <summary>Walks one folder below the include path that another walk left in its <see cref="Frontier"/>; leaves the files unsorted.</summary>
        public void RunFrom(CrawlSubtree subtree)
        {
            Visit(Path.Combine(root, subtree.RelativePath), subtree.RelativePath, subtree.RealPath, subtree.Excluded);
        }

        private void Visit(string folder, string relative, string real, bool excluded)
        {
            List<FileSystemInfo> entries;
            try
            {
                entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal)];
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                Report(excluded, relative + "/", $"the folder cannot be read ({e.Message.TrimEnd('.')})");
                return;
            }

            if (!excluded && TableFormats.Root(folder, entries.Select(e => e is DirectoryInfo ? e.Name + "/" : e.Name).ToList(), TableStorage.Local) is { } format)
            {
                TableRoots.Add(new TableRoot(Path.GetFullPath(folder), relative, format));
                return;
            }

            if (entries.Count == 0 && relative.Length > 0)
            {
                Report(excluded, relative + "/", "empty folder: it holds no files, so it makes no table");
            }

            foreach (var entry in entries)
            {
                var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
                var isExcluded = excluded || exclusions.Any(g => g.Matches(path));
                if (entry is DirectoryInfo directory)
                {
                    VisitFolder(directory, path, real, isExcluded);
                }
                else if (isExcluded)
                {
                    Excluded++;
                }
                else
                {
                    AddFile((FileInfo)entry, path);
                }
            }
        }

        private void VisitFolder(DirectoryInfo directory, string path, string parentReal, bool excluded)
        {
            if (directory.LinkTarget is not { } target)
            {
                Enter(directory.FullName, path, Path.Combine(parentReal, directory.Name), excluded);
                return;
            }

            var resolved = directory.ResolveLinkTarget(returnFinalTarget: true);
            if (resolved is null || !resolved.Exists)
            {
                Report(excluded, path + "/", $"broken symbolic link to {target}: not followed");
                return;
            }

            var real = RealPath(resolved);
            if (IsSameOrInside(parentReal, real))
            {
                Report(excluded, path + "/", $"symbolic link loop: it points to {target}, a folder that contains it; not followed");
                return;
            }

            Enter(directory.FullName, path, real, excluded);
        }

        private void Enter(string folder, string path, string real, bool excluded)
        {
            if (Depth(path) > MaxDepth)
            {
                Frontier.Add(new CrawlSubtree(path, real, excluded));
            }
            else
            {
                Visit(folder, path, real, excluded);
            }
        }

        private void AddFile(FileInfo file, string path)
        {
            var segments = path.Split('/');
            if (segments.Any(s => s.StartsWith('.') || s.StartsWith('_')))
            {
                skipped.Add(new SkippedFile(path, HiddenFileReason));
                return;
            }

            // The listing's status tells links apart without reading each file's link target; a link's size is its target's.
            var isLink = file.Attributes.HasFlag(FileAttributes.ReparsePoint);
            if (isLink && file.LinkTarget is { } target && file.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
            {
                skipped.Add(new SkippedFile(path, $"broken symbolic link to {target}: not followed"));
                return;
            }

            var size = isLink ? new FileInfo(file.FullName).Length : file.Length;
            if (size == 0)
            {
                skipped.Add(new SkippedFile(path, "the file is empty."));
                return;
            }

            Files.Add(new FoundFile(file.FullName, path, segments[..^1], size));
        }

        private void Report(bool excluded, string path, string reason)
        {
            if (!excluded)
            {
                skipped.Add(new SkippedFile(path, reason));
            }
        }

        private static string RealPath(FileSystemInfo info) =>
            Path.TrimEndingDirectorySeparator((info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info).FullName);

        private static bool IsSameOrInside(string folder, string candidateAncestor) =>
            folder == candidateAncestor || folder.StartsWith(candidateAncestor + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
