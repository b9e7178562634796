using DevEndpoint.Interactive.Endpoints;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;

namespace DevEndpoint.Interactive.Magics;

/// <summary>DataFrame variables of the C# kernel, or of the endpoint whose cell runs the magic, read and set by name.</summary>
internal static class FrameVariables
{
    /// <summary>
    /// The DataFrame of the variable <paramref name="name"/>; <paramref name="missing"/> says how to fill it when there is
    /// none (by default, with <c>#!load</c>).
    /// </summary>
    public static DataFrame Get(KernelInvocationContext context, string name, string magic, string? missing = null)
    {
        object? value = null;
        if (context.HandlingKernel is EndpointKernel endpoint)
        {
            value = endpoint.GetValue(name);
        }
        else if (context.HandlingKernel.RootKernel.FindKernelByName("csharp") is CSharpKernel csharp)
        {
            csharp.TryGetValue(name, out value);
        }
        else
        {
            throw new DevEndpointException($"{magic} reads its DataFrame from the C# kernel ('csharp'), and this notebook has none.");
        }

        return value as DataFrame ?? throw new DevEndpointException(value is null
            ? $"There is no C# variable '{name}'. {missing ?? $"Load or build a DataFrame into it first (#!load <db>.<table> --as {name})."}"
            : $"The C# variable '{name}' is of type {value.GetType().Name}, not Microsoft.Data.Analysis.DataFrame.");
    }

    public static Task SetAsync(KernelInvocationContext context, string name, DataFrame frame, string magic) =>
        SetAsync(context, name, frame, typeof(DataFrame), magic);

    /// <summary>Sets the variable <paramref name="name"/> to <paramref name="value"/> of type <paramref name="type"/> (a profile, a DataFrame).</summary>
    public static Task SetAsync(KernelInvocationContext context, string name, object value, Type type, string magic) =>
        context.HandlingKernel is EndpointKernel endpoint ? endpoint.SetValueAsync(name, value, type)
        : context.HandlingKernel.RootKernel.FindKernelByName("csharp") is CSharpKernel csharp ? csharp.SetValueAsync(name, value, type)
        : throw new DevEndpointException($"{magic} needs the C# kernel ('csharp') to hold its variable, and this notebook has none.");

    /// <summary>The error for an <c>--as</c> (or <paramref name="option"/>) that is no C# variable name, or none.</summary>
    public static IEnumerable<string> CheckName(string? name, string option = "--as")
    {
        if (name is not null && !Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name))
        {
            yield return $"'{name}' is not a valid C# variable name for {option}. Use letters, digits and underscores, starting with a letter.";
        }
    }
}
