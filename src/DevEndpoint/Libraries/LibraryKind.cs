namespace DevEndpoint.Libraries;

/// <summary>What a script library was built from.</summary>
public enum LibraryKind
{
    /// <summary>A single <c>.cs</c> file, compiled on its own.</summary>
    SourceFile,

    /// <summary>A <c>.zip</c> archive holding one library folder of <c>.cs</c> files at its root.</summary>
    SourceArchive,

    /// <summary>A compiled <c>.dll</c>, used as is.</summary>
    Assembly,

    /// <summary>A NuGet package (<c>.nupkg</c> or <c>nuget:&lt;id&gt;,&lt;version&gt;</c>): its assembly for this runtime; its dependencies are restored with it.</summary>
    Package,
}
