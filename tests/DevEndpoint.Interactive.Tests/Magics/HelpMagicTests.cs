using DevEndpoint.Interactive.Magics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;

namespace DevEndpoint.Interactive.Tests.Magics;

public sealed class HelpMagicTests
{
    [Fact]
    public async Task Help_lists_every_magic_the_extension_adds_with_an_example()
    {
        await using var fixture = await KernelFixture.CreateAsync();
        using var bare = new CompositeKernel { new CSharpKernel().UseValueSharing() };
        var added = fixture.Kernel.KernelInfo.SupportedDirectives.OfType<KernelActionDirective>().Select(d => d.Name)
            .Except(bare.KernelInfo.SupportedDirectives.Select(d => d.Name))
            .ToList();

        var help = KernelFixture.Html(await fixture.SubmitAsync("#!devendpoint help"));

        Assert.Equal(
            ["#!attach-library", "#!bookmark", "#!catalog", "#!classifier", "#!connection", "#!crawl", "#!devendpoint", "#!endpoint", "#!fill-missing", "#!generate-etl", "#!job", "#!libraries", "#!load", "#!ml", "#!pii", "#!profile", "#!write"],
            added.Order(StringComparer.Ordinal));
        Assert.All(added, magic => Assert.Contains($"<tr><td style=\"text-align:left\">{magic}</td>", help));
        Assert.All(HelpMagic.Magics, m => Assert.Contains($"<td style=\"text-align:left\">{System.Net.WebUtility.HtmlEncode(m.Example)}</td>", help));
        Assert.Contains("<tr><td style=\"text-align:left\">#!&lt;endpoint&gt;</td><td style=\"text-align:left\">Run the rest of the cell in an endpoint&#39;s C# session.</td><td style=\"text-align:left\">#!next</td></tr>", help);
    }
}
