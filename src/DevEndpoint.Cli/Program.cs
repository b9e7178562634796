using DevEndpoint.Cli;

if (RunTieredCompilation.ShouldRestart(args))
{
    return await RunTieredCompilation.RestartAsync(args);
}

return await CliApp.RunAsync(args, Console.Out, Console.Error);
