using DevEndpoint.Catalog;
using DevEndpoint.Connections;

namespace DevEndpoint.Tests.Connections;

public sealed class ConnectionSecretsTests
{
    [Fact]
    public void The_password_comes_from_the_named_environment_variable()
    {
        var variable = "DEVENDPOINT_SECRET_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "from-env");
        try
        {
            var login = ConnectionSecrets.Login(new Connection { Name = "shop", Type = ConnectionTypes.Postgres, Url = "Host=db", User = "reader", PasswordEnv = variable });

            Assert.Equal(("reader", "from-env"), (login.User, login.Password));
            Assert.DoesNotContain("from-env", login.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void A_missing_environment_variable_is_named_with_what_to_do()
    {
        var connection = new Connection { Name = "shop", Type = ConnectionTypes.Postgres, Url = "Host=db", PasswordEnv = "DEVENDPOINT_NOT_SET_ANYWHERE" };

        var error = Assert.Throws<DevEndpointException>(() => ConnectionSecrets.Login(connection));

        Assert.Equal(
            "Connection 'shop' takes its password from the environment variable DEVENDPOINT_NOT_SET_ANYWHERE, which is not set. Set it (export DEVENDPOINT_NOT_SET_ANYWHERE=...) in the environment that runs DevEndpoint and try again.",
            error.Message);
    }

    [Fact]
    public void A_credentials_file_gives_the_user_and_password_of_its_profile_section()
    {
        using var folder = new TempFolder();
        var path = folder.Write("creds.ini", "# test\n[default]\npassword = wrong\n\n[profile dev]\nuser = dev_reader\npassword = p=a;s s\n");
        var connection = new Connection { Name = "shop", Type = ConnectionTypes.Postgres, Url = "Host=db", CredentialsFile = path, Profile = "dev" };

        var login = ConnectionSecrets.Login(connection);

        Assert.Equal(("dev_reader", "p=a;s s"), (login.User, login.Password));
    }

    [Fact]
    public void A_credentials_file_problem_names_the_file_and_section_but_no_value()
    {
        using var folder = new TempFolder();
        var path = folder.Write("creds.ini", "[default]\nuser = reader\n");
        var bad = folder.Write("bad.ini", "[default]\nhunter2\n");
        Connection With(string file, string? profile = null) =>
            new() { Name = "shop", Type = ConnectionTypes.Postgres, Url = "Host=db", CredentialsFile = file, Profile = profile };

        Assert.Equal(
            $"The [default] section of the credentials file {path} has no password for connection 'shop'. Add a line password = ...",
            Assert.Throws<DevEndpointException>(() => ConnectionSecrets.Login(With(path))).Message);
        Assert.Equal(
            $"The credentials file {path} has no [dev] section for connection 'shop'. Add one holding password = ..., or name another section with --profile.",
            Assert.Throws<DevEndpointException>(() => ConnectionSecrets.Login(With(path, "dev"))).Message);
        Assert.Equal(
            $"The credentials file {bad} line 2 is not a key = value line. Write it as in ~/.aws/credentials: [default] then lines such as password = ...",
            Assert.Throws<DevEndpointException>(() => ConnectionSecrets.Login(With(bad))).Message);
        Assert.Equal(
            $"Connection 'shop' takes its secret from the credentials file {folder.Combine("none.ini")}, which does not exist. Create it with a [default] section holding password = ..., or fix the connection's --credentials-file.",
            Assert.Throws<DevEndpointException>(() => ConnectionSecrets.Login(With(folder.Combine("none.ini")))).Message);
    }

    [Fact]
    public void S3_keys_come_from_a_credentials_file_profile()
    {
        using var folder = new TempFolder();
        var path = folder.Write("credentials", "[lake]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = wJalr/EXAMPLEKEY\n");

        var keys = ConnectionSecrets.Aws(new Connection { Name = "lake", Type = ConnectionTypes.S3, Url = "http://127.0.0.1:4568", CredentialsFile = path, Profile = "lake" });

        Assert.Equal(("AKIDEXAMPLE", "wJalr/EXAMPLEKEY", (string?)null), (keys!.AccessKeyId, keys.SecretAccessKey, keys.SessionToken));
    }
}
