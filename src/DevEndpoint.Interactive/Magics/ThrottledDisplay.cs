using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace DevEndpoint.Interactive.Magics;

/// <summary>
/// Shows progress in one notebook output, updating it in place at most five times a second. Reports run on the
/// reporting thread, so none can arrive after <see cref="Complete"/> replaced the progress with the result (or
/// <see cref="RunAsync{TResult}"/> with the news that the work failed: a failed load never leaves a bar behind).
/// </summary>
internal sealed class ThrottledDisplay<T>(DisplayedValue display, Func<T, string> render) : IProgress<T>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly Lock gate = new();
    private DateTime lastUpdate = DateTime.MinValue;
    private bool completed;

    public void Report(T value)
    {
        lock (gate)
        {
            if (completed || DateTime.UtcNow - lastUpdate < Interval)
            {
                return;
            }

            lastUpdate = DateTime.UtcNow;
            display.Update(new HtmlString(render(value)));
        }
    }

    /// <summary>Runs <paramref name="work"/>, which reports here; when it fails, <paramref name="failed"/> replaces the progress, and the error fails the cell.</summary>
    public async Task<TResult> RunAsync<TResult>(Func<Task<TResult>> work, string failed)
    {
        try
        {
            return await work();
        }
        catch
        {
            Complete(failed);
            throw;
        }
    }

    public void Complete(string html)
    {
        lock (gate)
        {
            completed = true;
            display.Update(new HtmlString(html));
        }
    }
}
