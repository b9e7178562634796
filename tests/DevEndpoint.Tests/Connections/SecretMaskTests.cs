using DevEndpoint.Connections;

namespace DevEndpoint.Tests.Connections;

public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("Host=db;Password=hunter2;Database=shop", "Host=db;Password=***;Database=shop")]
    [InlineData("host=db; pwd = hunter2", "host=db; pwd = ***")]
    [InlineData("PASSWORD='hunter 2';x=1", "PASSWORD=***;x=1")]
    [InlineData("aws_secret_access_key = abc/DEF+1", "aws_secret_access_key = ***")]
    [InlineData("GET http://AKIA:abc@127.0.0.1:4568/bucket", "GET http://AKIA:***@127.0.0.1:4568/bucket")]
    [InlineData("nothing secret here", "nothing secret here")]
    public void Secret_settings_are_masked(string text, string masked)
    {
        Assert.Equal(masked, SecretMask.Apply(text));
    }

    [Fact]
    public void Known_secret_values_are_masked_wherever_they_appear()
    {
        Assert.Equal("login failed for *** (user ***)", SecretMask.Apply("login failed for s3cr3t;x (user s3cr3t;x)", ["s3cr3t;x", null, ""]));
    }
}
