using Microsoft.DotNet.Interactive.Commands;

namespace DevEndpoint.Interactive.Magics;

/// <summary>What every <c>#!ml</c> subcommand on one transform takes: the transform's name and the catalog.</summary>
public abstract class MLTransformMagic : KernelDirectiveCommand
{
    public string Name { get; set; } = string.Empty;

    public string? Catalog { get; set; }
}
