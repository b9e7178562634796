using System.Globalization;
using System.Text;
using DevEndpoint.Frames;

namespace DevEndpoint.Tests.Frames;

public sealed class Utf8PoolTests
{
    [Fact]
    public void A_short_value_seen_before_is_the_same_string()
    {
        var pool = new Utf8Pool();

        var first = pool.Get("Zürich"u8);
        var second = pool.Get("Zürich"u8);

        Assert.Equal("Zürich", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void A_value_longer_than_the_limit_gets_its_own_string()
    {
        var pool = new Utf8Pool();
        var text = Encoding.UTF8.GetBytes(new string('a', Utf8Pool.MaxLength + 1));

        Assert.NotSame(pool.Get(text), pool.Get(text));
    }

    [Fact]
    public void Values_that_rarely_repeat_stop_being_looked_up_after_the_trial()
    {
        var pool = new Utf8Pool();
        for (var i = 0; i < Utf8Pool.Trial; i++)
        {
            pool.Get(Encoding.UTF8.GetBytes(i.ToString(CultureInfo.InvariantCulture)));
        }

        Assert.NotSame(pool.Get("repeat"u8), pool.Get("repeat"u8));
    }

    [Fact]
    public void Values_that_repeat_are_still_shared_after_the_trial()
    {
        var pool = new Utf8Pool();
        for (var i = 0; i < Utf8Pool.Trial; i++)
        {
            pool.Get(Encoding.UTF8.GetBytes($"category-{i % 20}"));
        }

        Assert.Same(pool.Get("category-3"u8), pool.Get("category-3"u8));
    }
}
